namespace ExotelPS.Client;

/// <summary>
/// Places a stream of calls concurrently inside the account's rate limit and yields exactly one result per
/// input, in input order. Built to be fed from PowerShell's pipeline thread: <see cref="Post"/> and the
/// <c>Take</c> methods are called from one thread while the calls run on the thread pool.
/// </summary>
public sealed class CallDispatcher<TInput> : IDisposable
{
    /// <summary>Creates a dispatcher over a function that places one call (normally <see cref="ExotelClient.PlaceCallAsync"/>).</summary>
    public CallDispatcher(
        Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> placeCall,
        DispatcherOptions? options = null,
        CallJournal? journal = null,
        CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>A snapshot of the run so far.</summary>
    public DispatchProgress Progress => throw new NotImplementedException();

    /// <summary>
    /// Queues one input. The request is validated now; an invalid one becomes a Rejected result in its turn.
    /// <paramref name="identity"/> keys the row in the journal (default: From, target, CallerId and CustomField).
    /// Blocks, cancellably, only while <see cref="DispatcherOptions.MaxBacklog"/> results are waiting to be taken.
    /// </summary>
    public void Post(TInput input, PlaceCallOptions request, string? identity = null) => throw new NotImplementedException();

    /// <summary>Queues an input that could not even be turned into a request; it becomes a Rejected result in its turn.</summary>
    public void PostFailure(TInput input, ExotelException error) => throw new NotImplementedException();

    /// <summary>The results whose turn has come and are ready now, in input order; never blocks.</summary>
    public IEnumerable<DispatchResult<TInput>> TakeReady() => throw new NotImplementedException();

    /// <summary>Says no more input will come.</summary>
    public void Complete() => throw new NotImplementedException();

    /// <summary>Every remaining result in input order, blocking until each is ready; stops early when cancelled.</summary>
    public IEnumerable<DispatchResult<TInput>> TakeAll(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// For .NET apps: places every input and yields its result in input order as soon as it and all before it are done.
    /// </summary>
    public static IAsyncEnumerable<DispatchResult<TInput>> RunAsync(
        IEnumerable<TInput> inputs,
        Func<TInput, PlaceCallOptions> toRequest,
        Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> placeCall,
        DispatcherOptions? options = null,
        CallJournal? journal = null,
        CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <inheritdoc/>
    public void Dispose() => throw new NotImplementedException();
}

namespace ExotelPS.Client;

/// <content>Taking rows in from the pipeline thread: backpressure, validation, and routing each row to be sent or not.</content>
public sealed partial class CallDispatcher<TInput>
{
    /// <summary>
    /// Checks one row's request, once: its fields, its journal identity (<paramref name="identity"/> keys the row in the
    /// journal; default: From, target, CallerId and CustomField), and any <paramref name="rowFailures"/> the caller
    /// found in the row itself. Sends nothing; pass the result to <see cref="Post(TInput, CheckedRequest)"/>.
    /// </summary>
    public CheckedRequest Check(PlaceCallOptions request, string? identity = null, IEnumerable<ValidationFailure>? rowFailures = null)
    {
        _ = request ?? throw new ArgumentNullException(nameof(request));
        var key = rows.IdentityOf(request, identity);
        var failures = (rowFailures ?? Enumerable.Empty<ValidationFailure>()).Concat(ValidateFor(request)).ToList();
        if (JournalPolicy<Slot>.ProblemWith(key) is { } problem)
        {
            failures.Add(problem);
        }

        return new CheckedRequest(request, key, failures);
    }

    /// <summary>Checks one input's request (<see cref="Check"/>) and queues it (<see cref="Post(TInput, CheckedRequest)"/>).</summary>
    /// <exception cref="OperationCanceledException">The run was stopped.</exception>
    public void Post(TInput input, PlaceCallOptions request, string? identity = null) => Post(input, Check(request, identity));

    /// <summary>
    /// Queues one checked input: an invalid one becomes an Invalid result in its turn, with nothing sent or journaled.
    /// Blocks, cancellably, only while <see cref="DispatcherOptions.MaxBacklog"/> results are waiting to be taken.
    /// </summary>
    /// <remarks>
    /// Returns as soon as the next result in order is ready even when the backlog is full, so the single pipeline
    /// thread can take it: post, then <see cref="TakeReady"/>, and the backlog never exceeds MaxBacklog + 1.
    /// </remarks>
    /// <exception cref="OperationCanceledException">The run was stopped.</exception>
    public void Post(TInput input, CheckedRequest request)
    {
        _ = request ?? throw new ArgumentNullException(nameof(request));
        WaitForRoom();

        Accept(input, request);
    }

    /// <summary>Queues an input that could not even be turned into a request; it becomes a Rejected result in its turn.</summary>
    public void PostFailure(TInput input, ExotelException error)
    {
        _ = error ?? throw new ArgumentNullException(nameof(error));
        WaitForRoom();

        var slot = Enqueue(input, request: null, identity: null);
        Settle(slot, Result(slot, RowEnding.Invalid, error: error));
    }

    /// <summary>Says no more input will come.</summary>
    public void Complete()
    {
        lock (gate)
        {
            completing = true;
        }
    }

    private void WaitForRoom()
    {
        ThrowIfClosed();
        while (!HasRoom())
        {
            backlog.WaitForChange(stopToken);
        }

        // Stopping settles the head, which makes room: it must not let the input in.
        stopToken.ThrowIfCancellationRequested();
    }

    private void Accept(TInput input, CheckedRequest request)
    {
        if (!request.IsValid)
        {
            // No identity: nothing was sent, so there is nothing for the journal to remember.
            var refused = Enqueue(input, request.Request, identity: null);
            Settle(refused, Result(refused, RowEnding.Invalid, error: new ExotelValidationException(request.Failures)));
            return;
        }

        var slot = Enqueue(input, request.Request, request.Identity);

        DispatchResult<TInput>? settledNow;
        List<Slot>? toStart = null;
        lock (gate)
        {
            if (rows.WaitsBehind(slot.Identity, slot))
            {
                return;
            }

            settledNow = Route(slot);
            if (settledNow is null)
            {
                rows.Started(slot.Identity, slot);
            }

            TakeStartable(ref toStart);
        }

        if (settledNow is not null)
        {
            Settle(slot, settledNow);
        }

        Start(toStart);
    }

    private Slot Enqueue(TInput input, PlaceCallOptions? request, string? identity)
    {
        lock (gate)
        {
            var slot = new Slot(tally.Posted(), input, request, identity);
            backlog.Reserve(slot);
            return slot;
        }
    }

    // Room for one more input, or the next result in order is ready and the caller must take it before more fits.
    private bool HasRoom()
    {
        lock (gate)
        {
            return backlog.Count < limits.BacklogAllowed() || backlog.NextIsReady;
        }
    }

    private void ThrowIfClosed()
    {
        lock (gate)
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(CallDispatcher<TInput>));
            }

            if (completing)
            {
                throw new InvalidOperationException("Complete() was called: no more input can be posted.");
            }
        }

        backlog.ThrowIfFailed();
        stopToken.ThrowIfCancellationRequested();
    }

    // Under the gate. Either queues the slot to be sent or returns the result it gets without being sent.
    private DispatchResult<TInput>? Route(Slot slot)
    {
        if (stopped)
        {
            return Result(slot, RowEnding.NotSent, error: RowEndings.StoppedBeforeSending());
        }

        if (rows.SkipReason(slot.Identity, out var sid, out var recordedFrom) is { } skipped)
        {
            // A pool row names no agent: it had the one the journal recorded, and its output says so.
            if (slot.Request is { } request && string.IsNullOrWhiteSpace(request.From))
            {
                request.From = recordedFrom;
            }

            return Result(slot, skipped.MayHaveBeenPlaced ? RowEnding.SkippedInDoubt : RowEnding.SkippedPlaced, callSid: sid, error: skipped);
        }

        waiting.AddLast(slot);
        return null;
    }
}

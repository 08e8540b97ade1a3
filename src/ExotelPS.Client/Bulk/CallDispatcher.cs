using ExotelPS.Client.Pacing;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Places a stream of calls concurrently inside the account's rate limit and yields exactly one result per
/// input, in input order. Built to be fed from PowerShell's pipeline thread: <see cref="Post(TInput, CheckedRequest)"/>
/// and the <c>Take</c> methods are called from one thread while the calls run on the thread pool.
/// </summary>
/// <remarks>
/// <para>It coordinates objects that each keep their own state: admission and in-order output
/// (<see cref="RowAdmission{TInput}"/>), the in-flight window (<see cref="InFlightWindow{TRow}"/>), the row journal
/// (<see cref="RowJournal{TRow}"/>: identity, history, what is recorded when), the attempt schedule
/// (<see cref="IAttemptSchedule"/>: whether a row gets an attempt), per-From pacing (<see cref="RowPacing"/>), this run's
/// rows in doubt (<see cref="UnknownOutcomes{TInput}"/>) and the counts (<see cref="DispatchTally"/>). It holds no lock
/// of its own.</para>
/// <para>Outcomes: an <see cref="ExotelException"/> from the call becomes Rejected, or OutcomeUnknown when it says the
/// call may have been placed. Any other exception also becomes OutcomeUnknown: it may have struck after the request
/// was written, and calling that "not placed" would invite a retry that rings the person twice.</para>
/// <para>Stopping (the constructor's token, or <see cref="Dispose"/>): nothing new is sent and every posted input gets
/// its result at once, so <see cref="TakeAll(CancellationToken)"/> returns promptly. Requests that may be on the wire
/// are reported OutcomeUnknown (journaled as unknown); inputs not yet on the wire (still waiting for the rate limit,
/// too) are reported NotSent and are not journaled, so the next run places them.</para>
/// <para>A row's <c>sending</c> line is written at the last moment before its request goes on the wire (the place-call
/// function is handed a callback for that), so after a kill only requests that may have left are in doubt.</para>
/// </remarks>
public sealed class CallDispatcher<TInput> : IDisposable
{
    private readonly string accountSid;
    private readonly RowAdmission<TInput> admission;
    private readonly InFlightWindow<DispatchRow<TInput>> window;
    private readonly RowJournal<DispatchRow<TInput>> rows;
    private readonly RowPacing pacing;
    private readonly CampaignRun<TInput>? campaign;
    private readonly UnknownOutcomes<TInput> unknown = new();
    private readonly DispatchTally tally = new();
    private readonly RowPlacer<TInput> placer;
    private readonly CancellationTokenSource stop;
    private readonly CancellationToken stopToken;
    private readonly CancellationTokenRegistration onStop;

    /// <summary>
    /// Creates a dispatcher over a function that places one call and cannot say when its request goes on the wire:
    /// a row is journaled as <c>sending</c> just before the function is called.
    /// </summary>
    public CallDispatcher(
        Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> placeCall,
        DispatcherOptions? options = null,
        CallJournal? journal = null,
        CancellationToken cancellationToken = default)
        : this(PlaceCall.SendingFirst(placeCall ?? throw new ArgumentNullException(nameof(placeCall))), options, journal, client: null, cancellationToken)
    {
    }

    /// <summary>
    /// Creates a dispatcher that places calls with <paramref name="client"/>: a row is journaled as <c>sending</c>
    /// once the account's throttle lets its request go, just before it goes on the wire.
    /// </summary>
    public CallDispatcher(
        ExotelClient client,
        DispatcherOptions? options = null,
        CallJournal? journal = null,
        CancellationToken cancellationToken = default)
        : this(PlaceCall.Through(client ?? throw new ArgumentNullException(nameof(client))), options, journal, client, cancellationToken)
    {
    }

    private CallDispatcher(
        Func<CheckedRequest, Func<Task>, CancellationToken, Task<ExotelCall>> placeCall,
        DispatcherOptions? options,
        CallJournal? journal,
        ExotelClient? client,
        CancellationToken cancellationToken)
    {
        options ??= new DispatcherOptions();

        // The flow URL names the account; a dispatcher over a function sends the request, not the form.
        accountSid = client?.Account.AccountSid ?? "validate";
        window = new InFlightWindow<DispatchRow<TInput>>(
            options, client?.InFlightPlaces, () => placer!.StartWhatMay(), waiting => pacing!.SetWaiting(waiting), awaiting => pacing!.SetAwaitingSend(awaiting));
        admission = new RowAdmission<TInput>(() => window.BacklogAllowed(), options.Campaign is null ? null : () => campaign!.Held);
        rows = new RowJournal<DispatchRow<TInput>>(journal, recordsRefused: options.Campaign is not null);

        // A campaign paces even when no limit per From was asked (none then): the pacer is where a pool row gets its agent.
        var pacingOptions = options.Pacing ?? (options.Campaign is null ? null : new PacingOptions { MaxCallsPerFrom = 0 });
        campaign = options.Campaign is null ? null : StartCampaign(options, client ?? options.Pacing?.Client, pacingOptions!);
        pacing = new RowPacing(pacingOptions, client, rows.EarlierPlacedCalls(), () => placer!.StartWhatMay(), followedElsewhere: campaign is not null);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stopToken = stop.Token;
        placer = new RowPlacer<TInput>(placeCall, admission, window, rows, campaign, () => pacing, unknown, tally, stopToken, StopRun);

        // Last: runs at once when the token is already cancelled.
        onStop = stopToken.Register(placer.OnStopped);
    }

    /// <summary>A snapshot of the run so far.</summary>
    public DispatchProgress Progress => tally.Snapshot(admission.Posted, window.OnTheWire, pacing.Busy, pacing.Waiting, campaign?.NextAttemptAt);

    /// <summary>Journaled rows of this run that ended OutcomeUnknown so far: what <see cref="ReconcileUnknownAsync"/> looks at.</summary>
    public int RowsInDoubt => unknown.Count;

    /// <summary>
    /// For .NET apps: places every input and yields its result in input order as soon as it and all before it are done.
    /// </summary>
    /// <remarks>
    /// An <see cref="ExotelException"/> from <paramref name="toRequest"/> becomes that input's Rejected result. When
    /// cancelled, no further input is read, the results of the inputs already read are yielded, then
    /// <see cref="OperationCanceledException"/> is thrown.
    /// </remarks>
    public static IAsyncEnumerable<DispatchResult<TInput>> RunAsync(
        IEnumerable<TInput> inputs,
        Func<TInput, PlaceCallOptions> toRequest,
        Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> placeCall,
        DispatcherOptions? options = null,
        CallJournal? journal = null,
        CancellationToken cancellationToken = default)
    {
        _ = inputs ?? throw new ArgumentNullException(nameof(inputs));
        _ = toRequest ?? throw new ArgumentNullException(nameof(toRequest));
        _ = placeCall ?? throw new ArgumentNullException(nameof(placeCall));
        return DispatchStream<TInput>.Run(inputs, toRequest, () => new CallDispatcher<TInput>(placeCall, options, journal, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Checks one row's request, once: its fields, its journal identity (<paramref name="identity"/> keys the row in the
    /// journal; default: From, target, CallerId and CustomField), and any <paramref name="rowFailures"/> the caller
    /// found in the row itself. Sends nothing; pass the result to <see cref="Post(TInput, CheckedRequest)"/>, which
    /// sends what was checked here without checking it again.
    /// </summary>
    public CheckedRequest Check(PlaceCallOptions request, string? identity = null, IEnumerable<ValidationFailure>? rowFailures = null)
    {
        _ = request ?? throw new ArgumentNullException(nameof(request));
        var key = rows.IdentityOf(request, identity);
        var (failures, form) = request.Check(accountSid);

        // A row with no From is not refused for it when the pool will give it an agent.
        var all = (rowFailures ?? Enumerable.Empty<ValidationFailure>())
            .Concat(pacing.AssignsFrom(request) ? failures.Where(failure => failure.Field != nameof(PlaceCallOptions.From)) : failures)
            .ToList();
        if (RowJournal<DispatchRow<TInput>>.ProblemWith(key) is { } problem)
        {
            all.Add(problem);
        }

        return new CheckedRequest(request, key, all, form);
    }

    /// <summary>Checks one input's request (<see cref="Check"/>) and queues it (<see cref="Post(TInput, CheckedRequest)"/>).</summary>
    /// <exception cref="OperationCanceledException">The run was stopped.</exception>
    public void Post(TInput input, PlaceCallOptions request, string? identity = null) => Post(input, Check(request, identity));

    /// <summary>
    /// Queues one checked input: an invalid one becomes an Invalid result in its turn, with nothing sent or journaled.
    /// Blocks, cancellably, only while <see cref="DispatcherOptions.MaxBacklog"/> results are waiting to be taken;
    /// returns as soon as the next result in order is ready, so the caller can take it: post, then
    /// <see cref="TakeReady"/>, and the backlog never exceeds MaxBacklog + 1.
    /// </summary>
    /// <exception cref="OperationCanceledException">The run was stopped.</exception>
    /// <exception cref="JournalWriteException">The journal could not be written, which stopped the run.</exception>
    public void Post(TInput input, CheckedRequest request)
    {
        _ = request ?? throw new ArgumentNullException(nameof(request));
        admission.WaitForRoom(stopToken);
        Admit(input, request);
    }

    /// <summary>Queues an input that could not even be turned into a request; it becomes an Invalid result in its turn.</summary>
    public void PostFailure(TInput input, ExotelException error)
    {
        _ = error ?? throw new ArgumentNullException(nameof(error));
        admission.WaitForRoom(stopToken);
        tally.Posted();
        var row = admission.Admit(input, request: null);
        placer.Settle(row, row.Ending(RowEnding.Invalid, error: error));
    }

    /// <summary>Says no more input will come.</summary>
    public void Complete() => admission.Complete();

    /// <summary>The results whose turn has come and are ready now, in input order; never blocks.</summary>
    public IEnumerable<DispatchResult<TInput>> TakeReady() => admission.TakeReady();

    /// <summary>Every remaining result in input order, blocking until each is ready; stops early when cancelled.</summary>
    /// <exception cref="JournalWriteException">The journal could not be written, which stopped the run (after the results).</exception>
    public IEnumerable<DispatchResult<TInput>> TakeAll(CancellationToken cancellationToken = default) => admission.TakeAll(cancellationToken);

    /// <summary>
    /// As <see cref="TakeAll(CancellationToken)"/>, calling <paramref name="idle"/> on the taking thread whenever
    /// <paramref name="idleEvery"/> passes with no result to take: a paced run can wait long for a busy agent, and the
    /// caller can show its progress meanwhile.
    /// </summary>
    public IEnumerable<DispatchResult<TInput>> TakeAll(TimeSpan idleEvery, Action idle, CancellationToken cancellationToken = default) =>
        admission.TakeAll(cancellationToken, idleEvery, idle ?? throw new ArgumentNullException(nameof(idle)));

    /// <summary>
    /// After the last result (<see cref="TakeAll(CancellationToken)"/>): reconciles the rows of this run that ended
    /// OutcomeUnknown and whose certainty comes within <paramref name="wait"/>, recording each resolution in the journal
    /// (<c>found</c>, <c>notplaced</c>, <c>indoubt</c>). Rows whose certainty comes later are returned unreconciled, in
    /// doubt until then: a rerun on the journal settles them. Without a journal, nothing: the run kept no record of its
    /// rows, so it could not tell its own calls from another row's.
    /// </summary>
    /// <returns>One row per row that ended OutcomeUnknown, in input order.</returns>
    /// <exception cref="InvalidOperationException">Results are still being taken.</exception>
    /// <exception cref="JournalWriteException">The journal could not be written.</exception>
    public Task<ReconciledRows<TInput>> ReconcileUnknownAsync(CallReconciler reconciler, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        _ = reconciler ?? throw new ArgumentNullException(nameof(reconciler));
        return admission.IsDrained
            ? unknown.ReconcileAsync(rows, reconciler, wait, cancellationToken)
            : throw new InvalidOperationException(EngineStrings.ReconcileBeforeTaken);
    }

    /// <summary>Stops the run as the constructor's token would: nothing new is sent, calls in flight are cancelled.</summary>
    public void Dispose()
    {
        if (!admission.Close())
        {
            return;
        }

        stop.Cancel();
        onStop.Dispose();
        stop.Dispose();
        pacing.Dispose();
    }

    /// <summary>Queues one checked input, once there is room (for the async driver, which waits for room itself).</summary>
    internal void Admit(TInput input, CheckedRequest request)
    {
        tally.Posted();
        var row = admission.Admit(input, request);
        if (!request.IsValid)
        {
            placer.Settle(row, row.Ending(RowEnding.Invalid, error: new ExotelValidationException(request.Failures)));
        }
        else if (!rows.WaitsBehind(row.Identity, row))
        {
            placer.Decide(row);
        }
    }

    /// <summary>Waits for room for one more input; false once the run was stopped.</summary>
    internal Task<bool> WaitForRoomAsync() => admission.WaitForRoomAsync(stopToken);

    /// <summary>Admission and in-order output, for the async driver.</summary>
    internal RowAdmission<TInput> Admission => admission;

    private CampaignRun<TInput> StartCampaign(DispatcherOptions options, ExotelClient? client, PacingOptions polling)
    {
        if (client is null)
        {
            throw new ArgumentException(EngineStrings.CampaignNeedsClient, nameof(options));
        }

        var schedule = new CampaignSchedule(options.Campaign!, Campaigns.RunBudget.Start(options.MaxRunTime, client.TimeProvider));
        return new CampaignRun<TInput>(schedule, client, polling, rows, tally, window, () => placer, () => pacing, admission.RoomMade);
    }

    // The journal failed: nothing more may be sent.
    private void StopRun()
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed, hence already stopped.
        }
    }
}

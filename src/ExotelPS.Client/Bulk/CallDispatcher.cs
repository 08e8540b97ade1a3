using ExotelPS.Client.Throttling;

namespace ExotelPS.Client;

/// <summary>
/// Places a stream of calls concurrently inside the account's rate limit and yields exactly one result per
/// input, in input order. Built to be fed from PowerShell's pipeline thread: <see cref="Post"/> and the
/// <c>Take</c> methods are called from one thread while the calls run on the thread pool.
/// </summary>
/// <remarks>
/// <para>Outcomes: an <see cref="ExotelException"/> from the call becomes Rejected, or OutcomeUnknown when it says the
/// call may have been placed. Any other exception also becomes OutcomeUnknown: it may have struck after the request
/// was written, and calling that "not placed" would invite a retry that rings the person twice.</para>
/// <para>Stopping (the constructor's token, or <see cref="Dispose"/>): nothing new is sent and every posted input gets
/// its result at once, so <see cref="TakeAll"/> returns promptly. Requests on the wire are cancelled and reported
/// OutcomeUnknown (journaled as unknown: they may have reached Exotel); inputs not yet on the wire (still waiting for
/// the rate limit, too) are reported NotSent with a <see cref="CallNotSentException"/> and are not journaled, so the
/// next run places them.</para>
/// <para>A row's <c>sending</c> line is written at the last moment before its request goes on the wire (the place-call
/// function is handed a callback for that), so after a kill only requests that may have left are in doubt.</para>
/// <para>With a journal (<see cref="JournalPolicy{TRow}"/> holds these rules), rows are keyed by identity: a row the journal shows placed, or in doubt
/// (never placed again until reconciliation proves it was not: <see cref="ReconcileUnknownAsync"/>, <see cref="JournalReconciler"/>),
/// is Skipped; a row rejected, or proven not placed, is tried again. A row
/// whose identity is still in flight in this run waits for that outcome instead of running beside it. Without a
/// journal there is no identity: every row is placed (and memory stays flat however long the input).</para>
/// </remarks>
public sealed partial class CallDispatcher<TInput> : IDisposable
{
    private readonly Func<PlaceCallOptions, Action, CancellationToken, Task<ExotelCall>> placeCall;
    private readonly JournalPolicy<Slot> rows;
    private readonly DispatchLimits limits;
    private readonly CancellationTokenSource stop;
    private readonly CancellationToken stopToken;
    private readonly CancellationTokenRegistration onStop;

    // Guards everything below; never held while calling placeCall, writing the journal or cancelling.
    private readonly object gate = new();

    // Posted inputs whose results are not taken yet, in input order: the backlog.
    private readonly InOrderResults<Slot, DispatchResult<TInput>> backlog = new();

    // Inputs cleared to be sent, waiting for a place in flight (and, with pacing, for their From), in input order.
    private readonly LinkedList<Slot> waiting = new();

    private readonly DispatchTally tally = new();
    private bool completing;
    private bool stopped;
    private bool disposed;

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
        Func<PlaceCallOptions, Action, CancellationToken, Task<ExotelCall>> placeCall,
        DispatcherOptions? options,
        CallJournal? journal,
        ExotelClient? client,
        CancellationToken cancellationToken)
    {
        this.placeCall = placeCall;
        options ??= new DispatcherOptions();
        limits = new DispatchLimits(options);
        rows = new JournalPolicy<Slot>(journal, backlog.Fail);
        pacing = StartPacing(options.Pacing, client, journal);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stopToken = stop.Token;

        // Last: runs at once when the token is already cancelled.
        onStop = stopToken.Register(OnStopped);
    }

    /// <summary>A snapshot of the run so far.</summary>
    public DispatchProgress Progress
    {
        get
        {
            lock (gate)
            {
                return tally.Snapshot(pacing?.Busy ?? 0, pacing?.Waiting ?? 0);
            }
        }
    }

    /// <summary>The results whose turn has come and are ready now, in input order; never blocks.</summary>
    public IEnumerable<DispatchResult<TInput>> TakeReady() => backlog.TakeReady();

    /// <summary>Every remaining result in input order, blocking until each is ready; stops early when cancelled.</summary>
    /// <exception cref="IOException">The journal could not be written, which stopped the run (after the results).</exception>
    public IEnumerable<DispatchResult<TInput>> TakeAll(CancellationToken cancellationToken = default) => backlog.TakeAll(cancellationToken);

    /// <summary>
    /// As <see cref="TakeAll(CancellationToken)"/>, calling <paramref name="idle"/> on the taking thread whenever
    /// <paramref name="idleEvery"/> passes with no result to take: a paced run can wait long for a busy agent, and the
    /// caller can show its progress meanwhile.
    /// </summary>
    public IEnumerable<DispatchResult<TInput>> TakeAll(TimeSpan idleEvery, Action idle, CancellationToken cancellationToken = default) =>
        backlog.TakeAll(cancellationToken, idleEvery, idle ?? throw new ArgumentNullException(nameof(idle)));

    private static DispatchResult<TInput> Result(Slot slot, RowEnding ending, ExotelCall? call = null, string? callSid = null, ExotelException? error = null) =>
        new(slot.Index, slot.Input, slot.Request, ending, call, callSid, error);

    // Under the gate: moves waiting slots into flight while there is room, in input order; with pacing, a slot whose
    // From has no room stays and the slots behind it pass.
    private void TakeStartable(ref List<Slot>? toStart)
    {
        var allowed = limits.InFlightAllowed();
        var waitingForFrom = 0;
        var node = waiting.First;
        while (!stopped && tally.InFlight < allowed && node is not null)
        {
            var next = node.Next;
            if (FromHasRoom(node.Value))
            {
                waiting.Remove(node);
                node.Value.Started = true;
                tally.Started();
                AwaitsRate(+1);
                (toStart ??= new List<Slot>()).Add(node.Value);
            }
            else
            {
                waitingForFrom++;
            }

            node = next;
        }

        pacing?.SetWaiting(waitingForFrom);
    }

    private void Start(List<Slot>? slots)
    {
        if (slots is null)
        {
            return;
        }

        foreach (var slot in slots)
        {
            _ = Task.Run(() => PlaceAsync(slot));
        }
    }

    private async Task PlaceAsync(Slot slot)
    {
        var request = slot.Request!;
        if (stopToken.IsCancellationRequested)
        {
            // Stopped between being cleared to go and reaching the thread pool: stopping already reported it.
            return;
        }

        DispatchResult<TInput> result;
        try
        {
            var call = await placeCall(request, () => BeforeSending(slot), stopToken).ConfigureAwait(false);
            result = Result(slot, RowEnding.Placed, call);
        }
        catch (Exception e) when (e is CallNotSentException || (e is not ExotelException && !IsOnTheWire(slot)))
        {
            // Stopped (or the journal failed) before the request left, e.g. while it waited for the rate limit.
            result = Result(slot, RowEnding.NotSent, error: e as CallNotSentException ?? RowEndings.StoppedBeforeSending());
        }
        catch (Exception e)
        {
            var error = RowEndings.AsExotelError(e);
            result = Result(slot, RowEndings.EndingOf(error), error: error);
        }

        Settle(slot, result);
    }

    /// <summary>
    /// Called just before the slot's request goes on the wire (each attempt). The first time, it writes the row's
    /// <c>sending</c> line, so a crash mid-call leaves the row "outcome unknown" rather than unrecorded; it throws,
    /// so that nothing is sent, when the run was stopped or that line could not be written.
    /// </summary>
    private void BeforeSending(Slot slot)
    {
        bool recorded;
        lock (gate)
        {
            if (stopped)
            {
                throw RowEndings.StoppedBeforeSending();
            }

            if (slot.OnTheWire)
            {
                return;
            }

            // Under the lock, so that a stop cannot come between the sending line and the send: a stop in between
            // would report the row not sent while the journal holds it in doubt. A row journaled as sending goes.
            recorded = rows.TryRecordSending(slot.Identity, slot.Request);
            slot.OnTheWire = recorded;
            AwaitsRate(recorded ? -1 : 0);
        }

        if (!recorded)
        {
            StopAfterJournalFault();
            throw RowEndings.JournalUnwritable();
        }
    }

    private bool IsOnTheWire(Slot slot)
    {
        lock (gate)
        {
            return slot.OnTheWire;
        }
    }

    /// <summary>
    /// Gives a slot its result (first result wins: a call abandoned at stop may still answer later), journals it,
    /// then decides any same-identity row that waited on it and starts what may start.
    /// </summary>
    private void Settle(Slot slot, DispatchResult<TInput> result)
    {
        List<Slot>? toStart = null;
        var journalFailed = false;
        Slot? current = slot;
        while (current is not null && current.TryClaim())
        {
            journalFailed |= !rows.TryRecordOutcome(current.Identity, result);

            DispatchResult<TInput>? followerResult = null;
            lock (gate)
            {
                var follower = Publish(current, result);
                if (follower is not null)
                {
                    followerResult = Route(follower);
                }

                TakeStartable(ref toStart);
                current = followerResult is null ? null : follower;
            }

            result = followerResult!;
        }

        Start(toStart);
        if (journalFailed)
        {
            StopAfterJournalFault();
        }
    }

    // Under the gate. Returns the same-identity row that waited on this one.
    private Slot? Publish(Slot slot, DispatchResult<TInput> result)
    {
        tally.Settled(result.Ending, slot.Started);
        RememberIfInDoubt(slot, result);
        AwaitsRate(slot.Started && !slot.OnTheWire ? -1 : 0);
        FreeFrom(slot, result);

        // Last, so a taker that sees the result also sees it counted.
        backlog.Fill(slot, result);
        return rows.Finished(slot.Identity, slot);
    }
}

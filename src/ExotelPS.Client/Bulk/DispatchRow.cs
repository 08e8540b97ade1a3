namespace ExotelPS.Client;

/// <summary>
/// One posted input on its way to its result: what was posted, and how far it has gone. No lock guards it: each step
/// is one atomic write or compare-and-swap, and the two that race (its first <c>sending</c> line, and a stop calling it
/// not sent) are decided by one compare-and-swap, so a row journaled as sending is never reported not sent.
/// </summary>
internal sealed class DispatchRow<TInput> : Turn<DispatchResult<TInput>>
{
    private const int Open = 0;
    private const int Sending = 1;
    private const int HeldBack = 2;

    private int started;
    private int send;
    private int awaitingSend;
    private int claimed;

    public DispatchRow(long index, TInput input, CheckedRequest? request)
    {
        Index = index;
        Input = input;
        Checked = request;
    }

    /// <summary>What <see cref="BeginSending"/> found.</summary>
    public enum SendStep
    {
        /// <summary>The first attempt: write the row's <c>sending</c> line now.</summary>
        First,

        /// <summary>A later attempt (a retry after 429): the line is written already.</summary>
        Again,

        /// <summary>A stop called the row not sent first: nothing may be sent.</summary>
        HeldBack,
    }

    public long Index { get; }

    public TInput Input { get; }

    /// <summary>The request as checked once, when posted; null for an input that could not be turned into one.</summary>
    public CheckedRequest? Checked { get; }

    public PlaceCallOptions? Request => Checked?.Request;

    public string? Identity => Checked?.Identity;

    /// <summary>The room its From gave it, with pacing; set once, as it starts.</summary>
    public Pacing.FromLease? Lease { get; set; }

    /// <summary>In a campaign, the row's attempts; null otherwise.</summary>
    public RowAttempts? Attempts { get; set; }

    /// <summary>Handed to the place-call function.</summary>
    public bool IsStarted => Volatile.Read(ref started) == 1;

    /// <summary>Its <c>sending</c> line is being written or was: its request may leave, so it cannot be called not sent.</summary>
    public bool MayBeOnTheWire => Volatile.Read(ref send) == Sending;

    /// <summary>A campaign row's result for this run: its last call (this run's as Exotel reported it, else the journal's), with the decision.</summary>
    public DispatchResult<TInput> Decided(Campaigns.RowDecision decision)
    {
        var call = Attempts!.LastKnownCall();
        var ending = Attempts.PlacedThisRun ? RowEnding.Placed : call is null ? RowEnding.Deferred : RowEnding.SkippedPlaced;
        return Ending(ending, call, decision: decision);
    }

    /// <summary>The result of the row ending so: with its call (placed), the Sid it was skipped with, or its error.</summary>
    public DispatchResult<TInput> Ending(
        RowEnding ending, ExotelCall? call = null, string? callSid = null, ExotelException? error = null, Campaigns.RowDecision? decision = null) =>
        new(Index, Input, Request, ending, call, callSid, error) { Decision = decision };

    /// <summary>
    /// A campaign's row goes for another attempt: every step starts afresh (its <c>sending</c> line is written again),
    /// and a pool row gives up its agent, so any free one may take the redial.
    /// </summary>
    public void NextAttempt()
    {
        Lease = null;
        if (Attempts is { IsPoolRow: true } && Request is { } request)
        {
            request.From = null;
        }

        Volatile.Write(ref started, 0);
        Volatile.Write(ref send, Open);
        Volatile.Write(ref awaitingSend, 0);
        Volatile.Write(ref claimed, 0);
    }

    /// <summary>The row is handed to the place-call function; it waits for its request to be let onto the wire.</summary>
    public void Start()
    {
        Volatile.Write(ref awaitingSend, 1);
        Volatile.Write(ref started, 1);
    }

    /// <summary>Just before an attempt goes on the wire: the first one writes the <c>sending</c> line, unless a stop held the row back.</summary>
    public SendStep BeginSending() => Interlocked.CompareExchange(ref send, Sending, Open) switch
    {
        Open => SendStep.First,
        Sending => SendStep.Again,
        _ => SendStep.HeldBack,
    };

    /// <summary>Its <c>sending</c> line could not be written: nothing was sent.</summary>
    public void SendingFailed() => Volatile.Write(ref send, Open);

    /// <summary>A stop: true when nothing can be sent for the row any more (not sent), false when its request may be on the wire.</summary>
    public bool TryHoldBack() => Interlocked.CompareExchange(ref send, HeldBack, Open) != Sending;

    /// <summary>True once only, when a started row stops waiting to be sent (it was sent, or it settled first).</summary>
    public bool TryStopAwaitingSend() => Interlocked.Exchange(ref awaitingSend, 0) == 1;

    /// <summary>True for the first caller only: the one that settles the row.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref claimed, 1) == 0;
}

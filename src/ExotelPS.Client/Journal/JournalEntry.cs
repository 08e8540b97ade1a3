namespace ExotelPS.Client;

/// <summary>What a journal line says happened to a row.</summary>
internal enum JournalOutcome
{
    /// <summary>Written just before the POST: a row whose last line says this was cut off mid-send, its outcome unknown.</summary>
    Sending,

    /// <summary>Exotel accepted the call.</summary>
    Placed,

    /// <summary>Refused; no call was placed.</summary>
    Rejected,

    /// <summary>Sent without a definite answer: the call may have been placed.</summary>
    Unknown,

    /// <summary>Reconciliation found the row's call in Exotel's listing (with its Sid): placed.</summary>
    Found,

    /// <summary>Reconciliation proved no call was placed: the row may be placed again.</summary>
    NotPlaced,

    /// <summary>Reconciliation could not settle the row yet: still in doubt, until a time (or with several matching calls).</summary>
    InDoubt,
}

/// <summary>The latest journal record of one identity.</summary>
internal sealed class JournalEntry
{
    public JournalEntry(JournalOutcome outcome, string? sid, DateTimeOffset? at, bool fromEarlierRun)
    {
        Outcome = outcome;
        Sid = sid;
        At = at;
        FromEarlierRun = fromEarlierRun;
    }

    public JournalOutcome Outcome { get; }

    public string? Sid { get; }

    public DateTimeOffset? At { get; }

    /// <summary>The number rung first, as the line recorded it (the agent a pool row was given, too).</summary>
    public string? From { get; init; }

    /// <summary>True when read from the file at open, false when recorded by this run.</summary>
    public bool FromEarlierRun { get; }

    /// <summary>
    /// While in doubt: the request that may have placed a call, as its first <c>sending</c> line since the row was last
    /// settled recorded it; null when no such line is known (the row cannot be reconciled then).
    /// </summary>
    public CallInDoubt? Doubt { get; private set; }

    /// <summary>For an <c>indoubt</c> line: when certainty comes (null: never, by the listing).</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>For an <c>indoubt</c> line: the calls that matched, when several did.</summary>
    public IReadOnlyList<string> Sids { get; init; } = Array.Empty<string>();

    /// <summary>True when a call may exist for the row but was never confirmed.</summary>
    public bool IsInDoubt => Outcome is JournalOutcome.Sending or JournalOutcome.Unknown or JournalOutcome.InDoubt;

    /// <summary>True when the row's call is known: placed, or found by reconciliation. Nothing overrides it.</summary>
    public bool IsPlaced => Outcome is JournalOutcome.Placed or JournalOutcome.Found;

    /// <summary>A <c>sending</c> line's entry, with the request it sent.</summary>
    public static JournalEntry Sending(DateTimeOffset? at, bool fromEarlierRun, CallInDoubt? request) =>
        new(JournalOutcome.Sending, sid: null, at, fromEarlierRun) { Doubt = request };

    /// <summary>
    /// This line's entry after <paramref name="earlier"/>: a placed row stays placed, and a row still in doubt keeps
    /// the request of its first attempt in doubt, so reconciliation searches from the earliest time a call could exist.
    /// </summary>
    public JournalEntry After(JournalEntry? earlier)
    {
        if (earlier is { IsPlaced: true })
        {
            return earlier;
        }

        if (IsInDoubt && earlier is { IsInDoubt: true, Doubt: { } first })
        {
            Doubt = first;
        }

        return this;
    }
}

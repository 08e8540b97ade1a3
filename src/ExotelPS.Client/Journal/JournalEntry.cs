namespace ExotelPS.Client;

/// <summary>The latest journal record of one identity: how the row ended, or (a <c>sending</c> line) that its request was leaving.</summary>
internal sealed class JournalEntry
{
    public JournalEntry(RowEnding? ending, string? sid, DateTimeOffset? at, bool fromEarlierRun)
    {
        Ending = ending;
        Sid = sid;
        At = at;
        FromEarlierRun = fromEarlierRun;
    }

    /// <summary>How the row ended; null for a <c>sending</c> line: its request was leaving, and nothing since says how it went.</summary>
    public RowEnding? Ending { get; }

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
    public bool IsInDoubt => Ending is null or RowEnding.OutcomeUnknown or RowEnding.StillInDoubt;

    /// <summary>True when the row's call is known: placed, or found by reconciliation. Nothing overrides it.</summary>
    public bool IsPlaced => Ending is RowEnding.Placed or RowEnding.Found;

    /// <summary>A <c>sending</c> line's entry, with the request it sent.</summary>
    public static JournalEntry Sending(DateTimeOffset? at, bool fromEarlierRun, CallInDoubt? request) =>
        new(ending: null, sid: null, at, fromEarlierRun) { Doubt = request };

    /// <summary>
    /// This line's entry after <paramref name="earlier"/>: a placed row stays placed until it is sent again (only a
    /// campaign's redial sends a placed row), and a row still in doubt keeps the request of its first attempt in doubt,
    /// so reconciliation searches from the earliest time a call could exist.
    /// </summary>
    public JournalEntry After(JournalEntry? earlier)
    {
        // A refused row's line says nothing of its calls: the record before it stands (a row in doubt stays in doubt).
        if ((earlier is { IsPlaced: true } && Ending is not null) || (earlier is not null && Ending == RowEnding.Invalid))
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

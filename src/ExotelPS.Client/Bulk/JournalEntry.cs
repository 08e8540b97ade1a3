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

    /// <summary>True when read from the file at open, false when recorded by this run.</summary>
    public bool FromEarlierRun { get; }

    /// <summary>True when a call may exist for the row but was never confirmed.</summary>
    public bool IsInDoubt => Outcome is JournalOutcome.Sending or JournalOutcome.Unknown;
}

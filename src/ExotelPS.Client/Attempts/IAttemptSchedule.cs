namespace ExotelPS.Client;

/// <summary>
/// Whether a row gets an attempt now, from what its journal shows of the attempts before: the one place a campaign's
/// attempt schedule lives. Today there is one schedule, <see cref="SingleAttempt"/>: a row is placed at most once, and
/// a row that may have been placed waits for reconciliation. A campaign (redials, calling windows, a run budget)
/// plugs in here a schedule that counts attempts, reads each one's final status and says when the next may start.
/// </summary>
internal interface IAttemptSchedule
{
    /// <summary>The row's next step, given its identity's latest journal record (null: no attempt recorded).</summary>
    AttemptDecision Next(JournalEntry? history);
}

/// <summary>What an <see cref="IAttemptSchedule"/> decided for a row: attempt it now, or end it without sending.</summary>
internal sealed class AttemptDecision
{
    /// <summary>Place the row's call now.</summary>
    public static readonly AttemptDecision Attempt = new(null, null, null, null);

    private AttemptDecision(RowEnding? ending, string? sid, string? from, RowEndingException? reason)
    {
        Ending = ending;
        Sid = sid;
        From = from;
        Reason = reason;
    }

    /// <summary>How the row ends without an attempt; null to attempt it.</summary>
    public RowEnding? Ending { get; }

    /// <summary>The call the journal recorded for the row, if any.</summary>
    public string? Sid { get; }

    /// <summary>The From the journal recorded (the agent a pool row was given).</summary>
    public string? From { get; }

    /// <summary>Why nothing is sent for the row, when that is an error (a row in doubt); null for a row already placed.</summary>
    public RowEndingException? Reason { get; }

    /// <summary>End the row now, as <paramref name="ending"/>, with what the journal recorded for it.</summary>
    public static AttemptDecision Skip(RowEnding ending, JournalEntry history, RowEndingException? reason = null) =>
        new(ending, history.Sid, history.From, reason);
}

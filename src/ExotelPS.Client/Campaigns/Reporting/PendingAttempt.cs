namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>A pending row's next attempt.</summary>
public sealed class PendingAttempt
{
    internal PendingAttempt(ReportedRow row, RowDecision decision, DateTimeOffset nextAttemptAt)
    {
        Position = row.Position;
        Key = row.Key;
        Attempts = decision.CustomerAttempts;
        LastStatus = row.Calls.Count > 0 ? row.Calls[row.Calls.Count - 1].Attempt.Verdict.Status : (CallStatus?)null;
        NextAttemptAt = nextAttemptAt;
    }

    /// <summary>The row's number in the input.</summary>
    public int Position { get; }

    /// <summary>What identifies the row: the journal's key.</summary>
    public string Key { get; }

    /// <summary>Attempts on the customer so far.</summary>
    public int Attempts { get; }

    /// <summary>The status of the row's last call; null when it has none yet.</summary>
    public CallStatus? LastStatus { get; }

    /// <summary>When the next attempt may start, in the campaign's time zone.</summary>
    public DateTimeOffset NextAttemptAt { get; }
}

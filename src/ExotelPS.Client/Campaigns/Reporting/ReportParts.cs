namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>The final outcome of a row, as a campaign report counts it.</summary>
public enum ReportOutcome
{
    /// <summary>The customer answered.</summary>
    Reached,

    /// <summary>Done without reaching the customer.</summary>
    GaveUp,

    /// <summary>Due another attempt (scheduled in this run or pending for a later one).</summary>
    Pending,

    /// <summary>Refused as invalid input.</summary>
    Refused,
}

/// <summary>One bar of the outcomes chart: how many rows ended so, gave-up rows split by their last call's status.</summary>
public sealed class OutcomeCount
{
    internal OutcomeCount(ReportOutcome outcome, CallStatus? lastStatus, int count)
    {
        Outcome = outcome;
        LastStatus = lastStatus;
        Count = count;
    }

    /// <summary>The rows' outcome.</summary>
    public ReportOutcome Outcome { get; }

    /// <summary>For gave-up rows, the status a redial was decided on (busy, no-answer, failed); null otherwise.</summary>
    public CallStatus? LastStatus { get; }

    /// <summary>How many rows.</summary>
    public int Count { get; }
}

/// <summary>Attempts on customers, and the answered ones, that started in one hour of the day in the campaign's time zone.</summary>
public sealed class HourOfDay
{
    internal HourOfDay(int hour, int attempts, int reached)
    {
        Hour = hour;
        Attempts = attempts;
        Reached = reached;
    }

    /// <summary>The hour, 0 to 23, local to the campaign's time zone.</summary>
    public int Hour { get; }

    /// <summary>Attempts on customers that started in this hour.</summary>
    public int Attempts { get; }

    /// <summary>Those the customer answered.</summary>
    public int Reached { get; }
}

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

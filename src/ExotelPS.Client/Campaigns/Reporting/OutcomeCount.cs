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

namespace ExotelPS.Client.Campaigns;

/// <summary>Where a row of a campaign stands.</summary>
public enum RowState
{
    /// <summary>The customer answered: done.</summary>
    Reached,

    /// <summary>Done without reaching the customer: attempts used up, or a status -RedialOn does not name.</summary>
    GaveUp,

    /// <summary>Another attempt is due before this run's deadline (or the run has none): the run makes it.</summary>
    Scheduled,

    /// <summary>Another attempt is due, but only after this run's deadline: left for a later run.</summary>
    Pending,
}

/// <summary>Why a row was given up.</summary>
public enum GaveUpReason
{
    /// <summary>The row was not given up.</summary>
    None,

    /// <summary>The customer was given -MaxAttempts attempts.</summary>
    AttemptsUsedUp,

    /// <summary>The last attempt ended with a status -RedialOn does not name (e.g. failed, by default).</summary>
    StatusNotRedialled,
}

/// <summary>The decision on one row, from its attempts so far: see <see cref="CampaignRules.Decide"/>.</summary>
public sealed class RowDecision
{
    internal RowDecision(RowState state, int customerAttempts, int agentMisses, DateTimeOffset? nextAttemptAt, GaveUpReason gaveUpBecause)
    {
        State = state;
        CustomerAttempts = customerAttempts;
        AgentMisses = agentMisses;
        NextAttemptAt = nextAttemptAt;
        GaveUpBecause = gaveUpBecause;
    }

    /// <summary>Where the row stands.</summary>
    public RowState State { get; }

    /// <summary>True when the row needs no further attempt.</summary>
    public bool IsFinished => State is RowState.Reached or RowState.GaveUp;

    /// <summary>The attempts counted against -MaxAttempts: every call that rang (or may have rung) the customer.</summary>
    public int CustomerAttempts { get; }

    /// <summary>Calls whose agent leg never connected, put back without counting as an attempt on the customer.</summary>
    public int AgentMisses { get; }

    /// <summary>When the next attempt may start (in the windows' zone); null when the row is finished.</summary>
    public DateTimeOffset? NextAttemptAt { get; }

    /// <summary>Why the row was given up; <see cref="GaveUpReason.None"/> otherwise.</summary>
    public GaveUpReason GaveUpBecause { get; }

    /// <summary>E.g. <c>Scheduled after 2 attempts, next 2024-05-01T10:30:00+05:30</c>.</summary>
    public override string ToString() =>
        $"{State} after {CustomerAttempts} attempt(s){(NextAttemptAt is { } next ? $", next {next:o}" : string.Empty)}";
}

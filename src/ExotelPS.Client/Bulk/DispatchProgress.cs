namespace ExotelPS.Client;

/// <summary>A snapshot of a bulk run, for Write-Progress and logs.</summary>
public sealed class DispatchProgress
{
    /// <summary>Inputs posted so far.</summary>
    public long Posted { get; init; }

    /// <summary>Inputs with a result (any outcome).</summary>
    public long Completed { get; init; }

    /// <summary>Calls accepted by Exotel.</summary>
    public long Placed { get; init; }

    /// <summary>Inputs rejected or with an unknown outcome (not those skipped or never sent).</summary>
    public long Failed { get; init; }

    /// <summary>Inputs skipped thanks to the journal: already placed, or in doubt.</summary>
    public long Skipped { get; init; }

    /// <summary>Of <see cref="Skipped"/>, those skipped because an earlier attempt's outcome is unknown (the call may have been placed).</summary>
    public long SkippedInDoubt { get; init; }

    /// <summary>Inputs the run stopped before sending.</summary>
    public long NotSent { get; init; }

    /// <summary>In a campaign: rows left for a later run, their next attempt due after this run's deadline.</summary>
    public long Deferred { get; init; }

    /// <summary>In a campaign: calls whose agent never answered, so the customer was not rung (put back, not counted as attempts).</summary>
    public long AgentMisses { get; init; }

    /// <summary>In a campaign: when the earliest row waiting for its next attempt (a redial, or the calling window) is due; null when none waits.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Requests on the wire now.</summary>
    public int InFlight { get; init; }

    /// <summary>With pacing: From numbers (agents) with a live call now.</summary>
    public int FromsBusy { get; init; }

    /// <summary>With pacing: rows waiting because their From (or every pool agent) has no room now.</summary>
    public int WaitingForFrom { get; init; }

    /// <summary>Requests a minute over the recent past.</summary>
    public double RatePerMinute { get; init; }

    /// <summary>Time since the first input was posted.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Time to finish the inputs posted so far at the current rate; null until a rate is known.</summary>
    public TimeSpan? EstimatedRemaining { get; init; }
}

using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns;

/// <summary>
/// How long a run may start new attempts (-MaxRunTime), on a <see cref="TimeProvider"/>: from the moment it is
/// created until its deadline. Calls already live at the deadline are followed to their end; none starts after it.
/// </summary>
public sealed class RunBudget
{
    // Past a month a run is not a run; the bound also keeps the deadline far from DateTimeOffset's end.
    private static readonly TimeSpan LongestRun = TimeSpan.FromDays(30);

    private readonly TimeProvider time;

    private RunBudget(TimeProvider time, TimeSpan? maxRunTime)
    {
        this.time = time;
        StartedAt = time.GetUtcNow();
        Deadline = StartedAt + maxRunTime;
    }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>After this instant no new attempt starts; null when the run has no limit.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>The time now, from the run's time source.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>True while a new attempt may still start.</summary>
    public bool MayStartNow => AllowsStartAt(Now);

    /// <summary>How long new attempts may still start (zero once past the deadline); null without a limit.</summary>
    public TimeSpan? Remaining => Deadline is { } deadline ? Max(deadline - Now, TimeSpan.Zero) : null;

    /// <summary>
    /// Starts the budget now; a null <paramref name="maxRunTime"/> is no limit. A value that is not positive, or is
    /// longer than 30 days, is an <see cref="ExotelValidationException"/> naming MaxRunTime and the value.
    /// </summary>
    public static RunBudget Start(TimeSpan? maxRunTime, TimeProvider time)
    {
        if (ProblemWith(maxRunTime) is { } problem)
        {
            CampaignParameter.ThrowIfAny(new List<ValidationFailure> { problem });
        }

        return new RunBudget(time, maxRunTime);
    }

    /// <summary>Why a -MaxRunTime is refused (not positive, or longer than 30 days); null when it is accepted.</summary>
    public static ValidationFailure? ProblemWith(TimeSpan? maxRunTime) =>
        maxRunTime is { } value && (value <= TimeSpan.Zero || value > LongestRun)
            ? new ValidationFailure(CampaignParameter.MaxRunTime, CampaignParameter.Text(value), EngineText.Format(EngineStrings.MaxRunTimeRange, CampaignParameter.Text(LongestRun)))
            : null;

    /// <summary>True when an attempt starting at this instant starts before the deadline.</summary>
    public bool AllowsStartAt(DateTimeOffset instant) => Deadline is not { } deadline || instant < deadline;

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;
}

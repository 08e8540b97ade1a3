namespace ExotelPS.Pipeline;

/// <summary>
/// Lets progress be written at most once per interval: redrawing the bar for every row would cost more than
/// the row. Nothing is shown for a run shorter than one interval.
/// </summary>
internal sealed class ProgressThrottle
{
    private readonly TimeSpan interval;
    private TimeSpan nextDue;

    public ProgressThrottle(TimeSpan interval)
    {
        this.interval = interval;
        nextDue = interval;
    }

    /// <summary>True once any progress has been reported, so a run that showed a bar also clears it.</summary>
    public bool HasReported { get; private set; }

    /// <summary>True when progress should be written now; <paramref name="elapsed"/> is the time since the run began.</summary>
    public bool IsDue(TimeSpan elapsed)
    {
        if (elapsed < nextDue)
        {
            return false;
        }

        nextDue = elapsed + interval;
        HasReported = true;
        return true;
    }
}

namespace ExotelPS.Client.Throttling;

/// <summary>How the engine sleeps on the session's time.</summary>
internal static class Sleeps
{
    /// <summary>
    /// Waits at least <paramref name="delay"/> on <paramref name="time"/>; not at all when it is not positive. Task.Delay
    /// counts whole milliseconds and drops the rest, which would wake a sleeper just before the moment it waits for (a
    /// start slot, a certainty time) to look again for nothing, or, on a fake time, not move time at all: the delay is
    /// rounded up instead.
    /// </summary>
    public static Task SleepAsync(this TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var milliseconds = (delay.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        return time.Delay(TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond), cancellationToken);
    }
}

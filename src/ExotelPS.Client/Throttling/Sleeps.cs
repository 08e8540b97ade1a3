namespace ExotelPS.Client.Throttling;

/// <summary>How the engine sleeps on the session's time.</summary>
/// <remarks>
/// Timers count whole milliseconds and .NET drops the rest, which would wake a sleeper just before the moment it waits
/// for (a start slot, a certainty time) to look again for nothing, or, on a fake time, not move time at all: every
/// wait here is rounded up instead.
/// </remarks>
internal static class Sleeps
{
    /// <summary>Waits at least <paramref name="delay"/> on <paramref name="time"/>; not at all when it is not positive.</summary>
    public static Task SleepAsync(this TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : time.Delay(WholeMilliseconds(delay), cancellationToken);

    /// <summary>A source cancelled once at least <paramref name="delay"/> (positive) has passed on <paramref name="time"/>.</summary>
    public static CancellationTokenSource CancelAfter(this TimeProvider time, TimeSpan delay) =>
        time.CreateCancellationTokenSource(WholeMilliseconds(delay));

    private static TimeSpan WholeMilliseconds(TimeSpan delay)
    {
        var milliseconds = (delay.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        return TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);
    }
}

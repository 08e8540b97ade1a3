namespace ExotelPS.Client.Sandbox;

/// <summary>
/// Time running <see cref="Speed"/> times as fast as another time (real time by default), from the moment it is
/// created: its clock, its timestamps and its timers all run fast, so a sandbox and a client sharing it rehearse an
/// hour of calling in a minute at 60, with the same pacing, rate limit, Retry-After and reconciliation maths.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider inner;
    private readonly DateTimeOffset startTime;
    private readonly long startTimestamp;

    /// <param name="speed">How many times faster than <paramref name="inner"/> time runs: more than 0, finite.</param>
    /// <param name="inner">The time scaled; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is not a positive finite number.</exception>
    public ScaledTimeProvider(double speed, TimeProvider? inner = null)
    {
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, $"speed must be a positive finite number; got {speed}.");
        }

        Speed = speed;
        this.inner = inner ?? System;
        startTime = this.inner.GetUtcNow();
        startTimestamp = this.inner.GetTimestamp();
    }

    /// <summary>How many times faster than the inner time this time runs.</summary>
    public double Speed { get; }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => startTime + Stretch(inner.GetUtcNow() - startTime);

    /// <inheritdoc/>
    public override long GetTimestamp() => startTimestamp + (long)((inner.GetTimestamp() - startTimestamp) * Speed);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, inner.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)));

    private TimeSpan Stretch(TimeSpan elapsed) => TimeSpan.FromTicks((long)(elapsed.Ticks * Speed));

    // A wait of this time in the inner time; an infinite one stays infinite.
    private TimeSpan Shrink(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks((long)Math.Ceiling(span.Ticks / Speed));

    /// <summary>An inner timer whose due time and period are given in scaled time.</summary>
    private sealed class ScaledTimer : ITimer
    {
        private readonly ScaledTimeProvider time;
        private readonly ITimer timer;

        public ScaledTimer(ScaledTimeProvider time, ITimer timer)
        {
            this.time = time;
            this.timer = timer;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(time.Shrink(dueTime), time.Shrink(period));

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}

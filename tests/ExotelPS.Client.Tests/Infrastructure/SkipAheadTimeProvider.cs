using System.Collections.Concurrent;

namespace ExotelPS.Client.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> on which nothing waits: a timer with a finite due time moves time on to it as it
/// is created, so every delay ends at once and time moves by exactly the delays asked for. The test can still move
/// time by hand (<see cref="FakeTimeProvider.Advance"/>).
/// </summary>
public sealed class SkipAheadTimeProvider : FakeTimeProvider
{
    public SkipAheadTimeProvider(DateTimeOffset? start = null)
        : base(start ?? new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>What timers count in: a sleep is whole milliseconds, so a wait lasts its time to within one of these.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    /// <summary>Runs at each delay, before time moves on: a test's way to change the world during a wait.</summary>
    public Action? OnDelay { get; set; }

    /// <summary>Every delay asked for (each timer's due time), in order.</summary>
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero)
        {
            Delays.Enqueue(dueTime);
            OnDelay?.Invoke();
            Advance(dueTime);
        }

        return timer;
    }
}

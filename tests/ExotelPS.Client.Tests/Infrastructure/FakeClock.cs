using System.Collections.Concurrent;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests;

/// <summary>
/// A clock the test moves by hand (<see cref="Advance"/>) and that never sleeps: a delay is recorded and moves time
/// forward at once. The engine reads it as an <see cref="IClock"/>; the simulator reads <see cref="UtcNow"/>.
/// </summary>
public sealed class FakeClock : IClock
{
    private readonly object gate = new();
    private TimeSpan elapsed;

    public FakeClock(DateTimeOffset? start = null) => Start = start ?? new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The wall-clock time at elapsed zero.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Runs at each positive delay, before time moves on: a test's way to change the world during a wait.</summary>
    public Action? OnDelay { get; set; }

    /// <summary>Every positive delay asked for, in order.</summary>
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public TimeSpan Elapsed
    {
        get
        {
            lock (gate)
            {
                return elapsed;
            }
        }
    }

    public DateTimeOffset UtcNow => Start + Elapsed;

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            elapsed += by;
        }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay > TimeSpan.Zero)
        {
            Delays.Enqueue(delay);
            OnDelay?.Invoke();
            Advance(delay);
        }

        return Task.CompletedTask;
    }
}

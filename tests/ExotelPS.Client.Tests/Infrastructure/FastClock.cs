using System.Diagnostics;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests;

/// <summary>
/// Time running <see cref="Speedup"/> times faster than real time. Given to both the emulator and the client, it lets a
/// test run Exotel's real 200-a-minute sliding window in seconds, with the same pacing, backoff and Retry-After maths.
/// </summary>
internal sealed class FastClock : IClock
{
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private readonly DateTimeOffset start = DateTimeOffset.UtcNow;

    public FastClock(double speedup) => Speedup = speedup;

    public double Speedup { get; }

    public TimeSpan Elapsed => TimeSpan.FromTicks((long)(stopwatch.Elapsed.Ticks * Speedup));

    public DateTimeOffset UtcNow => start + Elapsed;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(TimeSpan.FromTicks((long)(delay.Ticks / Speedup)), cancellationToken);
}

using System.Diagnostics;

namespace ExotelPS.Client.Throttling;

/// <summary>The real clock.</summary>
internal sealed class SystemClock : IClock
{
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();

    private SystemClock()
    {
    }

    public static SystemClock Instance { get; } = new();

    public TimeSpan Elapsed => stopwatch.Elapsed;

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
}

using System.Diagnostics;

namespace ExotelPS.Client;

/// <summary>Requests a minute over the last minute, from Stopwatch timestamps. Not thread-safe: callers lock.</summary>
internal sealed class RecentRate
{
    private static readonly long Window = Stopwatch.Frequency * 60;
    private readonly Queue<long> finishedAt = new();

    public void Add(long now)
    {
        finishedAt.Enqueue(now);
        Trim(now);
    }

    /// <param name="now">Stopwatch ticks since the run began.</param>
    public double PerMinute(long now)
    {
        Trim(now);
        if (finishedAt.Count == 0)
        {
            return 0;
        }

        // Over the whole run while it is younger than the window; never less than a second, so a first quick answer
        // does not claim thousands a minute.
        var span = Math.Max(Math.Min(now, Window), Stopwatch.Frequency);
        return finishedAt.Count * 60.0 * Stopwatch.Frequency / span;
    }

    private void Trim(long now)
    {
        while (finishedAt.Count > 0 && now - finishedAt.Peek() > Window)
        {
            finishedAt.Dequeue();
        }
    }
}

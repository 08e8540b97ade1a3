namespace ExotelPS.Client.Sandbox;

/// <summary>A sliding 60-second window of admitted requests per account. Not thread-safe: the simulator locks around it.</summary>
internal sealed class RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> admitted = new(StringComparer.Ordinal);

    /// <summary>Admits the request, or says in whole seconds (at least 1) when the oldest admitted one leaves the window.</summary>
    public bool TryAdmit(string account, DateTimeOffset now, int limit, out int retryAfterSeconds)
    {
        if (!admitted.TryGetValue(account, out var times))
        {
            times = new Queue<DateTimeOffset>();
            admitted.Add(account, times);
        }

        while (times.Count > 0 && times.Peek() <= now - Window)
        {
            times.Dequeue();
        }

        if (times.Count < limit)
        {
            times.Enqueue(now);
            retryAfterSeconds = 0;
            return true;
        }

        retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((times.Peek() + Window - now).TotalSeconds));
        return false;
    }

    public void Clear() => admitted.Clear();
}

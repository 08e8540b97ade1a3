namespace ExotelPS.Client.Throttling;

/// <summary>Time as the throttle and retries see it, so tests can run the pacing math without sleeping.</summary>
internal interface IClock
{
    /// <summary>Monotonic time since an arbitrary start: immune to wall-clock changes.</summary>
    TimeSpan Elapsed { get; }

    /// <summary>Wall-clock time, only for reading HTTP dates such as <c>Retry-After</c>.</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>Waits for <paramref name="delay"/>; cancellable.</summary>
    Task Delay(TimeSpan delay, CancellationToken cancellationToken);
}

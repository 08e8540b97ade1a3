using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>The faults the soak runs meet: 429s, 500s, dropped connections and slow answers, with jittered latency.</summary>
internal static class FaultMix
{
    /// <summary>The mix; <paramref name="slowBodyTime"/> decides whether a slow answer outlasts the client's timeout.</summary>
    public static FaultSettings With(TimeSpan latency, TimeSpan slowBodyTime) => new()
    {
        RateLimitRate = 0.05,
        ErrorRate = 0.02,
        DropRate = 0.02,
        SlowRate = 0.02,
        SlowBodyTime = slowBodyTime,
        Latency = latency,
        LatencyJitter = TimeSpan.FromMilliseconds(30) + latency,
    };
}

using ExotelPS.Client.Sandbox;

namespace ExotelPS.Emulator;

/// <summary>The body of <c>POST /_emulator/faults</c>: each setting given is changed, the rest are kept.</summary>
public sealed record FaultUpdate(int? LatencyMs, int? JitterMs, double? ErrorRate, double? DropRate, double? SlowRate, int? SlowBodyMs)
{
    /// <summary>Share of requests answered HTTP 429 (see <see cref="FaultSettings.RateLimitRate"/>).</summary>
    public double? RateLimitRate { get; init; }

    /// <summary>Share of call placements that create the call, then lose the answer (see <see cref="FaultSettings.AnswerLostRate"/>).</summary>
    public double? AnswerLostRate { get; init; }

    /// <summary>Share of call placements dropped before the call is created (see <see cref="FaultSettings.DropBeforePlacingRate"/>).</summary>
    public double? DropBeforePlacingRate { get; init; }

    /// <summary>The settings in this shape, as the endpoint answers them.</summary>
    public static FaultUpdate From(FaultSettings faults) => new(
        (int)faults.Latency.TotalMilliseconds, (int)faults.LatencyJitter.TotalMilliseconds, faults.ErrorRate, faults.DropRate,
        faults.SlowRate, (int)faults.SlowBodyTime.TotalMilliseconds)
    {
        RateLimitRate = faults.RateLimitRate,
        AnswerLostRate = faults.AnswerLostRate,
        DropBeforePlacingRate = faults.DropBeforePlacingRate,
    };

    /// <summary>A copy of <paramref name="current"/> with the given settings changed.</summary>
    public FaultSettings ApplyTo(FaultSettings current)
    {
        var faults = current.Clone();
        faults.Latency = LatencyMs is int latency ? TimeSpan.FromMilliseconds(latency) : faults.Latency;
        faults.LatencyJitter = JitterMs is int jitter ? TimeSpan.FromMilliseconds(jitter) : faults.LatencyJitter;
        faults.ErrorRate = ErrorRate ?? faults.ErrorRate;
        faults.RateLimitRate = RateLimitRate ?? faults.RateLimitRate;
        faults.DropRate = DropRate ?? faults.DropRate;
        faults.AnswerLostRate = AnswerLostRate ?? faults.AnswerLostRate;
        faults.DropBeforePlacingRate = DropBeforePlacingRate ?? faults.DropBeforePlacingRate;
        faults.SlowRate = SlowRate ?? faults.SlowRate;
        faults.SlowBodyTime = SlowBodyMs is int slow ? TimeSpan.FromMilliseconds(slow) : faults.SlowBodyTime;
        return faults;
    }
}

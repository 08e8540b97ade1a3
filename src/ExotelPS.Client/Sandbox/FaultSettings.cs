namespace ExotelPS.Client.Sandbox;

/// <summary>Faults the simulated Exotel injects. Rates are shares, 0 to 1, of the requests it admits.</summary>
public sealed class FaultSettings
{
    /// <summary>Delay added before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Up to this much more delay, chosen at random per request.</summary>
    public TimeSpan LatencyJitter { get; set; }

    /// <summary>Share of requests answered HTTP 429 with Retry-After: 1, as if past the rate limit; nothing is carried out.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>Share of requests answered with HTTP 500.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Share of requests whose connection is dropped with no answer.</summary>
    public double DropRate { get; set; }

    /// <summary>
    /// Share of call placements that create the call, then lose its answer: HTTP 500 or a dropped connection (a coin
    /// toss, recorded with the call's Sid). The client cannot know the call exists; the listing shows it once it ends.
    /// </summary>
    public double AnswerLostRate { get; set; }

    /// <summary>Share of call placements whose connection is dropped before the call is created: nothing is placed.</summary>
    public double DropBeforePlacingRate { get; set; }

    /// <summary>Share of answers whose body is trickled out slowly.</summary>
    public double SlowRate { get; set; }

    /// <summary>How long a slow body takes to trickle out.</summary>
    public TimeSpan SlowBodyTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A copy, so the settings in use cannot change under a request.</summary>
    public FaultSettings Clone() => (FaultSettings)MemberwiseClone();
}

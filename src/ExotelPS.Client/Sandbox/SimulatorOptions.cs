namespace ExotelPS.Client.Sandbox;

/// <summary>How the simulated Exotel behaves: its rate limit, how long calls take, and which faults it injects.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Requests each account may make in any 60 seconds before 429.</summary>
    public int RequestsPerMinute { get; set; } = 200;

    /// <summary>
    /// Most calls kept in memory (about 1 KB each): past it the oldest calls already final are forgotten (read back,
    /// they are 404), so memory stays flat however many calls are simulated. Calls not yet final are always kept.
    /// </summary>
    public int MaxRetainedCalls { get; set; } = 10_000;

    /// <summary>How long a call stays queued before it is in progress.</summary>
    public TimeSpan RingDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a call stays in progress before it reaches its final status.</summary>
    public TimeSpan TalkTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Up to this much more ring time, drawn per call (evenly); none by default, so every call rings <see cref="RingDelay"/>.</summary>
    public TimeSpan RingDelaySpread { get; set; }

    /// <summary>Up to this much more talk time, drawn per call (evenly); none by default, so every call talks <see cref="TalkTime"/>.</summary>
    public TimeSpan TalkTimeSpread { get; set; }

    /// <summary>
    /// The simulated Exotel's time: when calls ring and end, and its rate window. A sandbox client shares it. Real time
    /// by default; a <see cref="ScaledTimeProvider"/> rehearses a long campaign quickly, a fake one lets tests move time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seed of the random source that picks faults, so a run can be reproduced.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Accounts answered as Exotel answers an account without Voice v3 (a beta it enables per account): HTTP 403 on every v3 path.</summary>
    public ISet<string> AccountsWithoutV3 { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The faults injected at start; change them while running with <see cref="ExotelSimulator.Faults"/>.</summary>
    public FaultSettings Faults { get; set; } = new();
}

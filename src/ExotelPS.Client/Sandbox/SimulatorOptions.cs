namespace ExotelPS.Client.Sandbox;

/// <summary>How the simulated Exotel behaves: its rate limit, how long calls take, and which faults it injects.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Slowest <see cref="Speed"/>: real time; a rehearsal is never slower than the campaign.</summary>
    public const double MinSpeed = 1;

    /// <summary>Fastest <see cref="Speed"/>: an hour a second, where timers' millisecond steps are still fine enough.</summary>
    public const double MaxSpeed = 3600;

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

    /// <summary>
    /// How many times as fast as <see cref="TimeProvider"/> the simulated Exotel runs, 1 to 3600: at 60 an hour of calling
    /// passes in a minute (a <see cref="ScaledTimeProvider"/>). A client from <see cref="ExotelSandbox.CreateClient"/>
    /// runs on the same time, so its throttle, waits, pacing and reconciliation count simulated time too.
    /// </summary>
    public double Speed { get; set; } = 1;

    /// <summary>Share (0 to 1) of calls to ordinary numbers (not test numbers) that end busy, drawn per call.</summary>
    public double BusyShare { get; set; }

    /// <summary>Share (0 to 1) of calls to ordinary numbers that end no-answer, drawn per call; with <see cref="BusyShare"/> at most 1.</summary>
    public double NoAnswerShare { get; set; }

    /// <summary>Seed of the random sources that pick faults, durations and outcomes, so a run can be reproduced.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Accounts answered as Exotel answers an account without Voice v3 (a beta it enables per account): HTTP 403 on every v3 path.</summary>
    public ISet<string> AccountsWithoutV3 { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The faults injected at start; change them while running with <see cref="ExotelSimulator.Faults"/>.</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>Throws when a setting is out of range, naming it and its value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(Speed >= MinSpeed && Speed <= MaxSpeed, nameof(Speed), Speed, $"from {MinSpeed} to {MaxSpeed}");
        Require(BusyShare >= 0 && BusyShare <= 1, nameof(BusyShare), BusyShare, "a share from 0 to 1");
        Require(NoAnswerShare >= 0 && NoAnswerShare <= 1, nameof(NoAnswerShare), NoAnswerShare, "a share from 0 to 1");
        Require(SharesFit(BusyShare, NoAnswerShare), nameof(NoAnswerShare), NoAnswerShare, $"at most 1 - BusyShare ({BusyShare})");
        Require(TimeProvider is not null, nameof(TimeProvider), TimeProvider, "given (TimeProvider.System for real time)");
    }

    /// <summary>Whether a busy and a no-answer share can both hold: each 0 to 1, together at most 1.</summary>
    public static bool SharesFit(double busyShare, double noAnswerShare) =>
        busyShare >= 0 && noAnswerShare >= 0 && busyShare + noAnswerShare <= 1;

    private static void Require(bool condition, string name, object? value, string expectation)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {expectation}; got {value}.");
        }
    }
}

using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>How an <see cref="ExotelClient"/> paces, retries and times out its requests.</summary>
public sealed class ExotelClientOptions
{
    /// <summary>Exotel's documented limit for the call APIs.</summary>
    public const int ExotelRequestsPerMinute = 200;

    /// <summary>
    /// Requests a minute allowed for the account, shared by every client of that account in this process; the client
    /// paces its starts at 99% of it. When clients of one account are created with different values, the last one wins.
    /// </summary>
    public int RequestsPerMinute { get; set; } = ExotelRequestsPerMinute;

    /// <summary>
    /// Most requests in flight at once for the account, across its clients in this process (the last client created
    /// sets it). Null (the default) sizes it from the latency measured: the rate times the latency, with half again as
    /// margin, from 10 to 1,000, so the limit is reached however slowly Exotel answers (see <see cref="ExotelClient.InFlightLimit"/>).
    /// </summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>How many times a request refused with 429 (or a read that failed transiently) is tried again.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First backoff delay; doubles each retry, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single backoff delay, also the cap on an honoured Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take before it is abandoned.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where the session's time comes from: the throttle's pacing, retry and backoff waits, waiting for calls, pacing
    /// per From, reconciliation and the sandbox's simulated calls all read it. <see cref="TimeProvider.System"/> by
    /// default; a sandbox may run on a faster one (<see cref="Sandbox.ScaledTimeProvider"/>), tests on a fake one.
    /// A request's <see cref="RequestTimeout"/> is always real time: it guards the network.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Receives one line per request, retry and wait (method, path, status, timing), for verbose logs. Called from
    /// any thread; never given a credential.
    /// </summary>
    public Action<string>? Trace { get; set; }

    /// <summary>Throws when a setting is out of range, naming it and its value.</summary>
    public void Validate()
    {
        Require(RequestsPerMinute >= 1, nameof(RequestsPerMinute), RequestsPerMinute, "at least 1");
        Require(MaxConcurrency is null or >= 1, nameof(MaxConcurrency), MaxConcurrency, "at least 1, or null to size it from latency");
        Require(MaxRetries >= 0, nameof(MaxRetries), MaxRetries, "0 or more");
        Require(RetryBaseDelay > TimeSpan.Zero, nameof(RetryBaseDelay), RetryBaseDelay, "positive");
        Require(MaxRetryDelay >= RetryBaseDelay, nameof(MaxRetryDelay), MaxRetryDelay, "at least RetryBaseDelay");
        Require(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), RequestTimeout, "positive");
        Require(TimeProvider is not null, nameof(TimeProvider), TimeProvider, "given (TimeProvider.System for real time)");
    }

    /// <summary>A copy, so a client's settings cannot change under it.</summary>
    public ExotelClientOptions Clone() => (ExotelClientOptions)MemberwiseClone();

    private static void Require(bool condition, string name, object? value, string expectation)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, EngineText.Format(EngineStrings.OptionOutOfRange, name, expectation, value));
        }
    }
}

namespace ExotelPS.Client.Throttling;

/// <summary>
/// Everything that limits one account's requests: the start pacing (with the pause a 429 orders) and the cap on
/// requests in flight: the limit the user set, or else a window sized from the latency measured here
/// (<see cref="AdaptiveWindow"/>). One instance per account for the whole process (see <see cref="ThrottleRegistry"/>).
/// </summary>
internal sealed class AccountThrottle
{
    private readonly IClock clock;
    // The user's cap on requests in flight; 0 while the window sizes it.
    private volatile int explicitLimit;

    /// <param name="maxConcurrency">The user's cap on requests in flight; null sizes it from measured latency.</param>
    public AccountThrottle(int requestsPerMinute, int? maxConcurrency, IClock clock)
    {
        this.clock = clock;
        Bucket = new TokenBucket(requestsPerMinute);
        Window = new AdaptiveWindow(Bucket.Interval);
        explicitLimit = maxConcurrency ?? 0;
        Gate = new ConcurrencyGate(InFlightLimit);
    }

    public TokenBucket Bucket { get; }

    public AdaptiveWindow Window { get; }

    public ConcurrencyGate Gate { get; }

    /// <summary>Requests of the account allowed in flight now: the user's limit, else the measured window.</summary>
    public int InFlightLimit => explicitLimit > 0 ? explicitLimit : Window.Size;

    /// <summary>Applies a client's settings; the last client created for an account wins.</summary>
    public void Configure(int requestsPerMinute, int? maxConcurrency)
    {
        Bucket.SetRate(requestsPerMinute);
        Window.SetRate(Bucket.Interval);
        explicitLimit = maxConcurrency ?? 0;
        Gate.SetLimit(InFlightLimit);
    }

    /// <summary>Sizes the window from one attempt's latency; the cap follows it unless the user set one.</summary>
    private void Observe(TimeSpan latency)
    {
        var size = Window.Observe(latency);
        if (explicitLimit == 0)
        {
            Gate.SetLimit(size);
        }
    }

    /// <summary>Holds every request of the account back for <paramref name="delay"/> (Exotel said 429).</summary>
    public void Pause(TimeSpan delay) => Bucket.PauseUntil(clock.Elapsed + delay);

    /// <summary>Runs one attempt once a place in flight and a start slot are free; the place is held until it ends.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        // The place in flight comes first: taking a start slot and then queueing for a place would let slots bunch up.
        await Gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            do
            {
                await clock.Delay(Bucket.Reserve(clock.Elapsed), cancellationToken).ConfigureAwait(false);
            }
            while (Bucket.IsPaused(clock.Elapsed)); // a 429 elsewhere paused the account while this one waited

            var started = clock.Elapsed;
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            finally
            {
                Observe(clock.Elapsed - started);
            }
        }
        finally
        {
            Gate.Exit();
        }
    }
}

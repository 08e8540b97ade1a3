namespace ExotelPS.Client.Throttling;

/// <summary>
/// Everything that limits one account's requests: the start pacing (with the pause a 429 orders) and the cap on
/// requests in flight (<see cref="Gate"/>, the one place it is counted): the limit the user set, or else a window sized
/// from the latency measured here (<see cref="AdaptiveWindow"/>). One instance per account and time source for the whole process (see <see cref="ThrottleRegistry"/>).
/// </summary>
internal sealed class AccountThrottle
{
    private readonly TimeProvider time;
    private readonly long created;
    private readonly object settings = new();

    // Requests a minute, and the user's cap on requests in flight (null while the window sizes it).
    private (int RequestsPerMinute, int? MaxConcurrency) budget;

    /// <param name="maxConcurrency">The user's cap on requests in flight; null sizes it from measured latency.</param>
    /// <param name="time">The time its pacing and pauses run on.</param>
    public AccountThrottle(int requestsPerMinute, int? maxConcurrency, TimeProvider time)
    {
        this.time = time;
        created = time.GetTimestamp();
        budget = (requestsPerMinute, maxConcurrency);
        Bucket = new TokenBucket(requestsPerMinute);
        Window = new AdaptiveWindow(Bucket.Interval);
        Gate = new ConcurrencyGate(InFlightLimit);
    }

    /// <summary>The settings in force: requests a minute and the cap on requests in flight, as the last client created set them.</summary>
    public (int RequestsPerMinute, int? MaxConcurrency) Budget
    {
        get
        {
            lock (settings)
            {
                return budget;
            }
        }
    }

    public TokenBucket Bucket { get; }

    // The bucket's time: monotonic, from this throttle's creation.
    private TimeSpan Now => time.GetElapsedTime(created);

    public AdaptiveWindow Window { get; }

    public ConcurrencyGate Gate { get; }

    /// <summary>Requests of the account allowed in flight now: the user's limit, else the measured window.</summary>
    public int InFlightLimit => Budget.MaxConcurrency ?? Window.Size;

    /// <summary>Applies a client's settings (the last client created for an account wins) and returns the ones they replace.</summary>
    public (int RequestsPerMinute, int? MaxConcurrency) Configure(int requestsPerMinute, int? maxConcurrency)
    {
        (int, int?) replaced;
        lock (settings)
        {
            replaced = budget;
            budget = (requestsPerMinute, maxConcurrency);
            Bucket.SetRate(requestsPerMinute);
            Window.SetRate(Bucket.Interval);
            Gate.SetLimit(InFlightLimit);
        }

        return replaced;
    }

    /// <summary>Sizes the window from one attempt's latency; the cap follows it unless the user set one.</summary>
    private void Observe(TimeSpan latency)
    {
        var size = Window.Observe(latency);
        if (Budget.MaxConcurrency is null)
        {
            Gate.SetLimit(size);
        }
    }

    /// <summary>Holds every request of the account back for <paramref name="delay"/> (Exotel said 429).</summary>
    public void Pause(TimeSpan delay) => Bucket.PauseUntil(Now + delay);

    /// <summary>Runs one attempt once a place in flight and a start slot are free; the place is held until it ends.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken) => RunAsync(attempt, holdsPlace: false, cancellationToken);

    /// <summary>Runs one attempt once a start slot is free, and a place in flight unless its caller holds one.</summary>
    /// <param name="holdsPlace">Its caller took its place in flight already (a bulk dispatcher's row holds one until its request is answered).</param>
    public async Task<T> RunAsync<T>(Func<Task<T>> attempt, bool holdsPlace, CancellationToken cancellationToken)
    {
        // The place in flight comes first: taking a start slot and then queueing for a place would let slots bunch up.
        if (!holdsPlace)
        {
            await Gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            do
            {
                await time.SleepAsync(Bucket.Reserve(Now), cancellationToken).ConfigureAwait(false);
            }
            while (Bucket.IsPaused(Now)); // a 429 elsewhere paused the account while this one waited

            var started = time.GetTimestamp();
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            finally
            {
                Observe(time.GetElapsedTime(started));
            }
        }
        finally
        {
            if (!holdsPlace)
            {
                Gate.Exit();
            }
        }
    }
}

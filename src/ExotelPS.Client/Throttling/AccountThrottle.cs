namespace ExotelPS.Client.Throttling;

/// <summary>
/// Everything that limits one account's requests: the start pacing (with the pause a 429 orders) and the cap on
/// requests in flight. One instance per account for the whole process (see <see cref="ThrottleRegistry"/>).
/// </summary>
internal sealed class AccountThrottle
{
    private readonly IClock clock;
    private readonly object settings = new();
    private (int RequestsPerMinute, int MaxConcurrency) budget;

    public AccountThrottle(int requestsPerMinute, int maxConcurrency, IClock clock)
    {
        this.clock = clock;
        budget = (requestsPerMinute, maxConcurrency);
        Bucket = new TokenBucket(requestsPerMinute);
        Gate = new ConcurrencyGate(maxConcurrency);
    }

    /// <summary>The settings in force: requests a minute and requests in flight, as the last client created set them.</summary>
    public (int RequestsPerMinute, int MaxConcurrency) Budget
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

    public ConcurrencyGate Gate { get; }

    /// <summary>Applies a client's settings (the last client created for an account wins) and returns the ones they replace.</summary>
    public (int RequestsPerMinute, int MaxConcurrency) Configure(int requestsPerMinute, int maxConcurrency)
    {
        (int, int) replaced;
        lock (settings)
        {
            replaced = budget;
            budget = (requestsPerMinute, maxConcurrency);
            Bucket.SetRate(requestsPerMinute);
            Gate.SetLimit(maxConcurrency);
        }

        return replaced;
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

            return await attempt().ConfigureAwait(false);
        }
        finally
        {
            Gate.Exit();
        }
    }
}

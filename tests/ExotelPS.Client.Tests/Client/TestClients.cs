using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Client;

/// <summary>Clients for tests: on a fake time with a throttle of their own, so retries and pauses are recorded, not slept.</summary>
internal static class TestClients
{
    public static ExotelClient Create(ExotelAccount account, SkipAheadTimeProvider clock, ExotelClientOptions? options = null)
    {
        options = options?.Clone() ?? new ExotelClientOptions();
        options.TimeProvider = clock;
        var throttle = new AccountThrottle(options.RequestsPerMinute, options.MaxConcurrency, clock);
        return new ExotelClient(account, options, httpClient: null, throttle);
    }

    public static ExotelClient Create(ExotelAccount account, ExotelClientOptions? options = null) =>
        Create(account, new SkipAheadTimeProvider(), options);
}

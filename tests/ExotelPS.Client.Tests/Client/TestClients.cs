using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Client;

/// <summary>Clients for tests: their own throttle on a fake clock, so retries and pauses are recorded, not slept.</summary>
internal static class TestClients
{
    public static ExotelClient Create(ExotelAccount account, FakeClock clock, ExotelClientOptions? options = null)
    {
        options ??= new ExotelClientOptions();
        var throttle = new AccountThrottle(options.RequestsPerMinute, options.MaxConcurrency, clock);
        return new ExotelClient(account, options, httpClient: null, clock, throttle);
    }

    public static ExotelClient Create(ExotelAccount account, ExotelClientOptions? options = null) =>
        Create(account, new FakeClock(), options);
}

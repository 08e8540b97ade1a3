using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Throttling;

/// <summary>The per-account throttle: pacing through the clock, pauses, and one throttle per account for the process.</summary>
public sealed class AccountThrottleTests
{
    [Fact]
    public async Task Each_start_waits_for_its_slot_on_the_clock()
    {
        var clock = new SkipAheadTimeProvider();
        var throttle = new AccountThrottle(200, 10, clock);

        for (var i = 0; i < 4; i++)
        {
            await throttle.RunAsync(() => Task.FromResult(0), CancellationToken.None);
        }

        Assert.Equal(3, clock.Delays.Count);
        Assert.All(clock.Delays, delay => Assert.InRange(delay, throttle.Bucket.Interval - SkipAheadTimeProvider.Tick, throttle.Bucket.Interval + SkipAheadTimeProvider.Tick));
    }

    [Fact]
    public async Task A_pause_delays_the_next_start_and_the_place_in_flight_is_given_back()
    {
        var clock = new SkipAheadTimeProvider();
        var throttle = new AccountThrottle(200, 1, clock);
        await throttle.RunAsync(() => Task.FromResult(0), CancellationToken.None);

        throttle.Pause(TimeSpan.FromSeconds(12));
        var observedInFlight = await throttle.RunAsync(() => Task.FromResult(throttle.Gate.InFlight), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(12), Assert.Single(clock.Delays));
        Assert.Equal(1, observedInFlight);
        Assert.Equal(0, throttle.Gate.InFlight);
    }

    [Fact]
    public async Task A_failed_attempt_gives_its_place_back()
    {
        var throttle = new AccountThrottle(200, 1, new SkipAheadTimeProvider());

        await Assert.ThrowsAsync<InvalidOperationException>(() => throttle.RunAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal(0, throttle.Gate.InFlight);
    }

    [Fact]
    public void Every_client_of_one_account_shares_one_throttle_and_the_last_settings_win()
    {
        var baseUri = new Uri("https://api.exotel.com/");
        var sid = "shared" + Guid.NewGuid().ToString("N");
        var first = new ExotelAccount(sid, "key1", "token1", baseUri);
        var second = new ExotelAccount(sid, "key2", "token2", baseUri);
        var other = new ExotelAccount(sid + "x", "key1", "token1", baseUri);

        var throttle = ThrottleRegistry.For(first, new ExotelClientOptions { RequestsPerMinute = 100 }, out _);
        var again = ThrottleRegistry.For(second, new ExotelClientOptions { RequestsPerMinute = 30 }, out _);

        Assert.Same(throttle, again);
        Assert.NotSame(throttle, ThrottleRegistry.For(other, new ExotelClientOptions(), out _));
        Assert.Equal(new TokenBucket(30).Interval, throttle.Bucket.Interval);
    }

    [Fact]
    public async Task Two_clients_of_one_account_share_its_cap_on_requests_in_flight()
    {
        var inFlight = 0;
        var most = 0;
        await using var server = await Client.RecordingServer.StartAsync(async (_, _, context) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(50);
            Interlocked.Decrement(ref inFlight);
            await Client.RecordingServer.WriteAsync(context, 200, Client.Answers.Call("c", "completed"));
        });
        var account = server.CreateAccount();
        var options = new ExotelClientOptions { MaxConcurrency = 1, RequestsPerMinute = 100_000 };
        using var one = new ExotelClient(account, options);
        using var two = new ExotelClient(account, options);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? one : two).GetCallAsync("c")));

        Assert.Equal(1, most);
        Assert.Equal(6, server.Requests.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Throttling;

/// <summary>The pacing math, on a fake timeline.</summary>
public sealed class TokenBucketTests
{
    [Theory]
    [InlineData(200, 199)]
    [InlineData(1000, 999)]
    [InlineData(60, 60)]
    [InlineData(7, 7)]
    public void Back_to_back_requests_fill_at_least_98_percent_of_any_minute_without_passing_the_limit(int requestsPerMinute, int mostAllowed)
    {
        var bucket = new TokenBucket(requestsPerMinute);

        // Everyone asks at once; each is given a start time.
        var starts = Enumerable.Range(0, requestsPerMinute * 5).Select(_ => bucket.Reserve(TimeSpan.Zero)).ToList();

        var busiest = MostStartsInAnyWindow(starts, TimeSpan.FromMinutes(1));
        Assert.True(busiest <= mostAllowed, $"{busiest} starts in one minute at a limit of {requestsPerMinute}");
        var lastMinute = starts.Count(start => start > starts[^1] - TimeSpan.FromMinutes(1));
        Assert.True(lastMinute >= Math.Floor(requestsPerMinute * 0.98), $"only {lastMinute} starts in the last minute");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(1000)]
    [InlineData(6000)]
    [InlineData(60)]
    public void A_window_stays_within_the_limit_when_the_first_second_of_requests_arrives_late(int requestsPerMinute)
    {
        var bucket = new TokenBucket(requestsPerMinute);
        var starts = Enumerable.Range(0, requestsPerMinute * 3).Select(_ => bucket.Reserve(TimeSpan.Zero)).ToList();

        // The opening requests reach Exotel late (new connections), the rest at once: arrivals bunch up at the start.
        var arrivals = starts.Select(start => start < TimeSpan.FromSeconds(1) ? start + TokenBucket.ArrivalJitter : start).Order().ToList();

        var busiest = MostStartsInAnyWindow(arrivals, TimeSpan.FromMinutes(1));
        Assert.True(busiest <= requestsPerMinute, $"{busiest} arrivals in one minute at a limit of {requestsPerMinute}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(200)]
    [InlineData(6000)]
    [InlineData(100_000)]
    public void The_headroom_is_at_least_the_arrival_jitter_at_any_limit(int requestsPerMinute)
    {
        var bucket = new TokenBucket(requestsPerMinute);

        Assert.True(bucket.Headroom >= TokenBucket.ArrivalJitter, $"{bucket.Headroom.TotalMilliseconds} ms of headroom at {requestsPerMinute}/min");
        Assert.InRange(TimeSpan.FromMinutes(1) / bucket.Interval / requestsPerMinute, 0.989, TokenBucket.TargetShare);
    }

    [Fact]
    public void Every_limit_up_to_100000_keeps_the_margin()
    {
        var thin = Enumerable.Range(1, 100_000).Where(limit => new TokenBucket(limit).Headroom < TokenBucket.ArrivalJitter).ToList();

        Assert.Empty(thin);
    }

    [Theory]
    [InlineData(200, 1)]
    [InlineData(200, 2)]
    [InlineData(6000, 3)]
    public void At_the_limit_no_request_is_refused_when_the_network_jitters_arrivals(int requestsPerMinute, int seed)
    {
        // A campaign on a fake timeline: bursts of demand after quiet spells, a steady queue, a pause after a 429.
        var bucket = new TokenBucket(requestsPerMinute);
        var random = new Random(seed);
        var starts = new List<TimeSpan>();
        var now = TimeSpan.Zero;
        for (var round = 0; round < 40; round++)
        {
            starts.AddRange(Enumerable.Range(0, random.Next(1, requestsPerMinute / 2)).Select(_ => now + bucket.Reserve(now)));
            if (round == 20)
            {
                bucket.PauseUntil(now + TimeSpan.FromSeconds(2));
            }

            now = starts.Max() + TimeSpan.FromMilliseconds(random.Next(0, 30_000));
        }

        // Each request reaches Exotel up to ArrivalJitter after its start (a new connection, a slow hop), at random.
        var arrivals = starts.Select(start => start + TimeSpan.FromTicks((long)(TokenBucket.ArrivalJitter.Ticks * random.NextDouble()))).Order();
        var exotel = new ExotelPS.Client.Sandbox.RateLimiter();
        var epoch = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var refused = arrivals.Count(arrival => !exotel.TryAdmit("acct", epoch + arrival, requestsPerMinute, out _));

        Assert.Equal(0, refused);
    }

    [Fact]
    public void At_exotels_limit_starts_are_spaced_evenly_with_no_burst()
    {
        var bucket = new TokenBucket(ExotelClientOptions.ExotelRequestsPerMinute);

        Assert.Equal(1, bucket.Burst);
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(TimeSpan.Zero));
        Assert.Equal(bucket.Interval, bucket.Reserve(TimeSpan.Zero));
        Assert.Equal(bucket.Interval + bucket.Interval, bucket.Reserve(TimeSpan.Zero));
        Assert.InRange(bucket.Interval.TotalSeconds, 60.0 / 198 - 1e-6, 60.0 / 198 + 1e-6);
    }

    [Fact]
    public void A_higher_limit_allows_a_small_burst_after_a_quiet_spell()
    {
        var bucket = new TokenBucket(6000);
        var later = TimeSpan.FromMinutes(10);

        var waits = Enumerable.Range(0, 12).Select(_ => bucket.Reserve(later)).ToList();

        Assert.Equal(11, bucket.Burst);
        Assert.All(waits.Take(11), wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.Equal(bucket.Interval, waits[11]);
    }

    [Fact]
    public void Time_spent_idle_is_not_saved_up_beyond_the_burst()
    {
        var bucket = new TokenBucket(200);
        bucket.Reserve(TimeSpan.Zero);

        var afterIdle = TimeSpan.FromMinutes(5);
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(afterIdle));
        Assert.Equal(bucket.Interval, bucket.Reserve(afterIdle));
    }

    [Fact]
    public void A_pause_holds_every_start_until_it_ends()
    {
        var bucket = new TokenBucket(200);
        bucket.PauseUntil(TimeSpan.FromSeconds(10));

        Assert.True(bucket.IsPaused(TimeSpan.FromSeconds(9)));
        Assert.False(bucket.IsPaused(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(8), bucket.Reserve(TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(8) + bucket.Interval, bucket.Reserve(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_shorter_pause_never_cuts_a_longer_one()
    {
        var bucket = new TokenBucket(200);
        bucket.PauseUntil(TimeSpan.FromSeconds(30));
        bucket.PauseUntil(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(30), bucket.Reserve(TimeSpan.Zero));
    }

    [Fact]
    public void Changing_the_rate_changes_the_spacing()
    {
        var bucket = new TokenBucket(200);
        bucket.SetRate(60);

        Assert.InRange(bucket.Interval.TotalSeconds, 60.0 / 59.4 - 1e-6, 60.0 / 59.4 + 1e-6);
    }

    private static int MostStartsInAnyWindow(IReadOnlyList<TimeSpan> sortedStarts, TimeSpan window)
    {
        var most = 0;
        var first = 0;
        for (var last = 0; last < sortedStarts.Count; last++)
        {
            // A window is closed at both ends: starts exactly 60 s apart both count.
            while (sortedStarts[last] - sortedStarts[first] > window)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }
}

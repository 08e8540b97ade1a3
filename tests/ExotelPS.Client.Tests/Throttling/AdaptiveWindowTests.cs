using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Throttling;

/// <summary>Sizing the window of requests in flight from the latency measured: Little's law with a margin, clamped.</summary>
public sealed class AdaptiveWindowTests
{
    public static TheoryData<int, double> CapsAndLatencies()
    {
        var data = new TheoryData<int, double>();
        foreach (var cap in new[] { 60, ExotelClientOptions.ExotelRequestsPerMinute, 1_000, 6_000 })
        {
            foreach (var seconds in new[] { 0.05, 0.5, 2, 5, 10 })
            {
                data.Add(cap, seconds);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CapsAndLatencies))]
    public void Once_the_latency_is_measured_the_window_holds_what_the_cap_needs_plus_the_margin(int requestsPerMinute, double latencySeconds)
    {
        var bucket = new TokenBucket(requestsPerMinute);
        var window = new AdaptiveWindow(bucket.Interval);

        for (var answer = 0; answer < 20; answer++)
        {
            window.Observe(TimeSpan.FromSeconds(latencySeconds));
        }

        // Little's law: keeping the paced rate busy takes rate x latency in flight.
        var needed = latencySeconds / bucket.Interval.TotalSeconds;
        Assert.InRange(window.Size, Math.Min(AdaptiveWindow.Ceiling, Math.Ceiling(needed * AdaptiveWindow.Margin) - 1), AdaptiveWindow.Ceiling);
        Assert.True(window.Size >= Math.Min(AdaptiveWindow.Ceiling, needed / 0.98), $"{window.Size} in flight for {needed:0.0} needed");
    }

    [Fact]
    public void The_window_never_goes_below_the_floor_or_above_the_ceiling()
    {
        Assert.Equal(AdaptiveWindow.Floor, AdaptiveWindow.SizeFor(startsPerSecond: 3.3, latencySeconds: 0.001));
        Assert.Equal(AdaptiveWindow.Ceiling, AdaptiveWindow.SizeFor(startsPerSecond: 1_000, latencySeconds: 30));
        Assert.Equal(50, AdaptiveWindow.SizeFor(startsPerSecond: 200 / 60.0, latencySeconds: 10));
    }

    [Fact]
    public void A_slowdown_is_covered_within_a_few_answers_and_one_quick_answer_hardly_shrinks_it()
    {
        var window = new AdaptiveWindow(new TokenBucket(6_000).Interval);
        window.Observe(TimeSpan.FromMilliseconds(50));
        for (var answer = 0; answer < 8; answer++)
        {
            window.Observe(TimeSpan.FromSeconds(5));
        }

        Assert.True(window.Latency > TimeSpan.FromSeconds(4.9), $"latency estimate {window.Latency}");
        var before = window.Size;

        window.Observe(TimeSpan.FromMilliseconds(50));

        Assert.True(window.Size >= before * 0.94, $"{before} then {window.Size}");
    }

    [Fact]
    public void Before_any_answer_the_window_assumes_the_initial_latency()
    {
        var bucket = new TokenBucket(6_000);
        var window = new AdaptiveWindow(bucket.Interval);

        Assert.Equal(AdaptiveWindow.InitialLatency, window.Latency);
        Assert.Equal(AdaptiveWindow.SizeFor(1 / bucket.Interval.TotalSeconds, AdaptiveWindow.InitialLatency.TotalSeconds), window.Size);
    }

    [Fact]
    public async Task Without_a_limit_the_account_gate_follows_the_measured_latency()
    {
        var clock = new SkipAheadTimeProvider();
        var throttle = new AccountThrottle(6_000, maxConcurrency: null, clock);

        for (var attempt = 0; attempt < 10; attempt++)
        {
            await throttle.RunAsync(() => AnswerAfter(clock, TimeSpan.FromSeconds(5)), CancellationToken.None);
        }

        Assert.InRange(throttle.InFlightLimit, 700, 760);
        Assert.Equal(throttle.Window.Size, throttle.InFlightLimit);
    }

    [Fact]
    public async Task A_limit_the_user_gave_is_kept_whatever_the_latency()
    {
        var clock = new SkipAheadTimeProvider();
        var throttle = new AccountThrottle(6_000, maxConcurrency: 7, clock);

        for (var attempt = 0; attempt < 10; attempt++)
        {
            await throttle.RunAsync(() => AnswerAfter(clock, TimeSpan.FromSeconds(5)), CancellationToken.None);
        }

        Assert.Equal(7, throttle.InFlightLimit);

        throttle.Configure(6_000, maxConcurrency: null);
        Assert.Equal(throttle.Window.Size, throttle.InFlightLimit);
        Assert.True(throttle.InFlightLimit > 7);
    }

    private static Task<int> AnswerAfter(SkipAheadTimeProvider clock, TimeSpan latency)
    {
        clock.Advance(latency);
        return Task.FromResult(0);
    }
}

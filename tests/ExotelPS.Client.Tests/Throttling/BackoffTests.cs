using System.Net.Http.Headers;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Throttling;

/// <summary>Capped exponential backoff with full jitter, and Retry-After.</summary>
public sealed class BackoffTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(5, 30)]
    [InlineData(500, 30)]
    public void The_ceiling_doubles_each_retry_up_to_the_cap(int retry, int ceilingSeconds)
    {
        var atTop = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 1.0);
        var halfway = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds), atTop.Next(retry));
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds / 2.0), halfway.Next(retry));
    }

    [Fact]
    public void Real_jitter_stays_between_zero_and_the_ceiling_and_varies()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        var delays = Enumerable.Range(0, 200).Select(_ => backoff.Next(2)).ToList();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(4)));
        Assert.True(delays.Distinct().Count() > 1);
    }

    [Fact]
    public void Retry_after_in_seconds_is_honoured_and_capped()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(9), backoff.AfterRateLimit(0, new RetryConditionHeaderValue(TimeSpan.FromSeconds(9)), Now));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.AfterRateLimit(0, new RetryConditionHeaderValue(TimeSpan.FromHours(2)), Now));
    }

    [Fact]
    public void Retry_after_as_a_date_waits_until_then_and_a_past_date_not_at_all()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(25), backoff.AfterRateLimit(0, new RetryConditionHeaderValue(Now.AddSeconds(25)), Now));
        Assert.Equal(TimeSpan.Zero, backoff.AfterRateLimit(0, new RetryConditionHeaderValue(Now.AddSeconds(-5)), Now));
    }

    [Fact]
    public void Without_retry_after_a_429_backs_off()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(2), backoff.AfterRateLimit(2, null, Now));
    }
}

using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Throttling;

/// <summary>The engine's sleeps on a time provider: never shorter than asked, and nothing for nothing.</summary>
public sealed class SleepsTests
{
    [Fact]
    public void A_sleep_lasts_at_least_its_delay_even_below_a_millisecond()
    {
        var time = new FakeTimeProvider();

        var sleep = time.SleepAsync(TimeSpan.FromTicks(3_000), CancellationToken.None);
        time.Advance(TimeSpan.FromTicks(3_000));
        Assert.False(sleep.IsCompleted);
        time.Advance(TimeSpan.FromTicks(7_000));

        Assert.True(sleep.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_sleep_is_whole_milliseconds_rounded_up()
    {
        var time = new SkipAheadTimeProvider();

        await time.SleepAsync(TimeSpan.FromTicks(3_030_304), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(304), Assert.Single(time.Delays));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-10_000)]
    public void A_delay_that_is_not_positive_ends_at_once_with_no_timer(long ticks)
    {
        var time = new SkipAheadTimeProvider();

        Assert.True(time.SleepAsync(TimeSpan.FromTicks(ticks), CancellationToken.None).IsCompletedSuccessfully);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task A_sleep_ends_when_cancelled()
    {
        var time = new FakeTimeProvider();
        using var cancel = new CancellationTokenSource();

        var sleep = time.SleepAsync(TimeSpan.FromMinutes(1), cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sleep);
    }
}

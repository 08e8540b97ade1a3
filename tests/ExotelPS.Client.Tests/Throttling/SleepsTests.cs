using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Throttling;

/// <summary>The engine's sleeps on a time provider: never shorter than asked, and nothing for nothing.</summary>
public sealed class SleepsTests
{
    [Theory]
    [InlineData("sleep")]
    [InlineData("timeout")]
    public void A_wait_lasts_at_least_its_delay_rounded_up_to_a_whole_millisecond(string wait)
    {
        var time = new FakeTimeProvider();

        var ended = Start(wait, time, TimeSpan.FromTicks(3_000));
        time.Advance(TimeSpan.FromTicks(9_999));
        Assert.False(ended());
        time.Advance(TimeSpan.FromTicks(1));

        Assert.True(ended());
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

    // Starts a wait of each kind the engine has; the function says whether it has ended.
    private static Func<bool> Start(string wait, TimeProvider time, TimeSpan delay)
    {
        if (wait == "sleep")
        {
            var sleep = time.SleepAsync(delay, CancellationToken.None);
            return () => sleep.IsCompletedSuccessfully;
        }

        var timeout = time.CancelAfter(delay);
        return () => timeout.IsCancellationRequested;
    }
}

using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Sandbox;

/// <summary>Time running faster than another time: its clock, timestamps and timers, over a fake time moved by hand.</summary>
public sealed class ScaledTimeProviderTests
{
    private readonly FakeTimeProvider real = new(new DateTimeOffset(2024, 3, 3, 5, 18, 33, TimeSpan.Zero));

    [Fact]
    public void Its_clock_and_timestamps_run_speed_times_as_fast_from_its_creation()
    {
        var fast = new ScaledTimeProvider(60, real);
        var started = fast.GetTimestamp();

        real.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(real.Start + TimeSpan.FromMinutes(2), fast.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(2), fast.GetElapsedTime(started));
    }

    [Fact]
    public void A_timer_falls_due_after_its_due_time_in_scaled_time_and_not_before()
    {
        var fast = new ScaledTimeProvider(60, real);
        var fired = 0;
        using var timer = fast.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        real.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void A_changed_timer_takes_its_new_due_time_and_period_in_scaled_time()
    {
        var fast = new ScaledTimeProvider(10, real);
        var fired = 0;
        using var timer = fast.CreateTimer(_ => Interlocked.Increment(ref fired), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, fired);

        Assert.True(timer.Change(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)));
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, fired);
    }

    [Fact]
    public async Task A_delay_on_it_ends_once_its_scaled_time_has_passed()
    {
        var fast = new ScaledTimeProvider(60, real);

        var delay = Task.Delay(TimeSpan.FromMinutes(5), fast);
        real.Advance(TimeSpan.FromSeconds(4));
        Assert.False(delay.IsCompleted);
        real.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_disposed_timer_never_fires()
    {
        var fast = new ScaledTimeProvider(60, real);
        var fired = 0;
        var timer = fast.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        real.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, fired);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_speed_that_is_not_a_positive_finite_number_is_refused_naming_it(double speed)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(speed));

        Assert.Equal("speed", error.ParamName);
    }

    [Fact]
    public void Without_an_inner_time_it_scales_real_time()
    {
        var fast = new ScaledTimeProvider(1000);
        var started = fast.GetTimestamp();

        Thread.Sleep(20);

        Assert.True(fast.GetElapsedTime(started) >= TimeSpan.FromSeconds(19), $"only {fast.GetElapsedTime(started)} passed");
    }
}

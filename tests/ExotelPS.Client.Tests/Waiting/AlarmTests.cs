namespace ExotelPS.Client.Tests.Waiting;

/// <summary>What the pollers sleep on: a ring, or a time passing on its TimeProvider, whichever comes first.</summary>
public sealed class AlarmTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task A_ring_wakes_a_sleeper_with_no_time_passing()
    {
        var alarm = new Alarm(time);

        var sleeping = alarm.SleepAsync(TimeSpan.FromHours(1), CancellationToken.None);
        Assert.False(sleeping.IsCompleted);
        alarm.Ring();

        await sleeping.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_sleep_ends_once_its_time_has_passed_and_not_before()
    {
        var alarm = new Alarm(time);

        var sleeping = alarm.SleepAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(sleeping.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await sleeping.WaitAsync(Patience);
    }

    [Fact]
    public async Task Rings_before_a_sleep_end_it_at_once_and_count_as_one()
    {
        var alarm = new Alarm(time);
        alarm.Ring();
        alarm.Ring();

        await alarm.SleepAsync(null, CancellationToken.None).WaitAsync(Patience);
        var second = alarm.SleepAsync(null, CancellationToken.None);

        Assert.False(second.IsCompleted);
        alarm.Ring();
        await second.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_ring_during_a_nap_that_timed_out_is_kept_for_the_next_sleep()
    {
        var alarm = new Alarm(time);
        var napping = alarm.SleepAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await napping.WaitAsync(Patience);

        alarm.Ring();

        await alarm.SleepAsync(null, CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_time_already_passed_ends_the_sleep_at_once()
    {
        var alarm = new Alarm(time);

        await alarm.SleepAsync(TimeSpan.Zero, CancellationToken.None).WaitAsync(Patience);
        await alarm.SleepAsync(TimeSpan.FromSeconds(-3), CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task Cancelling_a_sleep_throws()
    {
        var alarm = new Alarm(time);
        using var cancel = new CancellationTokenSource();

        var sleeping = alarm.SleepAsync(TimeSpan.FromHours(1), cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sleeping.WaitAsync(Patience));
    }
}

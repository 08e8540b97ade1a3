using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class CallingHoursTests
{
    private static readonly TimeSpan Ist = new(5, 30, 0);
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);

    [Fact]
    public void Without_windows_any_time_is_open()
    {
        var instant = new DateTimeOffset(2024, 5, 1, 23, 59, 0, TimeSpan.Zero);
        var anyTime = CallingHours.Create(null, null);

        Assert.True(anyTime.IsOpen(instant));
        Assert.Equal(instant, anyTime.NextOpening(instant));
        Assert.Equal(Ist, anyTime.NextOpening(instant).Offset);
        Assert.Empty(anyTime.Windows);
    }

    [Fact]
    public void Indian_calling_hours_from_a_UTC_sandbox()
    {
        var hours = CallingHours.Create(new[] { "09:00-21:00" }, "Asia/Kolkata");

        Assert.True(hours.IsOpen(new DateTimeOffset(2024, 5, 1, 15, 29, 59, TimeSpan.Zero)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2024, 5, 1, 15, 30, 0, TimeSpan.Zero)));

        var next = hours.NextOpening(new DateTimeOffset(2024, 5, 1, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 0, 0, Ist), next);
        Assert.Equal(Ist, next.Offset);
    }

    [Fact]
    public void An_open_window_opens_now()
    {
        var hours = CallingHours.Create(new[] { "09:00-21:00" }, "India Standard Time");
        var now = new DateTimeOffset(2024, 5, 1, 9, 0, 0, Ist);

        Assert.Equal(now, hours.NextOpening(now));
    }

    [Fact]
    public void A_window_across_midnight_opens_the_same_evening()
    {
        var hours = CallingHours.Create(new[] { "20:00-02:00" }, "Asia/Kolkata");

        Assert.True(hours.IsOpen(new DateTimeOffset(2024, 5, 2, 1, 59, 0, Ist)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2024, 5, 2, 2, 0, 0, Ist)));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 20, 0, 0, Ist), hours.NextOpening(new DateTimeOffset(2024, 5, 2, 2, 0, 0, Ist)));
    }

    [Fact]
    public void Several_windows_open_in_turn()
    {
        var hours = CallingHours.Create(new[] { "14:00-18:00", "09:00-12:00" }, "Asia/Kolkata");

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 14, 0, 0, Ist), hours.NextOpening(new DateTimeOffset(2024, 5, 1, 12, 30, 0, Ist)));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 0, 0, Ist), hours.NextOpening(new DateTimeOffset(2024, 5, 1, 18, 0, 0, Ist)));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 0, 0, Ist), hours.NextOpening(new DateTimeOffset(2024, 5, 1, 0, 0, 0, Ist)));
    }

    [Fact]
    public void Opens_at_local_nine_on_the_day_New_York_springs_forward()
    {
        var hours = CallingHours.Create(new[] { "09:00-17:00" }, "America/New_York");

        // Saturday 18:00 EST; Sunday 09:00 is EDT, 14 hours later, not 15.
        var next = hours.NextOpening(new DateTimeOffset(2024, 3, 9, 18, 0, 0, Est));

        Assert.Equal(new DateTimeOffset(2024, 3, 10, 9, 0, 0, Edt), next);
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 13, 0, 0, TimeSpan.Zero), next.ToUniversalTime());
    }

    [Fact]
    public void A_window_starting_in_the_spring_gap_opens_when_the_clocks_jump()
    {
        var hours = CallingHours.Create(new[] { "02:30-05:00" }, "Eastern Standard Time");

        // 02:30 does not exist on 10 March 2024 in New York: 02:00 EST is followed by 03:00 EDT.
        var next = hours.NextOpening(new DateTimeOffset(2024, 3, 10, 1, 0, 0, Est));

        Assert.Equal(new DateTimeOffset(2024, 3, 10, 3, 0, 0, Edt), next);
    }

    [Fact]
    public void A_window_wholly_in_the_spring_gap_opens_the_next_day()
    {
        var hours = CallingHours.Create(new[] { "02:10-02:50" }, "America/New_York");

        var next = hours.NextOpening(new DateTimeOffset(2024, 3, 10, 1, 0, 0, Est));

        Assert.Equal(new DateTimeOffset(2024, 3, 11, 2, 10, 0, Edt), next);
    }

    [Fact]
    public void A_window_in_the_repeated_autumn_hour_opens_at_each_occurrence()
    {
        var hours = CallingHours.Create(new[] { "01:30-01:45" }, "America/New_York");

        // 3 November 2024: 01:00-02:00 EDT, then 01:00-02:00 again in EST.
        var first = hours.NextOpening(new DateTimeOffset(2024, 11, 3, 1, 0, 0, Edt));
        var second = hours.NextOpening(new DateTimeOffset(2024, 11, 3, 1, 50, 0, Edt));

        Assert.Equal(new DateTimeOffset(2024, 11, 3, 1, 30, 0, Edt), first);
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 1, 30, 0, Est), second);
        Assert.True(hours.IsOpen(new DateTimeOffset(2024, 11, 3, 1, 40, 0, Est)));
    }

    [Fact]
    public void A_night_window_across_midnight_follows_the_local_clock_on_both_change_nights()
    {
        var hours = CallingHours.Create(new[] { "22:00-02:00" }, "America/New_York");

        // Autumn: the repeated hour 01:00-02:00 is inside the window twice; it closes at 02:00 EST.
        Assert.True(hours.IsOpen(new DateTimeOffset(2024, 11, 3, 1, 59, 0, Edt)));
        Assert.True(hours.IsOpen(new DateTimeOffset(2024, 11, 3, 1, 0, 0, Est)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2024, 11, 3, 2, 0, 0, Est)));
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 22, 0, 0, Est), hours.NextOpening(new DateTimeOffset(2024, 11, 3, 2, 0, 0, Est)));

        // Spring: 01:59 EST is followed by 03:00 EDT, already past the window's end.
        Assert.True(hours.IsOpen(new DateTimeOffset(2024, 3, 10, 1, 59, 0, Est)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2024, 3, 10, 3, 0, 0, Edt)));
    }

    [Fact]
    public void Overlapping_windows_open_as_one()
    {
        var hours = CallingHours.Create(new[] { "09:00-12:00", "11:00-14:00" }, "Asia/Kolkata");

        Assert.True(hours.IsOpen(new DateTimeOffset(2024, 5, 1, 13, 59, 0, Ist)));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 0, 0, Ist), hours.NextOpening(new DateTimeOffset(2024, 5, 1, 14, 0, 0, Ist)));
    }

    [Fact]
    public void London_opens_at_local_nine_after_the_clocks_go_back()
    {
        var hours = CallingHours.Create(new[] { "09:00-21:00" }, "Europe/London");

        // Saturday 26 October 2024, 21:00 BST; Sunday 09:00 is GMT, 13 hours later, not 12.
        var next = hours.NextOpening(new DateTimeOffset(2024, 10, 26, 21, 0, 0, Bst));

        Assert.Equal(new DateTimeOffset(2024, 10, 27, 9, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void London_opens_a_window_starting_in_its_spring_gap_at_02_00_BST()
    {
        var hours = CallingHours.Create(new[] { "01:15-03:00" }, "Europe/London");

        // 31 March 2024: 01:00 GMT is followed by 02:00 BST; 01:15 never happens.
        var next = hours.NextOpening(new DateTimeOffset(2024, 3, 31, 0, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2024, 3, 31, 2, 0, 0, Bst), next);
        Assert.False(hours.IsOpen(next.AddTicks(-1)));
    }

    [Fact]
    public void Names_every_bad_window_and_an_unknown_zone_at_once()
    {
        var error = Assert.Throws<ExotelValidationException>(() =>
            CallingHours.Create(new[] { "9-5", "09:00-21:00", "25:00-26:00" }, "Asia/Atlantis"));

        Assert.Equal(
            new[] { "CallWindow '9-5'", "CallWindow '25:00-26:00'", "TimeZone 'Asia/Atlantis'" },
            error.Failures.Select(failure => $"{failure.Field} '{failure.Value}'"));
        Assert.StartsWith("Invalid campaign parameters: CallWindow '9-5': ", error.Message);
    }
}

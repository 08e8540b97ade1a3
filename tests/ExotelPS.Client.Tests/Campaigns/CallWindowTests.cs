using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class CallWindowTests
{
    [Theory]
    [InlineData("09:00-21:00", 9, 0, 21, 0, false)]
    [InlineData(" 9:30 - 17:45 ", 9, 30, 17, 45, false)]
    [InlineData("20:00-02:00", 20, 0, 2, 0, true)]
    [InlineData("21:00-24:00", 21, 0, 24, 0, false)]
    [InlineData("23:59-00:00", 23, 59, 0, 0, true)]
    public void Parses_local_start_and_end(string text, int startHour, int startMinute, int endHour, int endMinute, bool crossesMidnight)
    {
        var window = CallWindow.Parse(text);

        Assert.Equal(new TimeSpan(startHour, startMinute, 0), window.Start);
        Assert.Equal(new TimeSpan(endHour, endMinute, 0), window.End);
        Assert.Equal(crossesMidnight, window.CrossesMidnight);
    }

    [Theory]
    [InlineData("9-5")]
    [InlineData("09:00")]
    [InlineData("09:00-21:00-22:00")]
    [InlineData("09.00-21.00")]
    [InlineData("25:00-26:00")]
    [InlineData("09:60-21:00")]
    [InlineData("24:00-06:00")]
    [InlineData("24:30-06:00")]
    [InlineData("09:00-09:00")]
    [InlineData("00:00-24:00")]
    [InlineData("")]
    [InlineData("٠٩:٠٠-٢١:٠٠")]
    public void Refuses_bad_values_naming_CallWindow_and_the_value(string text)
    {
        var error = Assert.Throws<ExotelValidationException>(() => CallWindow.Parse(text));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("CallWindow", failure.Field);
        Assert.Equal(text, failure.Value);
        Assert.Contains($"CallWindow '{text}'", error.Message);
        Assert.Equal(ExotelErrorKind.InvalidInput, error.Kind);
    }

    [Fact]
    public void A_day_window_includes_its_start_and_excludes_its_end()
    {
        var window = CallWindow.Parse("09:00-21:00");

        Assert.False(window.Contains(new TimeSpan(8, 59, 59)));
        Assert.True(window.Contains(new TimeSpan(9, 0, 0)));
        Assert.True(window.Contains(new TimeSpan(20, 59, 59)));
        Assert.False(window.Contains(new TimeSpan(21, 0, 0)));
    }

    [Fact]
    public void A_window_across_midnight_holds_the_late_evening_and_the_early_morning()
    {
        var window = CallWindow.Parse("20:00-02:00");

        Assert.True(window.Contains(new TimeSpan(20, 0, 0)));
        Assert.True(window.Contains(new TimeSpan(23, 59, 0)));
        Assert.True(window.Contains(TimeSpan.Zero));
        Assert.True(window.Contains(new TimeSpan(1, 59, 59)));
        Assert.False(window.Contains(new TimeSpan(2, 0, 0)));
        Assert.False(window.Contains(new TimeSpan(12, 0, 0)));
        Assert.False(window.Contains(new TimeSpan(19, 59, 59)));
    }

    [Fact]
    public void A_window_ending_at_24_00_runs_to_midnight()
    {
        var window = CallWindow.Parse("21:00-24:00");

        Assert.True(window.Contains(new TimeSpan(23, 59, 59)));
        Assert.False(window.Contains(TimeSpan.Zero));
        Assert.Equal("21:00-24:00", window.ToString());
    }

    [Fact]
    public void Writes_itself_back_as_it_is_typed() =>
        Assert.Equal("09:05-02:00", CallWindow.Parse("9:05-2:00").ToString());
}

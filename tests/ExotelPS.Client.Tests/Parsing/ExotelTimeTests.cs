namespace ExotelPS.Client.Tests.Parsing;

/// <summary>Exotel's wire time: <c>yyyy-MM-dd HH:mm:ss</c> in +05:30.</summary>
public sealed class ExotelTimeTests
{
    [Fact]
    public void Parses_as_india_time()
    {
        var time = ExotelTime.Parse("2017-03-03 12:30:24");

        Assert.Equal(new DateTimeOffset(2017, 3, 3, 12, 30, 24, TimeSpan.FromHours(5.5)), time);
        Assert.Equal(TimeSpan.FromHours(5.5), time!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2017-03-03T12:30:24")]
    [InlineData("03/03/2017 12:30:24")]
    [InlineData("2017-02-30 10:00:00")]
    public void Null_empty_or_other_formats_are_null(string? text)
    {
        Assert.Null(ExotelTime.Parse(text));
    }

    [Fact]
    public void Formats_any_instant_in_india_time()
    {
        var utc = new DateTimeOffset(2024, 12, 31, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal("2025-01-01 01:30:00", ExotelTime.Format(utc));
        Assert.Equal(utc, ExotelTime.Parse(ExotelTime.Format(utc)));
    }

    [Theory]
    [InlineData("2022-11-03 22:54:40+05:30", 330)]
    [InlineData("2022-11-03 22:54:40+00:00", 0)]
    [InlineData("2022-11-03T22:54:40+05:30", 330)]
    [InlineData("2022-11-03 22:54:40", 330)]
    public void V3_times_keep_their_offset_and_a_bare_time_is_india_time(string text, int offsetMinutes)
    {
        Assert.True(ExotelTime.TryParseWithOffset(text, out var time));

        Assert.Equal(new DateTimeOffset(2022, 11, 3, 22, 54, 40, TimeSpan.FromMinutes(offsetMinutes)), time);
    }

    [Theory]
    [InlineData("1970-01-01 05:30:00+05:30")]
    [InlineData("1970-01-01 00:00:00+00:00")]
    [InlineData("")]
    [InlineData(null)]
    public void The_epoch_placeholder_and_nothing_read_as_not_yet(string? text)
    {
        Assert.True(ExotelTime.TryParseWithOffset(text, out var time));

        Assert.Null(time);
    }

    [Fact]
    public void A_v3_time_that_is_not_a_time_is_told_apart_from_not_yet()
    {
        Assert.False(ExotelTime.TryParseWithOffset("soon", out _));
        Assert.Equal("2025-01-01 01:30:00+05:30", ExotelTime.FormatWithOffset(new DateTimeOffset(2024, 12, 31, 20, 0, 0, TimeSpan.Zero)));
    }
}

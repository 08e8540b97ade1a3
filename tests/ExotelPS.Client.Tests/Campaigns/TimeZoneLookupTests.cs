using ExotelPS.Client.Campaigns;
using TimeZoneConverter;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class TimeZoneLookupTests
{
    private static readonly DateTimeOffset Summer = new(2024, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Winter = new(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Asia/Kolkata")]
    [InlineData("India Standard Time")]
    [InlineData(null)]
    [InlineData("  ")]
    public void India_by_either_id_or_by_default_is_plus_0530_all_year(string? id)
    {
        var zone = TimeZoneLookup.Platform.Find(id);

        Assert.Equal(new TimeSpan(5, 30, 0), zone.GetUtcOffset(Summer));
        Assert.Equal(new TimeSpan(5, 30, 0), zone.GetUtcOffset(Winter));
    }

    [Theory]
    [InlineData("America/New_York", "Eastern Standard Time")]
    [InlineData("Europe/London", "GMT Standard Time")]
    public void An_IANA_id_and_its_Windows_id_keep_the_same_clock(string iana, string windows)
    {
        var byIana = TimeZoneLookup.Platform.Find(iana);
        var byWindows = TimeZoneLookup.Platform.Find(windows);

        Assert.Equal(byIana.GetUtcOffset(Summer), byWindows.GetUtcOffset(Summer));
        Assert.Equal(byIana.GetUtcOffset(Winter), byWindows.GetUtcOffset(Winter));
        Assert.NotEqual(byIana.GetUtcOffset(Summer), byIana.GetUtcOffset(Winter));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Indian Standard Time")]
    [InlineData("../../etc/passwd")]
    public void An_unknown_id_is_refused_naming_TimeZone_and_the_id(string id)
    {
        var error = Assert.Throws<ExotelValidationException>(() => TimeZoneLookup.Platform.Find(id));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("TimeZone", failure.Field);
        Assert.Equal(id, failure.Value);
        Assert.Contains($"TimeZone '{id}'", error.Message);
    }

    // Windows PowerShell 5.1 cannot run here, so this plays .NET Framework: a platform list with Windows ids only,
    // and TimeZoneConverter's mapping, as the netstandard2.0 engine uses it.
    [Theory]
    [InlineData("Asia/Kolkata", "India Standard Time")]
    [InlineData("Asia/Calcutta", "India Standard Time")]
    [InlineData("America/New_York", "Eastern Standard Time")]
    [InlineData("Europe/London", "GMT Standard Time")]
    [InlineData("India Standard Time", "India Standard Time")]
    [InlineData(null, "India Standard Time")]
    public void On_a_Windows_only_platform_an_IANA_id_is_found_by_its_Windows_id(string? id, string windowsId)
    {
        var asked = new List<string>();
        var lookup = FrameworkLike(asked);

        var zone = lookup.Find(id);

        Assert.Equal(windowsId, asked.Last());
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(windowsId).GetUtcOffset(Summer), zone.GetUtcOffset(Summer));
    }

    [Fact]
    public void On_a_Windows_only_platform_an_unknown_id_is_still_refused()
    {
        var error = Assert.Throws<ExotelValidationException>(() => FrameworkLike(new List<string>()).Find("Asia/Atlantis"));

        Assert.Equal("TimeZone", Assert.Single(error.Failures).Field);
    }

    [Fact]
    public void On_a_Windows_only_platform_calling_hours_in_an_IANA_zone_keep_India_time()
    {
        var hours = CallingHours.Create(new[] { "09:00-21:00" }, "Asia/Kolkata", FrameworkLike(new List<string>()));

        var next = hours.NextOpening(new DateTimeOffset(2024, 5, 1, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal("India Standard Time", hours.Zone.Id);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 3, 30, 0, TimeSpan.Zero), next);
    }

    private static TimeZoneLookup FrameworkLike(List<string> asked) => new(
        id =>
        {
            asked.Add(id);
            return TZConvert.KnownWindowsTimeZoneIds.Contains(id) ? TimeZoneInfo.FindSystemTimeZoneById(id) : null;
        },
        id => TZConvert.TryIanaToWindows(id, out var windowsId) ? windowsId : null);
}

using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client.Tests.Campaigns;

/// <summary>The campaign parameters as the placing and the report cmdlets take them: one set of defaults, one error for every bad value.</summary>
public sealed class CampaignSettingsTests
{
    [Fact]
    public void Without_parameters_the_rules_are_issue_21s_defaults()
    {
        var settings = CampaignSettings.Create(null, null, null, null, null, null);

        Assert.Equal(1, settings.Rules.Redials.MaxAttempts);
        Assert.Equal(new[] { CallStatus.Busy, CallStatus.NoAnswer }, settings.Rules.Redials.RedialOn);
        Assert.Equal(new[] { TimeSpan.FromMinutes(30) }, settings.Rules.Redials.RedialAfter);
        Assert.Empty(settings.Rules.Hours.Windows);
        Assert.Equal(TimeZoneLookup.Platform.Find("Asia/Kolkata").BaseUtcOffset, settings.Rules.Hours.Zone.BaseUtcOffset);
        Assert.Null(settings.MaxRunTime);
    }

    [Fact]
    public void Every_bad_value_of_every_parameter_is_named_in_one_error()
    {
        var error = Assert.Throws<ExotelValidationException>(() =>
            CampaignSettings.Create(0, new[] { "completed" }, null, new[] { "25:00-26:00" }, "Mars/Olympus", TimeSpan.Zero));

        Assert.Equal(
            new[] { CampaignParameter.MaxAttempts, CampaignParameter.RedialOn, CampaignParameter.CallWindow, CampaignParameter.TimeZone, CampaignParameter.MaxRunTime },
            error.Failures.Select(failure => failure.Field));
        Assert.StartsWith(CampaignParameter.Subject, error.Message, StringComparison.Ordinal);
    }
}

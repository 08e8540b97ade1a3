using ExotelPS.Client;
using ExotelPS.Client.Campaigns;
using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class CampaignParametersTests
{
    [Fact]
    public void Without_parameters_the_rules_are_issue_21s_defaults()
    {
        var rules = CampaignParameters.ToRules(null, null, null, null, null);

        Assert.Equal(1, rules.Redials.MaxAttempts);
        Assert.Equal(new[] { CallStatus.Busy, CallStatus.NoAnswer }, rules.Redials.RedialOn);
        Assert.Equal(new[] { TimeSpan.FromMinutes(30) }, rules.Redials.RedialAfter);
        Assert.Empty(rules.Hours.Windows);
        Assert.Equal(TimeZoneLookup.Platform.Find("Asia/Kolkata").BaseUtcOffset, rules.Hours.Zone.BaseUtcOffset);
    }

    [Fact]
    public void Every_bad_value_of_either_kind_is_named_in_one_error()
    {
        var error = Assert.Throws<ExotelValidationException>(() =>
            CampaignParameters.ToRules(0, new[] { "completed" }, null, new[] { "25:00-26:00" }, "Mars/Olympus"));

        Assert.Equal(
            new[] { CampaignParameter.MaxAttempts, CampaignParameter.RedialOn, CampaignParameter.CallWindow, CampaignParameter.TimeZone },
            error.Failures.Select(failure => failure.Field));
        Assert.StartsWith(CampaignParameter.Subject, error.Message, StringComparison.Ordinal);
    }
}

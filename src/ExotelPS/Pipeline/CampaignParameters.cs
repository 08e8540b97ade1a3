using ExotelPS.Client;
using ExotelPS.Client.Campaigns;

namespace ExotelPS.Pipeline;

/// <summary>
/// The campaign parameters as a cmdlet takes them (-MaxAttempts, -RedialOn, -RedialAfter, -CallWindow, -TimeZone),
/// into the engine's <see cref="CampaignRules"/>: validated once, when the command starts, every bad value in one
/// <see cref="ExotelValidationException"/> naming the parameter and the value. Null values take issue 21's defaults
/// (one attempt; busy and no-answer; 30 minutes; any time; Asia/Kolkata). Any command that takes these parameters
/// builds its rules here, so a report decides rows as the run that placed them.
/// </summary>
internal static class CampaignParameters
{
    public static CampaignRules ToRules(int? maxAttempts, string[]? redialOn, TimeSpan[]? redialAfter, string[]? callWindow, string? timeZone)
    {
        var failures = new List<ValidationFailure>();
        var redials = Validated(() => RedialPolicy.Create(maxAttempts, redialOn, redialAfter), failures);
        var hours = Validated(() => CallingHours.Create(callWindow, timeZone), failures);
        if (redials is null || hours is null)
        {
            throw new ExotelValidationException(CampaignParameter.Subject, failures);
        }

        return new CampaignRules(redials, hours);
    }

    private static T? Validated<T>(Func<T> create, List<ValidationFailure> failures)
        where T : class
    {
        try
        {
            return create();
        }
        catch (ExotelValidationException e)
        {
            failures.AddRange(e.Failures);
            return null;
        }
    }
}

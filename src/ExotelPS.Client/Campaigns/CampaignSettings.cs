namespace ExotelPS.Client.Campaigns;

/// <summary>
/// A campaign's parameters as the cmdlets take them (-MaxAttempts, -RedialOn, -RedialAfter, -CallWindow, -TimeZone,
/// -MaxRunTime), validated once, when the command starts: every bad value, of every parameter, is one failure of a
/// single <see cref="ExotelValidationException"/> naming the parameter and the value.
/// </summary>
public sealed class CampaignSettings
{
    private CampaignSettings(CampaignRules rules, TimeSpan? maxRunTime)
    {
        Rules = rules;
        MaxRunTime = maxRunTime;
    }

    /// <summary>The redials and the calling hours (<see cref="DispatcherOptions.Campaign"/>).</summary>
    public CampaignRules Rules { get; }

    /// <summary>How long new attempts may start; null: no limit (<see cref="DispatcherOptions.MaxRunTime"/>).</summary>
    public TimeSpan? MaxRunTime { get; }

    /// <summary>Validates every parameter (null: its default) and combines them.</summary>
    /// <exception cref="ExotelValidationException">Any value is refused; each failure names its parameter and value.</exception>
    public static CampaignSettings Create(
        int? maxAttempts,
        IEnumerable<string?>? redialOn,
        IEnumerable<TimeSpan>? redialAfter,
        IEnumerable<string?>? callWindows,
        string? timeZone,
        TimeSpan? maxRunTime)
    {
        var failures = new List<ValidationFailure>();
        var redials = Gather(() => RedialPolicy.Create(maxAttempts, redialOn, redialAfter), failures);
        var hours = Gather(() => CallingHours.Create(callWindows, timeZone), failures);
        if (RunBudget.ProblemWith(maxRunTime) is { } problem)
        {
            failures.Add(problem);
        }

        CampaignParameter.ThrowIfAny(failures);
        return new CampaignSettings(new CampaignRules(redials!, hours!), maxRunTime);
    }

    private static T? Gather<T>(Func<T> create, List<ValidationFailure> failures)
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

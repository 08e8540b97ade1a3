using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns;

/// <summary>
/// How often and how soon a row is dialled again: at most <see cref="MaxAttempts"/> attempts on the customer in all,
/// another only after a final status in <see cref="RedialOn"/>, and only once <see cref="RedialAfter"/> has passed
/// since the end of the previous attempt (the last wait repeats).
/// </summary>
public sealed class RedialPolicy
{
    /// <summary>The most attempts a row may be given.</summary>
    public const int MostAttempts = 10;

    // A longer wait would outlast any sensible campaign; the bound also keeps instant arithmetic far from overflow.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private static readonly CallStatus[] Redialable = { CallStatus.Busy, CallStatus.NoAnswer, CallStatus.Failed };

    private RedialPolicy(int maxAttempts, IReadOnlyList<CallStatus> redialOn, IReadOnlyList<TimeSpan> redialAfter)
    {
        MaxAttempts = maxAttempts;
        RedialOn = redialOn;
        RedialAfter = redialAfter;
    }

    /// <summary>How many times a row may be dialled in all (1 to 10; default 1).</summary>
    public int MaxAttempts { get; }

    /// <summary>The final statuses that earn another attempt (default busy and no-answer).</summary>
    public IReadOnlyList<CallStatus> RedialOn { get; }

    /// <summary>The waits before attempt 2, 3, ..., from the end of the previous attempt (default 30 minutes).</summary>
    public IReadOnlyList<TimeSpan> RedialAfter { get; }

    /// <summary>
    /// The policy from the cmdlet parameters (null: the default); every bad value is one failure of a single
    /// <see cref="ExotelValidationException"/>, naming the parameter and the value.
    /// </summary>
    public static RedialPolicy Create(int? maxAttempts, IEnumerable<string?>? redialOn, IEnumerable<TimeSpan>? redialAfter)
    {
        var failures = new List<ValidationFailure>();
        if (maxAttempts is < 1 or > MostAttempts)
        {
            failures.Add(new ValidationFailure(
                CampaignParameter.MaxAttempts, maxAttempts.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), EngineText.Format(EngineStrings.MustBeBetween, 1, MostAttempts)));
        }

        var statuses = Statuses(redialOn, failures);
        var waits = Waits(redialAfter, failures);
        CampaignParameter.ThrowIfAny(failures);
        return new RedialPolicy(maxAttempts ?? 1, statuses, waits);
    }

    /// <summary>True when a customer attempt that ended with this status earns another.</summary>
    public bool RedialsOn(CallStatus status) => RedialOn.Contains(status);

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more); past the list, its last value.</summary>
    public TimeSpan WaitBefore(int attempt)
    {
        if (attempt < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, EngineStrings.OnlyLaterAttemptsWait);
        }

        return RedialAfter[Math.Min(attempt - 2, RedialAfter.Count - 1)];
    }

    private static IReadOnlyList<CallStatus> Statuses(IEnumerable<string?>? values, List<ValidationFailure> failures)
    {
        if (values is null)
        {
            return new[] { CallStatus.Busy, CallStatus.NoAnswer };
        }

        var statuses = new List<CallStatus>();
        foreach (var value in values)
        {
            var status = new CallStatus(value ?? string.Empty);
            if (!Redialable.Contains(status))
            {
                failures.Add(new ValidationFailure(CampaignParameter.RedialOn, value, EngineStrings.RedialOnUnknown));
            }
            else if (!statuses.Contains(status))
            {
                statuses.Add(status);
            }
        }

        if (statuses.Count == 0 && failures.All(failure => failure.Field != CampaignParameter.RedialOn))
        {
            failures.Add(new ValidationFailure(CampaignParameter.RedialOn, string.Empty, EngineStrings.RedialOnNone));
        }

        return statuses;
    }

    private static IReadOnlyList<TimeSpan> Waits(IEnumerable<TimeSpan>? values, List<ValidationFailure> failures)
    {
        if (values is null)
        {
            return new[] { TimeSpan.FromMinutes(30) };
        }

        var waits = values.ToList();
        foreach (var wait in waits.Where(wait => wait < TimeSpan.Zero || wait > LongestWait))
        {
            failures.Add(new ValidationFailure(
                CampaignParameter.RedialAfter, CampaignParameter.Text(wait), EngineText.Format(EngineStrings.RedialAfterRange, CampaignParameter.Text(LongestWait))));
        }

        if (waits.Count == 0)
        {
            failures.Add(new ValidationFailure(CampaignParameter.RedialAfter, string.Empty, EngineStrings.RedialAfterNone));
        }

        return waits;
    }
}

using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns;

/// <summary>
/// The campaign parameters' names, as the cmdlets spell them: each is named once here, so a validation failure names
/// the parameter the user typed.
/// </summary>
public static class CampaignParameter
{
    /// <summary>How many times a row may be dialled in all.</summary>
    public const string MaxAttempts = nameof(MaxAttempts);

    /// <summary>The final statuses that earn another attempt.</summary>
    public const string RedialOn = nameof(RedialOn);

    /// <summary>The waits before attempt 2, 3, ...</summary>
    public const string RedialAfter = nameof(RedialAfter);

    /// <summary>The local times within which an attempt may start.</summary>
    public const string CallWindow = nameof(CallWindow);

    /// <summary>The time zone of the windows.</summary>
    public const string TimeZone = nameof(TimeZone);

    /// <summary>How long a run may start new attempts.</summary>
    public const string MaxRunTime = nameof(MaxRunTime);

    /// <summary>The subject of every campaign validation error.</summary>
    internal static string Subject => EngineStrings.CampaignInvalid;

    /// <summary>Throws one <see cref="ExotelValidationException"/> naming every failure, when there is any.</summary>
    internal static void ThrowIfAny(List<ValidationFailure> failures)
    {
        if (failures.Count > 0)
        {
            throw new ExotelValidationException(Subject, failures);
        }
    }

    /// <summary>A duration as a user types it back (<c>00:30:00</c>, <c>1.00:00:00</c>).</summary>
    internal static string Text(TimeSpan value) => value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}

using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns;

/// <summary>
/// Finds a time zone by an IANA id (<c>Asia/Kolkata</c>) or a Windows id (<c>India Standard Time</c>), whichever
/// the platform's own list knows: first the id as given, then its Windows equivalent. On .NET 8 the platform knows
/// both kinds (with ICU) and converts them itself. Windows PowerShell 5.1 runs the netstandard2.0 build on .NET
/// Framework, whose list has Windows ids only and which cannot convert; there the IANA-to-Windows mapping comes from
/// TimeZoneConverter, a small, dependency-free package kept current with CLDR's mapping by its author (Matt
/// Johnson-Pint): a table of several hundred ids that changes with every tz release is not worth keeping by hand.
/// </summary>
public sealed class TimeZoneLookup
{
    /// <summary>The default zone of calling windows: India Standard Time.</summary>
    public const string DefaultId = "Asia/Kolkata";

    private readonly Func<string, TimeZoneInfo?> findOnPlatform;
    private readonly Func<string, string?> ianaToWindows;

    /// <summary>A lookup over a given platform list and id mapping: how tests play .NET Framework on any OS.</summary>
    public TimeZoneLookup(Func<string, TimeZoneInfo?> findOnPlatform, Func<string, string?> ianaToWindows)
    {
        this.findOnPlatform = findOnPlatform;
        this.ianaToWindows = ianaToWindows;
    }

    /// <summary>The lookup this process uses.</summary>
    public static TimeZoneLookup Platform { get; } = new(FindSystemZone, PlatformIanaToWindows);

    /// <summary>The zone; a blank id is the default; an unknown id is an <see cref="ExotelValidationException"/> naming TimeZone and the id.</summary>
    public TimeZoneInfo Find(string? id)
    {
        return TryFind(id) ?? throw new ExotelValidationException(CampaignParameter.Subject, new[] { Unknown(id) });
    }

    /// <summary>The zone, or null when neither the id nor its Windows equivalent is known here.</summary>
    public TimeZoneInfo? TryFind(string? id)
    {
        var wanted = string.IsNullOrWhiteSpace(id) ? DefaultId : id!.Trim();
        return findOnPlatform(wanted) ?? (ianaToWindows(wanted) is { } windowsId ? findOnPlatform(windowsId) : null);
    }

    /// <summary>The failure an unknown id gives.</summary>
    internal static ValidationFailure Unknown(string? id) =>
        new(CampaignParameter.TimeZone, id, EngineStrings.TimeZoneUnknown);

    private static TimeZoneInfo? FindSystemZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

#if NET8_0_OR_GREATER
    private static string? PlatformIanaToWindows(string id) =>
        TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out var windowsId) ? windowsId : null;
#else
    private static string? PlatformIanaToWindows(string id) =>
        TimeZoneConverter.TZConvert.TryIanaToWindows(id, out var windowsId) ? windowsId : null;
#endif
}

using System.Globalization;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns.Reporting.Html;

/// <summary>
/// One value as the page shows it to a reader (<see cref="Display"/>) and as it holds it for a test
/// (<see cref="Value"/>: invariant and exact, readable by .NET's and PowerShell's own parsers). The one place
/// where the page's formats are chosen.
/// </summary>
internal readonly struct Shown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private Shown(string value, string display)
    {
        Value = value;
        Display = display;
    }

    /// <summary>Exact, invariant: a whole number, a round-trip double, a TimeSpan's "c", an instant's "o"; empty for none.</summary>
    public string Value { get; }

    /// <summary>What a reader sees.</summary>
    public string Display { get; }

    /// <summary><c>12,345</c>.</summary>
    public static Shown Count(int count) => new(count.ToString(Invariant), count.ToString("N0", Invariant));

    /// <summary>A share from 0 to 1 as <c>62.5%</c>.</summary>
    public static Shown Rate(double rate) => new(rate.ToString("R", Invariant), Percent(rate));

    /// <summary><c>312 h 05 min</c>, <c>4 min 05 s</c> or <c>45 s</c>: a manager reads hours, not ticks.</summary>
    public static Shown Duration(TimeSpan duration) => new(duration.ToString("c", Invariant), DurationText(duration));

    /// <summary><c>2024-05-01 10:00</c> in the campaign's zone; <c>none</c> when there is no such time.</summary>
    public static Shown Time(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value
            ? new(value.ToString("o", Invariant), TimeText(TimeZoneInfo.ConvertTime(value, zone)))
            : new(string.Empty, ReportStrings.NoTime);

    /// <summary>A share from 0 to 1 as <c>62.5%</c>.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", Invariant) + "%";

    /// <summary>A local time as the page writes it.</summary>
    public static string TimeText(DateTimeOffset local) => local.ToString("yyyy-MM-dd HH:mm", Invariant);

    private static string DurationText(TimeSpan duration)
    {
        var wholeHours = (long)duration.TotalHours;
        return wholeHours > 0 ? string.Format(Invariant, ReportStrings.DurationHours, wholeHours, duration.Minutes)
            : duration.Minutes > 0 ? string.Format(Invariant, ReportStrings.DurationMinutes, duration.Minutes, duration.Seconds)
            : string.Format(Invariant, ReportStrings.DurationSeconds, duration.Seconds);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns;

/// <summary>
/// One daily span of local wall-clock time within which an attempt may start, written <c>HH:mm-HH:mm</c>. The start
/// is included, the end is not; an end before the start crosses midnight (<c>20:00-02:00</c>), and <c>24:00</c> may
/// end a window at midnight.
/// </summary>
public readonly struct CallWindow : IEquatable<CallWindow>
{
    private static readonly TimeSpan Midnight = TimeSpan.FromDays(1);

    private static readonly Regex Format = new(
        @"^\s*([0-9]{1,2}):([0-9]{2})\s*-\s*([0-9]{1,2}):([0-9]{2})\s*$", RegexOptions.CultureInvariant);

    private CallWindow(TimeSpan start, TimeSpan end)
    {
        Start = start;
        End = end;
    }

    /// <summary>The local time of day the window opens.</summary>
    public TimeSpan Start { get; }

    /// <summary>The local time of day the window closes (up to one day, for <c>24:00</c>).</summary>
    public TimeSpan End { get; }

    /// <summary>True when the window runs past midnight into the next day.</summary>
    public bool CrossesMidnight => End < Start;

    /// <summary>Parses <c>HH:mm-HH:mm</c>; a bad value is an <see cref="ExotelValidationException"/> naming CallWindow and the value.</summary>
    public static CallWindow Parse(string? text)
    {
        if (TryParse(text, out var window, out var reason))
        {
            return window;
        }

        throw new ExotelValidationException(CampaignParameter.Subject, new[] { new ValidationFailure(CampaignParameter.CallWindow, text, reason) });
    }

    /// <summary>Parses <c>HH:mm-HH:mm</c>, or says why it cannot.</summary>
    public static bool TryParse(string? text, out CallWindow window, out string reason)
    {
        window = default;
        var match = Format.Match(text ?? string.Empty);
        if (!match.Success)
        {
            reason = EngineStrings.CallWindowShape;
            return false;
        }

        var start = TimeOfDay(match.Groups[1].Value, match.Groups[2].Value, mayBeMidnightAfter: false);
        var end = TimeOfDay(match.Groups[3].Value, match.Groups[4].Value, mayBeMidnightAfter: true);
        if (start is null || end is null)
        {
            reason = EngineStrings.CallWindowTimes;
            return false;
        }

        if (start.Value == end.Value || (start.Value == TimeSpan.Zero && end.Value == Midnight))
        {
            // An empty or all-day window says nothing a missing -CallWindow does not; it is likelier a typo.
            reason = EngineStrings.CallWindowSpan;
            return false;
        }

        window = new CallWindow(start.Value, end.Value);
        reason = string.Empty;
        return true;
    }

    /// <summary>True when an attempt may start at this local time of day.</summary>
    public bool Contains(TimeSpan timeOfDay) =>
        CrossesMidnight
            ? timeOfDay >= Start || timeOfDay < End
            : timeOfDay >= Start && timeOfDay < End;

    /// <inheritdoc/>
    public bool Equals(CallWindow other) => Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CallWindow other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Start.GetHashCode() ^ (End.GetHashCode() * 31);

    /// <summary>The window as it is written, e.g. <c>20:00-02:00</c>.</summary>
    public override string ToString() => $"{Clock(Start)}-{Clock(End)}";

    private static string Clock(TimeSpan time) =>
        string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}", (int)time.TotalHours, time.Minutes);

    private static TimeSpan? TimeOfDay(string hours, string minutes, bool mayBeMidnightAfter)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        if (mayBeMidnightAfter && h == 24 && m == 0)
        {
            return Midnight;
        }

        return h <= 23 && m <= 59 ? new TimeSpan(h, m, 0) : null;
    }
}

using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns;

/// <summary>
/// When attempts may start: a set of daily <see cref="CallWindow"/>s in a time zone (none: any time). It answers
/// for real instants, so clock changes are handled where they happen: a window whose start falls in a
/// spring-forward gap opens when the clocks jump, and a start that occurs twice in a fall-back hour opens at the
/// first occurrence (and again at the second, if the window closed in between).
/// </summary>
public sealed class CallingHours
{
    // A window opens at least every other local day whatever the zone does (a transition can skip a day at most,
    // as Samoa's did in 2011); a week is a safe bound on the search.
    private const int DaysSearched = 7;

    private CallingHours(IReadOnlyList<CallWindow> windows, TimeZoneInfo zone)
    {
        Windows = windows;
        Zone = zone;
    }

    /// <summary>The windows, as given; empty when any time will do.</summary>
    public IReadOnlyList<CallWindow> Windows { get; }

    /// <summary>The zone the windows' times are read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>
    /// Parses <c>-CallWindow</c> values and <c>-TimeZone</c>; every bad value is one failure of a single
    /// <see cref="ExotelValidationException"/>, naming the parameter and the value.
    /// </summary>
    public static CallingHours Create(IEnumerable<string?>? windows, string? timeZone, TimeZoneLookup? lookup = null)
    {
        var failures = new List<ValidationFailure>();
        var parsed = new List<CallWindow>();
        foreach (var text in windows ?? Array.Empty<string?>())
        {
            if (CallWindow.TryParse(text, out var window, out var reason))
            {
                parsed.Add(window);
            }
            else
            {
                failures.Add(new ValidationFailure(CampaignParameter.CallWindow, text, reason));
            }
        }

        var zone = (lookup ?? TimeZoneLookup.Platform).TryFind(timeZone);
        if (zone is null)
        {
            failures.Add(TimeZoneLookup.Unknown(timeZone));
        }

        CampaignParameter.ThrowIfAny(failures);
        return new CallingHours(parsed, zone!);
    }

    /// <summary>True when an attempt may start at this instant.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        if (Windows.Count == 0)
        {
            return true;
        }

        var timeOfDay = TimeZoneInfo.ConvertTime(instant, Zone).TimeOfDay;
        return Windows.Any(window => window.Contains(timeOfDay));
    }

    /// <summary>
    /// The instant itself when a window is open then, else the first later instant a window opens; either way at
    /// the zone's offset, as a user of the windows reads it.
    /// </summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        if (IsOpen(instant))
        {
            return TimeZoneInfo.ConvertTime(instant, Zone);
        }

        // A window can only open where the local clock reaches a window's start or where it jumps.
        var firstDay = TimeZoneInfo.ConvertTime(instant, Zone).DateTime.Date.AddDays(-1);
        var opening = Enumerable.Range(0, DaysSearched + 2)
            .SelectMany(day => Windows.SelectMany(window => Occurrences(firstDay.AddDays(day).Add(window.Start))))
            .Concat(ClockChanges(instant, instant.AddDays(DaysSearched)))
            .Where(candidate => candidate > instant && IsOpen(candidate))
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();

        return opening != DateTimeOffset.MaxValue
            ? TimeZoneInfo.ConvertTime(opening, Zone)
            : throw new InvalidOperationException(EngineText.Format(EngineStrings.NoWindowOpens, DaysSearched, instant, Zone.Id));
    }

    /// <summary>Each instant at which the zone's clock shows this local time: none in a gap, two in an overlap.</summary>
    private IEnumerable<DateTimeOffset> Occurrences(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return Array.Empty<DateTimeOffset>();
        }

        var offsets = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local) : new[] { Zone.GetUtcOffset(local) };
        return offsets.Select(offset => new DateTimeOffset(local, offset));
    }

    /// <summary>
    /// The instants in (from, to] at which the zone's UTC offset changes. TimeZoneInfo's adjustment rules differ
    /// between .NET Framework and .NET and are awkward to read; sampling the offset and bisecting a change is exact
    /// to the tick on both.
    /// </summary>
    private IEnumerable<DateTimeOffset> ClockChanges(DateTimeOffset from, DateTimeOffset to)
    {
        var step = TimeSpan.FromHours(6);
        for (var start = from; start < to; start += step)
        {
            var end = start + step;
            if (Zone.GetUtcOffset(start) != Zone.GetUtcOffset(end))
            {
                yield return FirstInstantWithOffsetOf(start, end);
            }
        }
    }

    private DateTimeOffset FirstInstantWithOffsetOf(DateTimeOffset before, DateTimeOffset after)
    {
        var oldOffset = Zone.GetUtcOffset(before);
        while (after.UtcTicks - before.UtcTicks > 1)
        {
            var middle = before.AddTicks((after.UtcTicks - before.UtcTicks) / 2);
            if (Zone.GetUtcOffset(middle) == oldOffset)
            {
                before = middle;
            }
            else
            {
                after = middle;
            }
        }

        return after;
    }
}

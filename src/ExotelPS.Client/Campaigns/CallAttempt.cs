using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns;

/// <summary>One finished call of a row: when it started and ended, and what it meant (<see cref="CallVerdict"/>).</summary>
public sealed class CallAttempt
{
    /// <summary>Records an attempt; it cannot end before it started.</summary>
    public CallAttempt(DateTimeOffset start, DateTimeOffset end, CallVerdict verdict)
    {
        if (end < start)
        {
            throw new ArgumentException(EngineText.Format(EngineStrings.AttemptEndsBeforeStart, end, start), nameof(end));
        }

        Start = start;
        End = end;
        Verdict = verdict;
    }

    /// <summary>When the call was placed.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When the call ended: the next attempt's wait counts from here.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Whom the call reached, and the status a redial is decided on.</summary>
    public CallVerdict Verdict { get; }

    /// <summary>E.g. <c>2024-05-01T10:00:00+05:30 CustomerMissed (busy)</c>.</summary>
    public override string ToString() => $"{Start:o} {Verdict}";
}

using System.Text.Json;
using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client;

/// <summary>
/// One finished call of a row, as the journal's <c>final</c> line records it: Exotel's raw values, not a verdict, so
/// a run, a rerun and a report classify them alike (<see cref="ToCallAttempt"/>). The line's fields are named here
/// only, for writing and reading.
/// </summary>
internal sealed class JournalAttempt
{
    /// <summary>The journal line an attempt is recorded as.</summary>
    public const string LineName = "final";

    private const string ConnectCall = "connect";
    private const string FlowCall = "flow";

    public JournalAttempt(string sid, string? from, DateTimeOffset start, DateTimeOffset end, string status, bool isFlowCall)
    {
        Sid = sid ?? throw new ArgumentNullException(nameof(sid));
        From = from;
        Start = start;
        End = end < start ? start : end;
        Status = status ?? throw new ArgumentNullException(nameof(status));
        IsFlowCall = isFlowCall;
    }

    public string Sid { get; }

    /// <summary>The number rung first: the agent that took a connect call (a pool row may have another each time).</summary>
    public string? From { get; }

    public DateTimeOffset Start { get; }

    /// <summary>When the call ended: a redial's wait counts from here. Never before <see cref="Start"/>.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Exotel's overall Status, as read.</summary>
    public string Status { get; }

    /// <summary>Leg 1's status (the agent's, on a connect call); null when not read.</summary>
    public string? Leg1 { get; init; }

    /// <summary>Leg 2's status (the customer's, on a connect call); null when not read.</summary>
    public string? Leg2 { get; init; }

    /// <summary>Exotel's Duration in seconds, ringing included; null when not known.</summary>
    public int? Duration { get; init; }

    /// <summary>ConversationDuration in seconds; null when not known.</summary>
    public int? Talk { get; init; }

    /// <summary>True for a call to a flow (only the customer is rung), false for a connect-two-numbers call.</summary>
    public bool IsFlowCall { get; }

    /// <summary>The same attempt holding these instances of its words (equal to its own): a journal's memory keeps one of each.</summary>
    internal JournalAttempt Sharing(string sid, string? from, string status, string? leg1, string? leg2) =>
        ReferenceEquals(sid, Sid) && ReferenceEquals(from, From) && ReferenceEquals(status, Status) && ReferenceEquals(leg1, Leg1) && ReferenceEquals(leg2, Leg2)
            ? this
            : new JournalAttempt(sid, from, Start, End, status, IsFlowCall) { Leg1 = leg1, Leg2 = leg2, Duration = Duration, Talk = Talk };

    /// <summary>The attempt as the campaign rules see it: its times and whose miss it was.</summary>
    public CallAttempt ToCallAttempt() => new(
        Start,
        End,
        IsFlowCall
            ? CallVerdict.OfFlowCall(Status)
            : CallVerdict.OfConnectCall(Status, StatusOf(Leg1), StatusOf(Leg2)));

    /// <summary>Writes the line's own fields (the journal writes at, key, by and outcome).</summary>
    public void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("sid", Sid);
        JournalFields.WriteIfPresent(writer, "from", From);
        writer.WriteString("start", Start.UtcDateTime);
        writer.WriteString("end", End.UtcDateTime);
        writer.WriteString("status", Status);
        JournalFields.WriteIfPresent(writer, "leg1", Leg1);
        JournalFields.WriteIfPresent(writer, "leg2", Leg2);
        JournalFields.WriteIfPresent(writer, "duration", Duration);
        JournalFields.WriteIfPresent(writer, "talk", Talk);
        writer.WriteString("call", IsFlowCall ? FlowCall : ConnectCall);
    }

    /// <summary>Reads a <c>final</c> line's fields; null when one it needs (sid, start, end, status) is missing.</summary>
    public static JournalAttempt? Read(JsonElement line)
    {
        var sid = JournalFields.StringOf(line, "sid");
        var status = JournalFields.StringOf(line, "status");
        if (sid is null || status is null || JournalFields.TimeOf(line, "start") is not { } start || JournalFields.TimeOf(line, "end") is not { } end)
        {
            return null;
        }

        return new JournalAttempt(sid, JournalFields.StringOf(line, "from"), start, end, status, JournalFields.StringOf(line, "call") == FlowCall)
        {
            Leg1 = JournalFields.StringOf(line, "leg1"),
            Leg2 = JournalFields.StringOf(line, "leg2"),
            Duration = JournalFields.IntOf(line, "duration"),
            Talk = JournalFields.IntOf(line, "talk"),
        };
    }

    private static CallStatus? StatusOf(string? leg) => leg is null ? default(CallStatus?) : new CallStatus(leg);
}

using System.Globalization;

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// A recorded call as it stands at one instant, computed from its creation time: queued until
/// <see cref="RecordedCall.AnsweredAt"/>, in progress until <see cref="RecordedCall.EndsAt"/>, then final.
/// </summary>
internal sealed class CallSnapshot
{
    private const decimal PricePerMinute = 1.50m;

    public CallSnapshot(RecordedCall call, DateTimeOffset now)
    {
        Call = call;
        IsFinal = now >= call.EndsAt;
        var answered = now >= call.AnsweredAt;
        Status = IsFinal ? call.FinalStatus : answered ? CallStatus.InProgress : CallStatus.Queued;
        DateUpdated = IsFinal ? call.EndsAt : answered ? call.AnsweredAt : call.Created;

        var completed = call.FinalStatus == CallStatus.Completed;
        var ringSeconds = WholeSeconds(call.AnsweredAt - call.Created);
        var talkSeconds = IsFinal ? WholeSeconds(call.EndsAt - call.AnsweredAt) : answered ? WholeSeconds(now - call.AnsweredAt) : 0;
        ConversationDuration = completed ? talkSeconds : 0;
        Legs = answered ? BuildLegs(call, ringSeconds + talkSeconds, ConversationDuration) : Array.Empty<Leg>();
        Leg1Status = Legs.Count > 0 ? Legs[0].Status : CallStatus.Queued;
        Leg2Status = Legs.Count > 1 ? Legs[1].Status : call.IsFlow || AgentMissed ? (CallStatus?)null : CallStatus.Queued;
    }

    public RecordedCall Call { get; }

    public bool IsFinal { get; }

    public CallStatus Status { get; }

    public DateTimeOffset DateUpdated { get; }

    public DateTimeOffset? EndTime => IsFinal ? Call.EndsAt : null;

    /// <summary>Total seconds from start to end, once final.</summary>
    public int? Duration => IsFinal ? WholeSeconds(Call.EndsAt - Call.Created) : null;

    /// <summary>A completed call costs 1.50 per started minute; an unconnected one costs nothing.</summary>
    public string? Price => !IsFinal
        ? null
        : (Status == CallStatus.Completed ? PricePerMinute * Math.Max(1, (int)Math.Ceiling(Duration!.Value / 60.0)) : 0m)
            .ToString("0.00", CultureInfo.InvariantCulture);

    public int ConversationDuration { get; }

    public CallStatus Leg1Status { get; }

    /// <summary>The agent's leg was never answered (<see cref="TestNumbers.AgentMissOf"/>): the customer is not rung.</summary>
    private bool AgentMissed => TestNumbers.AgentMissOf(Call.Request) is not null;

    public CallStatus? Leg2Status { get; }

    public IReadOnlyList<Leg> Legs { get; }

    public string? RecordingUrl =>
        IsFinal && Status == CallStatus.Completed && Call.Request is ConnectCallOptions { Record: true }
            ? $"https://recordings.exotel.invalid/{Call.AccountSid}/{Call.Sid}.mp3"
            : null;

    /// <summary>
    /// The keys pressed in a flow: a completed call to a flow pressed the dialled (From) number's last digit, so a test
    /// chooses the digit by the number it calls. Calls between two numbers run no flow and press nothing.
    /// </summary>
    public string? Digits => IsFinal && Call.IsFlow && Status == CallStatus.Completed ? Call.Request.From!.Trim().Last().ToString() : null;

    /// <summary>The flow's app id: the last segment of the flow URL (<c>.../start_voice/926</c>); null for a call between two numbers.</summary>
    public string? AppId => Call.IsFlow ? Call.Field(WireField.Url)?.TrimEnd('/').Split('/').Last() : null;

    private static int WholeSeconds(TimeSpan span) => Math.Max(0, (int)span.TotalSeconds);

    /// <summary>
    /// The From leg is answered first in every case but a failed call to a flow (where From is the dialled number) and
    /// an agent's miss (the only leg then); the To leg (absent for a flow) carries the outcome.
    /// </summary>
    private IReadOnlyList<Leg> BuildLegs(RecordedCall call, int fromSeconds, int toSeconds)
    {
        if (!IsFinal)
        {
            var ringing = new Leg(CallStatus.InProgress, fromSeconds, "NA");
            return call.IsFlow || AgentMissed ? new[] { ringing } : new[] { ringing, new Leg(CallStatus.InProgress, toSeconds, null) };
        }

        var outcome = call.FinalStatus;
        if (AgentMissed)
        {
            return new[] { new Leg(outcome, 0, null) };
        }

        var connected = outcome == CallStatus.Completed;
        if (call.IsFlow)
        {
            return new[] { new Leg(outcome, connected ? fromSeconds : 0, connected ? "Human" : null) };
        }

        return new[]
        {
            new Leg(CallStatus.Completed, fromSeconds, "NA"),
            new Leg(outcome, toSeconds, connected ? "Human" : null),
        };
    }

    /// <summary>One leg of the call.</summary>
    internal sealed class Leg
    {
        public Leg(CallStatus status, int onCallDuration, string? answeredBy)
        {
            Status = status;
            OnCallDuration = onCallDuration;
            AnsweredBy = answeredBy;
        }

        public CallStatus Status { get; }

        public int OnCallDuration { get; }

        public string? AnsweredBy { get; }
    }
}

using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client;

/// <summary>STAND-IN for main's JournalAttempt (the lead's "Journal: final line"); replaced at the merge.</summary>
internal sealed class JournalAttempt
{
    public string Sid { get; init; } = string.Empty;

    public string? From { get; init; }

    public DateTimeOffset Start { get; init; }

    public DateTimeOffset End { get; init; }

    public string Status { get; init; } = string.Empty;

    public string? Leg1 { get; init; }

    public string? Leg2 { get; init; }

    public int? Duration { get; init; }

    public int? Talk { get; init; }

    public bool IsFlowCall { get; init; }

    public CallAttempt ToCallAttempt() => new(
        Start,
        End < Start ? Start : End,
        IsFlowCall
            ? CallVerdict.OfFlowCall(new CallStatus(Status))
            : CallVerdict.OfConnectCall(new CallStatus(Status), Leg1 is null ? null : new CallStatus(Leg1), Leg2 is null ? null : new CallStatus(Leg2)));
}

namespace ExotelPS.Client;

/// <summary>
/// One call as Exotel's Voice v3 Call Details API (beta) reports it: what v1 says plus the keys pressed, the app or
/// flow that ran, talk time and the recordings. Every field may be absent (the API is in beta); times carry their
/// offset as Exotel sent it.
/// </summary>
public sealed class ExotelCallDetail
{
    /// <summary>The call's unique identifier (the same Sid as v1).</summary>
    public string Sid { get; init; } = string.Empty;

    /// <summary>E.g. <c>outbound</c> or <c>inbound</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>The ExoPhone (virtual number) the call used.</summary>
    public string? VirtualNumber { get; init; }

    /// <summary><c>active</c> while the call goes on, <c>terminal</c> once it ended.</summary>
    public string? State { get; init; }

    /// <summary>The outcome; null while the call is active. v3 has statuses v1 lacks (from_leg_unanswered, ...), kept as sent.</summary>
    public CallStatus? Status { get; init; }

    /// <summary>When the call was created.</summary>
    public DateTimeOffset? CreatedTime { get; init; }

    /// <summary>When the call was last updated.</summary>
    public DateTimeOffset? UpdatedTime { get; init; }

    /// <summary>When the call started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the call ended; null while it is active (Exotel writes the epoch then).</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Seconds from start to end.</summary>
    public int? TotalDuration { get; init; }

    /// <summary>Seconds the parties talked.</summary>
    public int? TotalTalkTime { get; init; }

    /// <summary>The CustomField the call was placed with.</summary>
    public string? CustomField { get; init; }

    /// <summary>The app (flow) id the call ran, for a call to a flow.</summary>
    public string? AppId { get; init; }

    /// <summary>The app (flow) name.</summary>
    public string? AppName { get; init; }

    /// <summary>The DTMF keys pressed in the flow, as sent.</summary>
    public string? Digits { get; init; }

    /// <summary>The call's recordings; empty when it was not recorded.</summary>
    public IReadOnlyList<CallRecording> Recordings { get; init; } = Array.Empty<CallRecording>();

    /// <summary>The first recording's URL, or null.</summary>
    public string? RecordingUrl => Recordings.Count > 0 ? Recordings[0].Url : null;

    /// <summary>The path of the call's legs resource, as Exotel gives it.</summary>
    public string? LegsUri { get; init; }

    /// <summary>The legs, when asked for (the v3 Call Legs API, which Exotel may have to enable too); otherwise null.</summary>
    public IReadOnlyList<CallDetailLeg>? Legs { get; internal set; }

    /// <summary>Exotel's id of the request that answered, for support tickets.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// What could not be read from Exotel's answers (details and legs): each field named with the value found, left
    /// empty above; null when everything read. The cmdlet also writes it as a warning.
    /// </summary>
    public string? ReadWarnings { get; internal set; }

    /// <summary>Sid, state and status.</summary>
    public override string ToString() => $"{Sid} ({State}{(Status is { } status ? ", " + status : string.Empty)})";
}

/// <summary>One recording of a call, from Voice v3.</summary>
public sealed class CallRecording
{
    /// <summary>Where the recording can be fetched.</summary>
    public string? Url { get; init; }

    /// <summary>single or dual, when Exotel says.</summary>
    public string? Channels { get; init; }

    /// <summary>Seconds of audio, when Exotel says.</summary>
    public int? Duration { get; init; }

    /// <summary>The URL.</summary>
    public override string ToString() => Url ?? string.Empty;
}

/// <summary>One leg of a call, from the Voice v3 Call Legs API.</summary>
public sealed class CallDetailLeg
{
    /// <summary><c>from</c> (dialled first; the agent on an outgoing call) or <c>to</c>.</summary>
    public string Side { get; init; } = string.Empty;

    /// <summary>The leg's identifier.</summary>
    public string? Sid { get; init; }

    /// <summary>The user (agent) on the leg, when Exotel knows one.</summary>
    public string? Name { get; init; }

    /// <summary>The number or SIP URI of the leg.</summary>
    public string? ContactUri { get; init; }

    /// <summary>The leg's status.</summary>
    public CallStatus? Status { get; init; }

    /// <summary>When the leg was created.</summary>
    public DateTimeOffset? CreatedTime { get; init; }

    /// <summary>When the leg was last updated.</summary>
    public DateTimeOffset? UpdatedTime { get; init; }

    /// <summary>Side, number and status.</summary>
    public override string ToString() => $"{Side} {ContactUri} ({Status})";
}

namespace ExotelPS.Client;

/// <summary>
/// One call as Exotel describes it. Times are in Exotel's zone (+05:30); Duration and Price fill in a few
/// minutes after a call ends, so they are null until then.
/// </summary>
public sealed class ExotelCall
{
    /// <summary>The call's unique identifier.</summary>
    public string Sid { get; init; } = string.Empty;

    /// <summary>The parent call, for a child call.</summary>
    public string? ParentCallSid { get; init; }

    /// <summary>When the call was requested.</summary>
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When the call's status last changed.</summary>
    public DateTimeOffset? DateUpdated { get; init; }

    /// <summary>The account that placed the call.</summary>
    public string? AccountSid { get; init; }

    /// <summary>The second number dialled (the customer), or the ExoPhone for a call to a flow.</summary>
    public string? To { get; init; }

    /// <summary>The first number dialled (the agent).</summary>
    public string? From { get; init; }

    /// <summary>The ExoPhone used as caller id.</summary>
    public string? PhoneNumberSid { get; init; }

    /// <summary>The overall status.</summary>
    public CallStatus Status { get; init; }

    /// <summary>When the call went to the operator.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the call ended; null while it is in progress.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Total duration in seconds, once known.</summary>
    public int? Duration { get; init; }

    /// <summary>What the call cost, once known (INR or USD).</summary>
    public decimal? Price { get; init; }

    /// <summary>inbound, outbound-dial or outbound-api.</summary>
    public string? Direction { get; init; }

    /// <summary>Human, Machine, NotSure or NA.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>The number the call was forwarded from, if any.</summary>
    public string? ForwardedFrom { get; init; }

    /// <summary>The caller's name, if known.</summary>
    public string? CallerName { get; init; }

    /// <summary>The API path of this call.</summary>
    public string? Uri { get; init; }

    /// <summary>The recording, when the call was recorded.</summary>
    public string? RecordingUrl { get; init; }

    /// <summary>Leg-level detail, present when asked for (details=true) or returned by connect.</summary>
    public CallDetails? Details { get; init; }

    /// <summary>
    /// What could not be read from Exotel's answer: each field named with the value found, left empty above; null when
    /// everything read. The cmdlets also write it as a warning.
    /// </summary>
    public string? ReadWarnings { get; init; }

    /// <summary>Sid and status.</summary>
    public override string ToString() => $"{Sid} ({Status})";
}

/// <summary>Leg-level detail of a call.</summary>
public sealed class CallDetails
{
    /// <summary>Seconds both parties were connected.</summary>
    public int? ConversationDuration { get; init; }

    /// <summary>Status of the From leg.</summary>
    public CallStatus? Leg1Status { get; init; }

    /// <summary>Status of the To leg.</summary>
    public CallStatus? Leg2Status { get; init; }

    /// <summary>Per-leg detail.</summary>
    public IReadOnlyList<CallLeg> Legs { get; init; } = Array.Empty<CallLeg>();

    /// <summary>What a table or list shows, e.g. <c>talked 42 s; From completed, To completed</c>.</summary>
    public override string ToString() =>
        $"talked {Seconds(ConversationDuration)}; From {Leg1Status?.ToString() ?? "?"}, To {Leg2Status?.ToString() ?? "?"}";

    internal static string Seconds(int? seconds) => seconds is { } value ? $"{value} s" : "? s";
}

/// <summary>One leg of a call.</summary>
public sealed class CallLeg
{
    /// <summary>The leg's identifier, when Exotel sends one.</summary>
    public string? Id { get; init; }

    /// <summary>Seconds this leg was on the call.</summary>
    public int? OnCallDuration { get; init; }

    /// <summary>The leg's status.</summary>
    public CallStatus? Status { get; init; }

    /// <summary>Human, Machine, NotSure or NA.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>
    /// What a table or list shows: <c>leg 2, 21 s</c> from the details page (which gives each leg's Id), <c>completed, 42 s, Human</c>
    /// from a StatusCallback.
    /// </summary>
    public override string ToString() =>
        string.Join(", ", new[] { Id is null ? null : "leg " + Id, Status?.ToString(), OnCallDuration is null ? null : CallDetails.Seconds(OnCallDuration), AnsweredBy }.Where(part => part is not null));
}

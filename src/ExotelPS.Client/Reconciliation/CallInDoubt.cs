namespace ExotelPS.Client;

/// <summary>
/// A call request whose outcome is unknown: what Exotel's call listing can be searched for (From, To or the flow's
/// ExoPhone, CallerId) and when the request was sent, with the limits that bound how long its call can last.
/// </summary>
public sealed class CallInDoubt
{
    // Kept as given and put in canonical form only when compared: every row sent has one, few are ever looked up.
    private readonly string rawFrom;
    private readonly string? rawTo;
    private readonly string rawCallerId;
    private string? from;
    private string? to;
    private string? callerId;

    /// <summary>Creates a row in doubt; numbers in any form <see cref="PhoneNumber"/> accepts.</summary>
    /// <param name="from">The number rung first.</param>
    /// <param name="to">The number rung second; null for a call to a flow, which Exotel lists with the ExoPhone as To.</param>
    /// <param name="callerId">The ExoPhone.</param>
    /// <param name="sentAt">When the request was sent (just before it went on the wire).</param>
    /// <param name="timeOut">The row's TimeOut in seconds; null when none was given (then Exotel's most, 60).</param>
    /// <param name="timeLimit">The row's TimeLimit in seconds; null when none was given (then Exotel's most, 4 hours).</param>
    public CallInDoubt(string from, string? to, string callerId, DateTimeOffset sentAt, int? timeOut, int? timeLimit)
    {
        rawFrom = from ?? throw new ArgumentNullException(nameof(from));
        rawTo = to;
        rawCallerId = callerId ?? throw new ArgumentNullException(nameof(callerId));
        SentAt = sentAt;
        TimeOut = timeOut;
        TimeLimit = timeLimit;
    }

    /// <summary>The number rung first, in E.164.</summary>
    public string From => from ??= PhoneNumber.Canonical(rawFrom);

    /// <summary>The number rung second, in E.164; null for a call to a flow.</summary>
    public string? To => rawTo is null ? null : to ??= PhoneNumber.Canonical(rawTo);

    /// <summary>The ExoPhone, in E.164.</summary>
    public string CallerId => callerId ??= PhoneNumber.Canonical(rawCallerId);

    /// <summary>The To that Exotel's listing shows for this call: the number, or the ExoPhone for a call to a flow.</summary>
    public string ListedTo => To ?? CallerId;

    /// <summary>When the request was sent.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>The ring time asked for, in seconds, if any.</summary>
    public int? TimeOut { get; }

    /// <summary>The call's TimeLimit asked for, in seconds, if any.</summary>
    public int? TimeLimit { get; }

    /// <summary>The row in doubt that <paramref name="request"/>, sent at <paramref name="sentAt"/>, leaves.</summary>
    public static CallInDoubt Of(PlaceCallOptions request, DateTimeOffset sentAt)
    {
        _ = request ?? throw new ArgumentNullException(nameof(request));
        var to = request is ConnectCallOptions connect ? connect.To : null;
        return new CallInDoubt(request.From ?? string.Empty, to, request.CallerId ?? string.Empty, sentAt, request.TimeOut, request.TimeLimit);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{From} -> {To ?? "flow"} as {CallerId}, sent {SentAt:u}";
}

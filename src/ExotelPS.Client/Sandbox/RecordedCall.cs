namespace ExotelPS.Client.Sandbox;

/// <summary>A call the simulator accepted: what was asked for, and when each stage of its life comes.</summary>
public sealed class RecordedCall
{
    internal RecordedCall(
        string sid, string accountSid, IReadOnlyList<KeyValuePair<string, string>> form, PlaceCallOptions request,
        DateTimeOffset created, DateTimeOffset answeredAt, DateTimeOffset endsAt, CallStatus finalStatus, long sequence)
    {
        Sid = sid;
        AccountSid = accountSid;
        Form = form;
        Request = request;
        Created = created;
        AnsweredAt = answeredAt;
        EndsAt = endsAt;
        FinalStatus = finalStatus;
        Sequence = sequence;
    }

    /// <summary>The call's Sid.</summary>
    public string Sid { get; }

    /// <summary>The account that placed it.</summary>
    public string AccountSid { get; }

    /// <summary>The form fields exactly as received.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form { get; }

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>When the call leaves the queue and is in progress.</summary>
    public DateTimeOffset AnsweredAt { get; }

    /// <summary>When the call reaches <see cref="FinalStatus"/>.</summary>
    public DateTimeOffset EndsAt { get; }

    /// <summary>The status the call ends with: a test number's, else drawn by the busy and no-answer shares (<see cref="CallOutcomes"/>).</summary>
    public CallStatus FinalStatus { get; }

    /// <summary>The first value of a form field, e.g. <c>CustomField</c>; null when absent.</summary>
    public string? Field(string name) => Form.FirstOrDefault(pair => pair.Key == name).Value;

    internal PlaceCallOptions Request { get; }

    internal long Sequence { get; }

    internal bool IsFlow => Request is FlowCallOptions;
}

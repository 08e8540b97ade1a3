namespace ExotelPS.Client;

/// <summary>
/// One delivery to a callback URL, read: which kind it is, the call as <see cref="ExotelCall"/> (the same object the
/// API answers with, <c>Details</c> holding ConversationDuration and Legs), plus what only a callback carries. Exotel
/// may deliver late or more than once: <see cref="DeliveryKey"/> is the same for repeats of one event.
/// </summary>
public sealed class StatusCallback
{
    internal StatusCallback(
        CallbackKind kind, ExotelCall call, string? eventType, string? customField, CallStatus? dialCallStatus, string? callType,
        IReadOnlyList<KeyValuePair<string, string>> fields, IReadOnlyList<KeyValuePair<string, string>> unknownFields)
    {
        Kind = kind;
        Call = call;
        EventType = eventType;
        CustomField = customField;
        DialCallStatus = dialCallStatus;
        CallType = callType;
        Fields = fields;
        UnknownFields = unknownFields;
        var status = kind == CallbackKind.StatusCallback ? call.Status.Value : Field(WireField.Status) ?? dialCallStatus?.Value;
        DeliveryKey = string.Join("|", call.Sid, eventType ?? string.Empty, status ?? string.Empty);
    }

    /// <summary>A StatusCallback, or an applet's request (whose call has no outcome yet: its Status is empty).</summary>
    public CallbackKind Kind { get; }

    /// <summary>The call as the delivery describes it; times in Exotel's zone (+05:30).</summary>
    public ExotelCall Call { get; }

    /// <summary>
    /// A StatusCallback's <c>terminal</c> or <c>answered</c> (null when the call was placed without StatusCallbackEvents);
    /// a Connect applet's call event (<c>Dial</c>, ...).
    /// </summary>
    public string? EventType { get; }

    /// <summary>The CustomField the call was placed with (sent with the terminal event).</summary>
    public string? CustomField { get; }

    /// <summary>An applet's request: how the leg a Connect applet dialled went (completed, no-answer, busy, canceled, ...).</summary>
    public CallStatus? DialCallStatus { get; }

    /// <summary>An applet's request: what the flow did so far (completed, incomplete, client-hangup, call-attempt, voicemail).</summary>
    public string? CallType { get; }

    /// <summary>
    /// <c>CallSid|EventType|Status</c>: equal for repeated deliveries of one event, different for the answered and the
    /// terminal event of one call. Keep the first seen (or the latest <see cref="ExotelCall.DateUpdated"/>) per key.
    /// </summary>
    public string DeliveryKey { get; }

    /// <summary>Every field as received, lists flattened as <c>Legs[0][Status]</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>Fields Exotel's documentation does not list for this kind, kept as received.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UnknownFields { get; }

    private string? Field(string name) =>
        Fields.Where(field => string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase)).Select(field => field.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}

namespace ExotelPS.Client;

/// <summary>
/// One StatusCallback delivery, read: the call as <see cref="ExotelCall"/> (the same object the API answers with,
/// <c>Details</c> holding ConversationDuration and Legs), plus what only a callback carries. Exotel may deliver a
/// callback late or more than once: <see cref="DeliveryKey"/> is the same for repeats of one event.
/// </summary>
public sealed class StatusCallback
{
    internal StatusCallback(
        ExotelCall call, string? eventType, string? customField, IReadOnlyList<KeyValuePair<string, string>> fields,
        IReadOnlyList<KeyValuePair<string, string>> unknownFields)
    {
        Call = call;
        EventType = eventType;
        CustomField = customField;
        Fields = fields;
        UnknownFields = unknownFields;
        DeliveryKey = string.Join("|", call.Sid, eventType ?? string.Empty, call.Status.Value);
    }

    /// <summary>The call as the callback describes it; times in Exotel's zone (+05:30).</summary>
    public ExotelCall Call { get; }

    /// <summary><c>terminal</c> or <c>answered</c>; null when the call was placed without StatusCallbackEvents.</summary>
    public string? EventType { get; }

    /// <summary>The CustomField the call was placed with (sent with the terminal event).</summary>
    public string? CustomField { get; }

    /// <summary>
    /// <c>CallSid|EventType|Status</c>: equal for repeated deliveries of one event, different for the answered and the
    /// terminal event of one call. Keep the first seen (or the latest <see cref="ExotelCall.DateUpdated"/>) per key.
    /// </summary>
    public string DeliveryKey { get; }

    /// <summary>Every field as received, lists flattened as <c>Legs[0][Status]</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>Fields Exotel's documentation does not list, kept as received.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UnknownFields { get; }
}

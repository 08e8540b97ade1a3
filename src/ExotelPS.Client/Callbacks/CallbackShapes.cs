namespace ExotelPS.Client.Callbacks;

/// <summary>
/// Tells a StatusCallback from an applet's request, and which fields each documents (the rest are kept as unknown).
/// Applets (Exotel's Passthru and Connect applet pages, and the requests integrators record) send CallFrom, CallTo,
/// DialCallStatus or DialWhomNumber, which a StatusCallback never carries.
/// </summary>
internal static class CallbackShapes
{
    private static readonly string[] AppletMarkers =
    {
        WireField.CallFrom, WireField.CallTo, WireField.DialCallStatus, WireField.DialWhomNumber,
    };

    // The fields Exotel documents for StatusCallback; a leg's fields are OnCallDuration, Status and AnsweredBy.
    private static readonly HashSet<string> StatusCallbackFields = new(StringComparer.OrdinalIgnoreCase)
    {
        WireField.CallSid, WireField.EventType, WireField.Status, WireField.From, WireField.To, WireField.PhoneNumberSid, WireField.DateCreated, WireField.DateUpdated, WireField.StartTime,
        WireField.EndTime, WireField.Duration, WireField.ConversationDuration, WireField.RecordingUrl, WireField.Direction, WireField.CustomField,
    };

    private static readonly HashSet<string> StatusCallbackLegFields = new(StringComparer.OrdinalIgnoreCase) { WireField.OnCallDuration, WireField.Status, WireField.AnsweredBy };

    // The query parameters of Exotel's Passthru and Connect applet pages, and the fields their requests are seen with.
    private static readonly HashSet<string> AppletFields = new(StringComparer.OrdinalIgnoreCase)
    {
        WireField.CallSid, WireField.CallFrom, WireField.CallTo, WireField.Direction, "Created", WireField.DialCallDuration, WireField.StartTime, WireField.EndTime,
        WireField.CallType, WireField.DialWhomNumber, WireField.DialCallStatus, "digits", WireField.RecordingUrl, WireField.From, WireField.To, "CurrentTime",
        WireField.ForwardedFrom, "flow_id", "tenant_id", "OutgoingPhoneNumber", "ProcessStatus", "RecordingAvailableBy", WireField.CustomField,
        WireField.EventType, WireField.Status,
    };

    private static readonly HashSet<string> AppletLegFields = new(StringComparer.OrdinalIgnoreCase) { "Number", "Type", WireField.OnCallDuration, WireField.CallerId, "CauseCode", "Cause" };

    /// <summary>Which kind of request <paramref name="fields"/> are.</summary>
    public static CallbackKind Of(IReadOnlyList<KeyValuePair<string, string>> fields) =>
        fields.Any(field => AppletMarkers.Contains(field.Key, StringComparer.OrdinalIgnoreCase)) ? CallbackKind.AppletRequest : CallbackKind.StatusCallback;

    /// <summary>True for a field <paramref name="kind"/> does not document: neither a known top-level field nor a leg's known field.</summary>
    public static bool IsUnknown(KeyValuePair<string, string> field, CallbackKind kind)
    {
        var applet = kind == CallbackKind.AppletRequest;
        var parts = field.Key.Split(new[] { '[', ']' }, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            1 => !(applet ? AppletFields : StatusCallbackFields).Contains(parts[0]),
            3 => !(string.Equals(parts[0], WireField.Legs, StringComparison.OrdinalIgnoreCase) && int.TryParse(parts[1], out _)
                && (applet ? AppletLegFields : StatusCallbackLegFields).Contains(parts[2])),
            _ => true,
        };
    }
}

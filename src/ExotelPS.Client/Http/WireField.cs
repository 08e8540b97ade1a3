namespace ExotelPS.Client;

/// <summary>
/// Every v1 wire field name, declared once: the request builders, the answer and callback readers, the listing query and
/// the simulator all spell a field through here. Exotel's own documented samples (the reader tests) pin the spellings.
/// </summary>
internal static class WireField
{
    // The form fields of a call request (Calls/connect).
    public const string From = "From";
    public const string To = "To";
    public const string CallerId = "CallerId";
    public const string CallType = "CallType";
    public const string TimeLimit = "TimeLimit";
    public const string TimeOut = "TimeOut";
    public const string CustomField = "CustomField";
    public const string StatusCallback = "StatusCallback";
    public const string StatusCallbackEvents = "StatusCallbackEvents";
    public const string StatusCallbackContentType = "StatusCallbackContentType";
    public const string Url = "Url";
    public const string WaitUrl = "WaitUrl";
    public const string Record = "Record";
    public const string RecordingChannels = "RecordingChannels";
    public const string RecordingFormat = "RecordingFormat";
    public const string StreamUrl = "StreamUrl";
    public const string StreamBegin = "StreamBegin";
    public const string StartPlaybackToNew = "StartPlaybackToNew";
    public const string StartPlaybackValueNew = "StartPlaybackValueNew";

    // A call's fields in an answer (and in a status callback).
    public const string Sid = "Sid";
    public const string ParentCallSid = "ParentCallSid";
    public const string DateCreated = "DateCreated";
    public const string DateUpdated = "DateUpdated";
    public const string AccountSid = "AccountSid";
    public const string PhoneNumberSid = "PhoneNumberSid";
    public const string Status = "Status";
    public const string StartTime = "StartTime";
    public const string EndTime = "EndTime";
    public const string Duration = "Duration";
    public const string Price = "Price";
    public const string Direction = "Direction";
    public const string AnsweredBy = "AnsweredBy";
    public const string ForwardedFrom = "ForwardedFrom";
    public const string CallerName = "CallerName";
    public const string Uri = "Uri";
    public const string RecordingUrl = "RecordingUrl";
    public const string Details = "Details";
    public const string ConversationDuration = "ConversationDuration";
    public const string Leg1Status = "Leg1Status";
    public const string Leg2Status = "Leg2Status";
    public const string Legs = "Legs";
    public const string Leg = "Leg";
    public const string LegId = "Id";
    public const string CallSid = "CallSid";
    public const string EventType = "EventType";
    public const string OnCallDuration = "OnCallDuration";

    // What an applet's request carries besides a call's fields (CallType is also a request field, above).
    public const string CallFrom = "CallFrom";
    public const string CallTo = "CallTo";
    public const string DialCallStatus = "DialCallStatus";
    public const string DialCallDuration = "DialCallDuration";
    public const string DialWhomNumber = "DialWhomNumber";

    // A listing's filters and envelope.
    public const string PageSize = "PageSize";
    public const string SortBy = "SortBy";
    public const string Before = "Before";
    public const string After = "After";
    public const string Metadata = "Metadata";
    public const string NextPageUri = "NextPageUri";
    public const string Calls = "Calls";
    public const string Call = "Call";

    // An error answer.
    public const string RestException = "RestException";
    public const string Message = "Message";
    public const string Code = "Code";
}

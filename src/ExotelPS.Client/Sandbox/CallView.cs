namespace ExotelPS.Client.Sandbox;

/// <summary>A call snapshot in Exotel's wire shapes: the <c>Call</c> object and the status callback payload.</summary>
internal static class CallView
{
    private const string Direction = "outbound-api";

    public static WireObject Call(CallSnapshot snapshot, bool withDetails)
    {
        var call = snapshot.Call;
        var view = new WireObject
        {
            { "Sid", call.Sid },
            { "ParentCallSid", null },
            { "DateCreated", ExotelTime.Format(call.Created) },
            { "DateUpdated", ExotelTime.Format(snapshot.DateUpdated) },
            { "AccountSid", call.AccountSid },
            { "To", To(call) },
            { "From", From(call) },
            { "PhoneNumberSid", CallerId(call) },
            { "Status", snapshot.Status.Value },
            { "StartTime", ExotelTime.Format(call.Created) },
            { "EndTime", Time(snapshot.EndTime) },
            { "Duration", snapshot.Duration?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "Price", snapshot.Price },
            { "Direction", Direction },
            { "AnsweredBy", null },
            { "ForwardedFrom", null },
            { "CallerName", null },
            { "Uri", $"/v1/Accounts/{call.AccountSid}/Calls/{call.Sid}.json" },
            { "RecordingUrl", snapshot.RecordingUrl },
        };
        if (withDetails)
        {
            view.Add("Details", new WireObject
            {
                { "ConversationDuration", snapshot.ConversationDuration },
                { "Leg1Status", snapshot.Leg1Status.Value },
                { "Leg2Status", snapshot.Leg2Status?.Value },
                { "Legs", Legs(snapshot, withIds: true) },
            });
        }

        return view;
    }

    /// <summary>
    /// What Exotel POSTs to StatusCallback: four fields always, the rest only when StatusCallbackEvents were given.
    /// </summary>
    public static WireObject CallbackPayload(CallSnapshot snapshot, StatusCallbackEvent callbackEvent)
    {
        var call = snapshot.Call;
        var payload = new WireObject
        {
            { "CallSid", call.Sid },
            { "Status", snapshot.Status.Value },
            { "RecordingUrl", snapshot.RecordingUrl },
            { "DateUpdated", ExotelTime.Format(snapshot.DateUpdated) },
        };
        if (call.Request.StatusCallbackEvents.Count > 0)
        {
            payload.Add("EventType", ExotelWireNames.ToWire(callbackEvent));
            payload.Add("DateCreated", ExotelTime.Format(call.Created));
            payload.Add("To", To(call));
            payload.Add("From", From(call));
            payload.Add("PhoneNumberSid", CallerId(call));
            payload.Add("StartTime", ExotelTime.Format(call.Created));
            payload.Add("EndTime", Time(snapshot.EndTime));
            payload.Add("Duration", snapshot.Duration?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            payload.Add("ConversationDuration", snapshot.ConversationDuration);
            payload.Add("Direction", Direction);
            payload.Add("CustomField", call.Request.CustomField);
            payload.Add("Legs", Legs(snapshot, withIds: false));
        }

        return payload;
    }

    /// <summary>Voice v3's <c>call_details</c> for the same snapshot: snake_case, times with their offset.</summary>
    public static WireObject V3Detail(CallSnapshot snapshot)
    {
        var call = snapshot.Call;
        var recordings = snapshot.RecordingUrl is { } url
            ? new List<WireObject> { new() { { "url", url }, { "channels", call.Field("RecordingChannels") ?? "single" }, { "duration", snapshot.ConversationDuration } } }
            : new List<WireObject>();
        return new WireObject
        {
            { "sid", call.Sid },
            { "direction", Direction },
            { "virtual_number", CallerId(call) },
            { "state", snapshot.IsFinal ? "terminal" : "active" },
            { "status", snapshot.IsFinal ? snapshot.Status.Value : null },
            { "legs", $"/v3/accounts/{call.AccountSid}/calls/{call.Sid}/legs" },
            { "created_time", ExotelTime.FormatWithOffset(call.Created) },
            { "updated_time", ExotelTime.FormatWithOffset(snapshot.DateUpdated) },
            { "start_time", ExotelTime.FormatWithOffset(call.Created) },
            { "end_time", ExotelTime.FormatWithOffset(snapshot.EndTime ?? DateTimeOffset.FromUnixTimeSeconds(0)) },
            { "total_duration", snapshot.Duration },
            { "total_talk_time", snapshot.ConversationDuration },
            { "custom_field", call.Request.CustomField },
            { "app_id", snapshot.AppId },
            { "app_name", snapshot.AppId is { } appId ? "Flow " + appId : null },
            { "digits", snapshot.Digits },
            { "recordings", recordings },
        };
    }

    /// <summary>Voice v3's legs answer: the From leg(s) and the To leg(s), each with its number and outcome.</summary>
    public static WireObject V3Legs(CallSnapshot snapshot)
    {
        var call = snapshot.Call;
        var numbers = new[] { From(call), To(call) };
        var legs = snapshot.Legs.Select((leg, index) => new WireObject
        {
            { "leg_sid", $"{call.Sid}-{index + 1}" },
            { "contact_uri", numbers[index] },
            { "status", leg.Status.Value },
            { "on_call_duration", leg.OnCallDuration },
            { "answered_by", leg.AnsweredBy },
        }).ToList();
        return new WireObject { { "sid", call.Sid }, { "from", legs.Take(1).ToList() }, { "to", legs.Skip(1).ToList() } };
    }

    private static List<WireObject> Legs(CallSnapshot snapshot, bool withIds) =>
        snapshot.Legs.Select((leg, index) =>
        {
            var view = new WireObject();
            if (withIds)
            {
                view.Add("Id", index + 1);
            }

            view.Add("OnCallDuration", leg.OnCallDuration);
            view.Add("Status", leg.Status.Value);
            view.Add("AnsweredBy", leg.AnsweredBy);
            return view;
        }).ToList();

    /// <summary>The To number as Exotel echoes it; for a call to a flow, the ExoPhone.</summary>
    public static string To(RecordedCall call) =>
        call.Request is ConnectCallOptions connect ? TestNumbers.NationalForm(connect.To!) : CallerId(call);

    /// <summary>The From number as Exotel echoes it.</summary>
    public static string From(RecordedCall call) => TestNumbers.NationalForm(call.Request.From!);

    private static string CallerId(RecordedCall call) => TestNumbers.NationalForm(call.Request.CallerId!);

    private static string? Time(DateTimeOffset? time) => time is { } value ? ExotelTime.Format(value) : null;
}

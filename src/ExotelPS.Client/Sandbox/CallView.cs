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
            { WireField.Sid, call.Sid },
            { WireField.ParentCallSid, null },
            { WireField.DateCreated, ExotelTime.Format(call.Created) },
            { WireField.DateUpdated, ExotelTime.Format(snapshot.DateUpdated) },
            { WireField.AccountSid, call.AccountSid },
            { WireField.To, To(call) },
            { WireField.From, From(call) },
            { WireField.PhoneNumberSid, CallerId(call) },
            { WireField.Status, snapshot.Status.Value },
            { WireField.StartTime, ExotelTime.Format(call.Created) },
            { WireField.EndTime, Time(snapshot.EndTime) },
            { WireField.Duration, snapshot.Duration?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { WireField.Price, snapshot.Price },
            { WireField.Direction, Direction },
            { WireField.AnsweredBy, null },
            { WireField.ForwardedFrom, null },
            { WireField.CallerName, null },
            { WireField.Uri, $"/v1/Accounts/{call.AccountSid}/Calls/{call.Sid}.json" },
            { WireField.RecordingUrl, snapshot.RecordingUrl },
        };
        if (withDetails)
        {
            view.Add(WireField.Details, new WireObject
            {
                { WireField.ConversationDuration, snapshot.ConversationDuration },
                { WireField.Leg1Status, snapshot.Leg1Status.Value },
                { WireField.Leg2Status, snapshot.Leg2Status?.Value },
                { WireField.Legs, WrappedLegs(snapshot) },
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
            { WireField.CallSid, call.Sid },
            { WireField.Status, snapshot.Status.Value },
            { WireField.RecordingUrl, snapshot.RecordingUrl },
            { WireField.DateUpdated, ExotelTime.Format(snapshot.DateUpdated) },
        };
        if (call.Request.StatusCallbackEvents.Count > 0)
        {
            payload.Add(WireField.EventType, ExotelWireNames.ToWire(callbackEvent));
            payload.Add(WireField.DateCreated, ExotelTime.Format(call.Created));
            payload.Add(WireField.To, To(call));
            payload.Add(WireField.From, From(call));
            payload.Add(WireField.PhoneNumberSid, CallerId(call));
            payload.Add(WireField.StartTime, ExotelTime.Format(call.Created));
            payload.Add(WireField.EndTime, Time(snapshot.EndTime));
            payload.Add(WireField.Duration, snapshot.Duration?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            payload.Add(WireField.ConversationDuration, snapshot.ConversationDuration);
            payload.Add(WireField.Direction, Direction);
            payload.Add(WireField.CustomField, call.Request.CustomField);
            payload.Add(WireField.Legs, CallbackLegs(snapshot));
        }

        return payload;
    }

    /// <summary>Voice v3's <c>call_details</c> for the same snapshot: snake_case, times with their offset.</summary>
    public static WireObject V3Detail(CallSnapshot snapshot)
    {
        var call = snapshot.Call;
        var recordings = snapshot.RecordingUrl is { } url
            ? new List<WireObject> { new() { { "url", url }, { "channels", call.Field(WireField.RecordingChannels) ?? "single" }, { "duration", snapshot.ConversationDuration } } }
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

    /// <summary>
    /// Voice v3's <c>leg_details</c>, as the Call Legs (Beta) page shows it: the From leg(s) and the To leg(s), each with
    /// its sid, user name (none here), number, times and status; a To leg also has its group.
    /// </summary>
    public static WireObject V3Legs(CallSnapshot snapshot)
    {
        var call = snapshot.Call;
        var numbers = new[] { From(call), To(call) };
        var legs = snapshot.Legs.Select((leg, index) =>
        {
            var view = new WireObject
            {
                { "sid", $"{call.Sid}{index + 1}" },
                { "name", null },
                { "contact_uri", numbers[index] },
                { "date_created", ExotelTime.FormatWithOffset(call.Created) },
                { "date_updated", ExotelTime.FormatWithOffset(snapshot.DateUpdated) },
                { "status", leg.Status.Value },
            };
            if (index > 0)
            {
                view.Add("group_id", null);
                view.Add("group_name", null);
            }

            return view;
        }).ToList();
        return new WireObject { { "call_sid", call.Sid }, { "account_sid", call.AccountSid }, { "from", legs.Take(1).ToList() }, { "to", legs.Skip(1).ToList() } };
    }

    /// <summary>The details page's legs: <c>{"Leg": {"Id": 1, "OnCallDuration": 21}}</c> each (in XML, <c>&lt;Leg&gt;</c> elements).</summary>
    private static List<WireObject> WrappedLegs(CallSnapshot snapshot) =>
        snapshot.Legs.Select((leg, index) => WireObject.Of(WireField.Leg, new WireObject
        {
            { WireField.LegId, index + 1 },
            { WireField.OnCallDuration, leg.OnCallDuration },
        })).ToList();

    /// <summary>A StatusCallback's legs, bare: OnCallDuration, Status and AnsweredBy each.</summary>
    private static List<WireObject> CallbackLegs(CallSnapshot snapshot) =>
        snapshot.Legs.Select(leg => new WireObject
        {
            { WireField.OnCallDuration, leg.OnCallDuration },
            { WireField.Status, leg.Status.Value },
            { WireField.AnsweredBy, leg.AnsweredBy },
        }).ToList();

    /// <summary>The To number as Exotel echoes it; for a call to a flow, the ExoPhone.</summary>
    public static string To(RecordedCall call) =>
        call.Request is ConnectCallOptions connect ? TestNumbers.NationalForm(connect.To!) : CallerId(call);

    /// <summary>The From number as Exotel echoes it.</summary>
    public static string From(RecordedCall call) => TestNumbers.NationalForm(call.Request.From!);

    private static string CallerId(RecordedCall call) => TestNumbers.NationalForm(call.Request.CallerId!);

    private static string? Time(DateTimeOffset? time) => time is { } value ? ExotelTime.Format(value) : null;
}

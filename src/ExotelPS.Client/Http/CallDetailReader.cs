namespace ExotelPS.Client.Http;

/// <summary>
/// Reads Voice v3 (beta) envelopes, <c>{"request_id","method","http_code","response":{"code","status",...}}</c>,
/// through the same <see cref="ResponseNode"/> mapping as v1. Only the Sid is required; every other field may be
/// absent, and where Exotel's pages name a field two ways both are read.
/// </summary>
internal static class CallDetailReader
{
    /// <summary>Reads <c>response.call_details</c>.</summary>
    internal static ExotelCallDetail ReadDetail(string body, bool json) =>
        ExotelResponseReader.Read(body, json, root =>
        {
            var details = Response(root).Child("call_details") ?? throw root.Missing("response.call_details", "the call's details");
            return ToDetail(details, root.Text("request_id"));
        });

    /// <summary>Reads the legs answer: <c>from</c> and <c>to</c> lists, inside <c>response</c> or a record within it.</summary>
    internal static IReadOnlyList<CallDetailLeg> ReadLegs(string body, bool json) =>
        ExotelResponseReader.Read(body, json, root =>
        {
            var response = Response(root);
            var record = response.Child("call_legs") ?? response.Child("data") ?? response;
            return Side(record, "from").Concat(Side(record, "to")).ToArray();
        });

    private static ResponseNode Response(ResponseNode root) =>
        root.Child("response") ?? throw root.Missing("response", "a Voice v3 envelope with a response object");

    private static ExotelCallDetail ToDetail(ResponseNode details, string? requestId) => new()
    {
        Sid = details.Text("sid") ?? throw details.Missing("sid", "the call's sid"),
        Direction = details.Text("direction"),
        VirtualNumber = details.Text("virtual_number"),
        State = details.Text("state"),
        Status = details.Status("status"),
        CreatedTime = details.OffsetTime("created_time"),
        UpdatedTime = details.OffsetTime("updated_time"),
        StartTime = details.OffsetTime("start_time"),
        EndTime = details.OffsetTime("end_time"),
        TotalDuration = details.Int("total_duration"),
        TotalTalkTime = details.Int("total_talk_time"),
        CustomField = details.Text("custom_field"),
        AppId = details.Text("app_id"),
        AppName = details.Text("app_name"),
        Digits = details.Text("digits"),
        Recordings = Recordings(details),
        LegsUri = details.Text("legs"),
        RequestId = requestId,
    };

    /// <summary>A <c>recordings</c> list, else a lone <c>recording</c> object, else a bare <c>recording_url</c>.</summary>
    private static IReadOnlyList<CallRecording> Recordings(ResponseNode details)
    {
        var items = details.Items("recordings") ?? (details.Child("recording") is { } one ? new[] { one } : null);
        if (items is not null)
        {
            return items.Select(recording => new CallRecording
            {
                Url = recording.FirstText("url", "recording_url"),
                Channels = recording.FirstText("channels", "recording_channels"),
                Duration = recording.Int("duration"),
            }).ToArray();
        }

        return details.Text("recording_url") is { } url ? new[] { new CallRecording { Url = url } } : Array.Empty<CallRecording>();
    }

    private static IEnumerable<CallDetailLeg> Side(ResponseNode record, string side) =>
        (record.Items(side) ?? Array.Empty<ResponseNode>()).Select(leg => new CallDetailLeg
        {
            Side = side,
            Sid = leg.FirstText("leg_sid", "sid"),
            ContactUri = leg.FirstText("contact_uri", "number"),
            Status = leg.Status("status"),
            OnCallDuration = leg.Int(leg.Text("on_call_duration") is null ? "duration" : "on_call_duration"),
            AnsweredBy = leg.Text("answered_by"),
            StartTime = leg.OffsetTime("start_time"),
            EndTime = leg.OffsetTime("end_time"),
        });
}

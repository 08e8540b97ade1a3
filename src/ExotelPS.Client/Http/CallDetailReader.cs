namespace ExotelPS.Client.Http;

/// <summary>
/// Reads Voice v3 (beta) envelopes, <c>{"request_id","method","http_code","response":{"code","status",...}}</c>,
/// through the same <see cref="ResponseNode"/> mapping and <see cref="ReadingRules"/> as v1. Only the Sid is required;
/// every other field may be absent.
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

    /// <summary>Reads the legs answer: <c>from</c> and <c>to</c> lists in <c>response.leg_details</c>, and what could not be read.</summary>
    internal static (IReadOnlyList<CallDetailLeg> Legs, string? Warnings) ReadLegs(string body, bool json) =>
        ExotelResponseReader.Read(body, json, root =>
        {
            var record = Response(root).Child("leg_details");
            var from = record?.Items("from");
            var to = record?.Items("to");
            if (from is null && to is null)
            {
                root.Notes.UnknownShape("response", "no leg_details with from or to legs");
            }

            var legs = Side(from, "from").Concat(Side(to, "to")).ToArray();
            if (legs.Length > 0 && legs.All(leg => leg is { Sid: null, ContactUri: null, Status: null }))
            {
                root.Notes.UnknownShape("response.leg_details", $"{legs.Length} legs with no field ExotelPS reads");
            }

            return ((IReadOnlyList<CallDetailLeg>)legs, root.Notes.Since(0));
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
        ReadWarnings = details.Notes.Since(0),
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

    private static IEnumerable<CallDetailLeg> Side(IReadOnlyList<ResponseNode>? legs, string side) =>
        (legs ?? Array.Empty<ResponseNode>()).Select(leg => new CallDetailLeg
        {
            Side = side,
            Sid = leg.Text("sid"),
            Name = leg.Text("name"),
            ContactUri = leg.Text("contact_uri"),
            Status = leg.Status("status"),
            CreatedTime = leg.OffsetTime("date_created"),
            UpdatedTime = leg.OffsetTime("date_updated"),
        });
}

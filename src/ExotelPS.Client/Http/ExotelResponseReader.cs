using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Http;

/// <summary>
/// Reads Exotel's response bodies, JSON (<c>.json</c> paths) or XML (<c>&lt;TwilioResponse&gt;</c>), into engine
/// types. Both formats go through one field mapping, under the <see cref="ReadingRules"/>: a field that cannot be read
/// is left empty and named in the result's <c>ReadWarnings</c>. Only a body that cannot be parsed, or has no call Sid
/// where a call is expected, raises a <see cref="FormatException"/> saying what was expected, without quoting the body.
/// </summary>
internal static class ExotelResponseReader
{
    /// <summary>Reads <c>{"Call":{...}}</c> or <c>&lt;TwilioResponse&gt;&lt;Call&gt;...</c>.</summary>
    internal static ExotelCall ReadCall(string body, bool json) =>
        Read(body, json, root => ToCall(root.Child(WireField.Call) ?? throw root.Missing(WireField.Call, "a Call object")));

    /// <summary>Reads a listing page: <c>{"Metadata":{...},"Calls":[...]}</c>, or its XML twin.</summary>
    internal static CallPage ReadPage(string body, bool json) => Read(body, json, ToPage);

    /// <summary>Reads a <c>RestException</c>; null when the body is not one (an HTML error page, say).</summary>
    internal static RestError? ReadError(string body, bool json)
    {
        try
        {
            return Read(body, json, ToError);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Parses <paramref name="body"/> as JSON or XML and maps its root object.</summary>
    internal static T Read<T>(string body, bool json, Func<ResponseNode, T> map)
    {
        var notes = new ReadingNotes();
        if (json)
        {
            using var document = ParseJson(body);
            return map(JsonResponseNode.Root(document, notes));
        }

        return map(XmlResponseNode.Root(ParseXml(body), notes));
    }

    private static JsonDocument ParseJson(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new FormatException(EngineText.Format(EngineStrings.ResponseNotJson, e.Message), e);
        }
    }

    private static XDocument ParseXml(string body)
    {
        try
        {
            // DTDs stay prohibited (the XmlReader default), so a body cannot pull in external entities.
            return XDocument.Parse(body);
        }
        catch (XmlException e)
        {
            throw new FormatException(EngineText.Format(EngineStrings.ResponseNotXml, e.Message), e);
        }
    }

    private static CallPage ToPage(ResponseNode root)
    {
        var mark = root.Notes.Count;
        var metadata = root.Child(WireField.Metadata);
        var beforeCalls = root.Notes.Count;
        var calls = root.Items(WireField.Calls);

        // A listing decides whether a call exists (reconciliation), so no call may be dropped: Calls reads whole or not at all.
        if (root.Notes.Since(beforeCalls) is { } unreadable)
        {
            throw new FormatException(EngineText.Format(EngineStrings.ListingNotWhole, unreadable));
        }

        if (metadata is null && calls is null)
        {
            throw root.Missing(WireField.Calls, "a call listing (Metadata and Calls)");
        }

        return new CallPage
        {
            Total = metadata?.Int("Total"),
            PageSize = metadata?.Int(WireField.PageSize),
            NextPageUri = metadata?.Text(WireField.NextPageUri),
            ReadWarnings = root.Notes.Since(mark),
            Calls = calls?.Select(ToCall).ToArray() ?? Array.Empty<ExotelCall>(),
        };
    }

    /// <summary>
    /// Maps a v1 Call object (or a callback's fields, seen as one) to <see cref="ExotelCall"/>; what could not be read
    /// is left empty and named in <see cref="ExotelCall.ReadWarnings"/>, so only a missing Sid loses the call.
    /// </summary>
    internal static ExotelCall ToCall(ResponseNode call)
    {
        var mark = call.Notes.Count;

        // Object initializers run in order: ReadWarnings, last, holds the notes of every field above it.
        return new ExotelCall
        {
            Sid = call.Text(WireField.Sid) ?? throw call.Missing(WireField.Sid, "the call's Sid"),
            ParentCallSid = call.Text(WireField.ParentCallSid),
            DateCreated = call.Time(WireField.DateCreated),
            DateUpdated = call.Time(WireField.DateUpdated),
            AccountSid = call.Text(WireField.AccountSid),
            To = call.Text(WireField.To),
            From = call.Text(WireField.From),
            PhoneNumberSid = call.Text(WireField.PhoneNumberSid),
            Status = call.Status(WireField.Status) ?? default,
            StartTime = call.Time(WireField.StartTime),
            EndTime = call.Time(WireField.EndTime),
            Duration = call.Int(WireField.Duration),
            Price = call.Decimal(WireField.Price),
            Direction = call.Text(WireField.Direction),
            AnsweredBy = call.Text(WireField.AnsweredBy),
            ForwardedFrom = call.Text(WireField.ForwardedFrom),
            CallerName = call.Text(WireField.CallerName),
            Uri = call.Text(WireField.Uri),
            RecordingUrl = call.Text(WireField.RecordingUrl),
            Details = call.Child(WireField.Details) is { } details ? ToDetails(details) : null,
            ReadWarnings = call.Notes.Since(mark),
        };
    }

    private static CallDetails ToDetails(ResponseNode details) => new()
    {
        ConversationDuration = details.Int(WireField.ConversationDuration),
        Leg1Status = details.Status(WireField.Leg1Status),
        Leg2Status = details.Status(WireField.Leg2Status),
        Legs = Legs(details),
    };

    /// <summary>
    /// The legs, bare (<c>{"Id":1,...}</c>, as StatusCallback and XML send them) or wrapped (<c>{"Leg":{"Id":1,...}}</c>,
    /// as the JSON details page shows them). Legs of which no field could be read are a shape this reader does not know.
    /// </summary>
    private static IReadOnlyList<CallLeg> Legs(ResponseNode details)
    {
        var legs = details.Items(WireField.Legs)?.Select(item => ToLeg(item.Child(WireField.Leg) ?? item)).ToArray() ?? Array.Empty<CallLeg>();
        if (legs.Length > 0 && legs.All(leg => leg is { Id: null, OnCallDuration: null, Status: null, AnsweredBy: null }))
        {
            details.Notes.UnknownShape(details.PathOf(WireField.Legs), $"{legs.Length} legs with no field ExotelPS reads");
        }

        return legs;
    }

    private static CallLeg ToLeg(ResponseNode leg) => new()
    {
        Id = leg.Text(WireField.LegId),
        OnCallDuration = leg.Int(WireField.OnCallDuration),
        Status = leg.Status(WireField.Status),
        AnsweredBy = leg.Text(WireField.AnsweredBy),
    };

    private static RestError? ToError(ResponseNode root)
    {
        if (root.Child(WireField.RestException) is not { } error)
        {
            return ToV3Error(root);
        }

        // A status that is not a number still leaves the message and code worth reporting.
        var status = int.TryParse(error.Text(WireField.Status), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : (int?)null;
        return new RestError(status, error.Text(WireField.Message), error.Text(WireField.Code));
    }

    /// <summary>A Voice v3 envelope's <c>response.error_data</c> (<c>code</c>, <c>message</c>, <c>description</c>), or null.</summary>
    private static RestError? ToV3Error(ResponseNode root)
    {
        if (root.Text("request_id") is null && root.Text("http_code") is null)
        {
            return null;
        }

        var status = int.TryParse(root.Text("http_code"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        var error = root.Child("response")?.Child("error_data");
        var message = error is null
            ? null
            : string.Join(": ", new[] { error.Text("message"), error.Text("description") }.Where(part => part is not null));
        return new RestError(status, string.IsNullOrEmpty(message) ? null : message, error?.Text("code"), isV3: true);
    }
}

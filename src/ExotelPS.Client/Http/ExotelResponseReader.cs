using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace ExotelPS.Client.Http;

/// <summary>
/// Reads Exotel's response bodies, JSON (<c>.json</c> paths) or XML (<c>&lt;TwilioResponse&gt;</c>), into engine
/// types. Both formats go through one field mapping. A body that is not what was expected raises a
/// <see cref="FormatException"/> saying what was expected, without quoting the body.
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
        if (json)
        {
            using var document = ParseJson(body);
            return map(JsonResponseNode.Root(document));
        }

        return map(XmlResponseNode.Root(ParseXml(body)));
    }

    private static JsonDocument ParseJson(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new FormatException("Exotel response: expected a JSON body. " + e.Message, e);
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
            throw new FormatException("Exotel response: expected an XML body. " + e.Message, e);
        }
    }

    private static CallPage ToPage(ResponseNode root)
    {
        var metadata = root.Child(WireField.Metadata);
        var calls = root.Items(WireField.Calls);
        if (metadata is null && calls is null)
        {
            throw root.Missing(WireField.Calls, "a call listing (Metadata and Calls)");
        }

        return new CallPage
        {
            Calls = calls?.Select(ToCall).ToArray() ?? Array.Empty<ExotelCall>(),
            Total = metadata?.Int("Total"),
            PageSize = metadata?.Int(WireField.PageSize),
            NextPageUri = metadata?.Text(WireField.NextPageUri),
        };
    }

    /// <summary>Maps a v1 Call object (or a callback's fields, seen as one) to <see cref="ExotelCall"/>.</summary>
    internal static ExotelCall ToCall(ResponseNode call) => new()
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
    };

    private static CallDetails ToDetails(ResponseNode details) => new()
    {
        ConversationDuration = details.Int(WireField.ConversationDuration),
        Leg1Status = details.Status(WireField.Leg1Status),
        Leg2Status = details.Status(WireField.Leg2Status),
        Legs = details.Items(WireField.Legs)?.Select(ToLeg).ToArray() ?? Array.Empty<CallLeg>(),
    };

    private static CallLeg ToLeg(ResponseNode leg) => new()
    {
        Id = leg.Text("Id"),
        OnCallDuration = leg.Int("OnCallDuration"),
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

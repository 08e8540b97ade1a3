using ExotelPS.Client.Callbacks;
using ExotelPS.Client.Http;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Reads what Exotel sends to a URL: a StatusCallback, or an applet's request (Passthru, a Connect applet's dial-whom
/// URL or call event), as a raw body with its content type (multipart/form-data, Exotel's default;
/// application/x-www-form-urlencoded, which is also a Passthru's query string; application/json when
/// StatusCallbackContentType asks for it), or fields a web framework already parsed (Azure Functions'
/// <c>$Request.Body</c>, Pode's <c>$WebEvent.Data</c>). Times are read in Exotel's zone (+05:30); fields Exotel does not
/// document are kept.
/// </summary>
public static class StatusCallbackReader
{
    private static string Subject => EngineStrings.CallbackInvalid;

    /// <summary>Reads a raw body; <paramref name="contentType"/> is the request's Content-Type header (with its boundary).</summary>
    /// <exception cref="ExotelValidationException">The body is not a StatusCallback or applet payload; the failure names the field.</exception>
    public static StatusCallback Read(string body, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw Failed("Body", null, EngineStrings.CallbackEmpty);
        }

        return FromFields(() => CallbackFields.FromBody(body, contentType));
    }

    /// <summary>Reads fields already parsed: values may be text, numbers, dictionaries and lists (Legs), nested.</summary>
    /// <exception cref="ExotelValidationException">The fields are not a StatusCallback or applet payload; the failure names the field.</exception>
    public static StatusCallback Read(IEnumerable<KeyValuePair<string, object?>> fields) =>
        FromFields(() => CallbackFields.FromTree(fields ?? throw new ArgumentNullException(nameof(fields))));

    private static StatusCallback FromFields(Func<IReadOnlyList<KeyValuePair<string, string>>> flatten)
    {
        try
        {
            var fields = flatten();
            var kind = CallbackShapes.Of(fields);
            var node = new CallbackNode(fields, new ReadingNotes(), statusIsOutcome: kind == CallbackKind.StatusCallback);
            if (node.Text(WireField.CallSid) is null)
            {
                throw Failed(WireField.CallSid, null, EngineStrings.CallbackNoSid);
            }

            if (kind == CallbackKind.StatusCallback && node.Text(WireField.Status) is null)
            {
                throw Failed(WireField.Status, null, EngineStrings.CallbackNoStatus);
            }

            var call = ExotelResponseReader.ToCall(node);
            return new StatusCallback(
                kind,
                call,
                node.Text(WireField.EventType),
                node.Text(WireField.CustomField),
                node.Status(WireField.DialCallStatus),
                node.Text(WireField.CallType),
                fields,
                fields.Where(field => CallbackShapes.IsUnknown(field, kind)).ToList());
        }
        catch (FormatException e) when (FieldProblem.Of(e) is { } failure)
        {
            throw new ExotelValidationException(Subject, new[] { failure });
        }
    }

    private static ExotelValidationException Failed(string field, string? value, string reason) =>
        new(Subject, new[] { new ValidationFailure(field, value, reason) });
}

using ExotelPS.Client.Callbacks;
using ExotelPS.Client.Http;

namespace ExotelPS.Client;

/// <summary>
/// Reads what Exotel POSTs to a StatusCallback URL: a raw body with its content type (multipart/form-data, Exotel's
/// default; application/x-www-form-urlencoded; application/json when StatusCallbackContentType asks for it), or fields
/// a web framework already parsed (Azure Functions' <c>$Request.Body</c>, Pode's <c>$WebEvent.Data</c>).
/// Times are read in Exotel's zone (+05:30); fields Exotel does not document are kept.
/// </summary>
public static class StatusCallbackReader
{
    private const string Subject = "Invalid StatusCallback payload";

    // The fields Exotel documents for StatusCallback; a leg's fields are OnCallDuration, Status and AnsweredBy.
    private static readonly HashSet<string> KnownFields = new(StringComparer.OrdinalIgnoreCase)
    {
        WireField.CallSid, WireField.EventType, WireField.Status, WireField.From, WireField.To, WireField.PhoneNumberSid, WireField.DateCreated, WireField.DateUpdated, WireField.StartTime,
        WireField.EndTime, WireField.Duration, WireField.ConversationDuration, WireField.RecordingUrl, WireField.Direction, WireField.CustomField,
    };

    private static readonly HashSet<string> KnownLegFields = new(StringComparer.OrdinalIgnoreCase) { "OnCallDuration", WireField.Status, WireField.AnsweredBy };

    /// <summary>Reads a raw body; <paramref name="contentType"/> is the request's Content-Type header (with its boundary).</summary>
    /// <exception cref="ExotelValidationException">The body is not a StatusCallback payload; the failure names the field.</exception>
    public static StatusCallback Read(string body, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw Failed("Body", null, "is empty: a StatusCallback always carries CallSid and Status");
        }

        return FromFields(() => CallbackFields.FromBody(body, contentType));
    }

    /// <summary>Reads fields already parsed: values may be text, numbers, dictionaries and lists (Legs), nested.</summary>
    /// <exception cref="ExotelValidationException">The fields are not a StatusCallback payload; the failure names the field.</exception>
    public static StatusCallback Read(IEnumerable<KeyValuePair<string, object?>> fields) =>
        FromFields(() => CallbackFields.FromTree(fields ?? throw new ArgumentNullException(nameof(fields))));

    private static StatusCallback FromFields(Func<IReadOnlyList<KeyValuePair<string, string>>> flatten)
    {
        try
        {
            var fields = flatten();
            var node = new CallbackNode(fields);
            if (node.Text(WireField.CallSid) is null)
            {
                throw Failed(WireField.CallSid, null, "is required: every StatusCallback carries the call's Sid");
            }

            if (node.Text(WireField.Status) is null)
            {
                throw Failed(WireField.Status, null, "is required: every StatusCallback carries the call's status");
            }

            var call = ExotelResponseReader.ToCall(node);
            return new StatusCallback(call, node.Text(WireField.EventType), node.Text(WireField.CustomField), fields, fields.Where(IsUnknown).ToList());
        }
        catch (FormatException e) when (FieldProblem.Of(e) is { } failure)
        {
            throw new ExotelValidationException(Subject, new[] { failure });
        }
    }

    /// <summary>True for a field Exotel does not document: neither a known top-level field nor a leg's known field.</summary>
    private static bool IsUnknown(KeyValuePair<string, string> field)
    {
        var parts = field.Key.Split(new[] { '[', ']' }, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            1 => !KnownFields.Contains(parts[0]),
            3 => !(string.Equals(parts[0], WireField.Legs, StringComparison.OrdinalIgnoreCase) && int.TryParse(parts[1], out _) && KnownLegFields.Contains(parts[2])),
            _ => true,
        };
    }

    private static ExotelValidationException Failed(string field, string? value, string reason) =>
        new(Subject, new[] { new ValidationFailure(field, value, reason) });
}

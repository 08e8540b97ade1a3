using System.Collections;
using System.Globalization;
using System.Text.Json;
using ExotelPS.Client.Http;
using ExotelPS.Client.Resources;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Callbacks;

/// <summary>
/// A StatusCallback body as flat fields, whatever it came as: multipart/form-data (Exotel's default),
/// application/x-www-form-urlencoded, JSON, or fields a web framework already parsed. Nested values are named as
/// Exotel names them in a form, <c>Legs[0][Status]</c>, so every source reads through one mapping.
/// </summary>
internal static class CallbackFields
{
    public const string Multipart = "multipart/form-data";
    public const string FormUrlEncoded = "application/x-www-form-urlencoded";
    public const string Json = "application/json";

    /// <summary>Reads a raw body by its content type; with none, by its look (<c>{</c> JSON, <c>--</c> multipart, else a form).</summary>
    /// <exception cref="FormatException">The body is not what its content type says, or the content type is not one Exotel sends.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> FromBody(string body, string? contentType)
    {
        var mediaType = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        var trimmed = body.TrimStart();
        if (mediaType.Length == 0)
        {
            mediaType = trimmed.StartsWith("{", StringComparison.Ordinal) ? Json
                : trimmed.StartsWith("--", StringComparison.Ordinal) ? Multipart
                : FormUrlEncoded;
        }

        return mediaType switch
        {
            Json => FromJson(body),
            FormUrlEncoded => FormFields.Parse(body.Trim()),
            Multipart => FromMultipart(body, Boundary(contentType) ?? FirstLineBoundary(trimmed)),
            _ => throw Problem("ContentType", contentType, EngineText.Format(EngineStrings.CallbackContentType, Multipart, FormUrlEncoded, Json)),
        };
    }

    /// <summary>Flattens already-parsed fields: dictionaries, lists, JSON elements and scalars, nested as deep as they come.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FromTree(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var flat = new List<KeyValuePair<string, string>>();
        foreach (var field in fields)
        {
            Flatten(field.Key, field.Value, flat);
        }

        return flat;
    }

    private static void Flatten(string name, object? value, List<KeyValuePair<string, string>> flat)
    {
        switch (value)
        {
            case null:
                flat.Add(new KeyValuePair<string, string>(name, string.Empty));
                break;
            case string text:
                flat.Add(new KeyValuePair<string, string>(name, text));
                break;
            case JsonElement element:
                FlattenJson(name, element, flat);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var pair in pairs)
                {
                    Flatten($"{name}[{pair.Key}]", pair.Value, flat);
                }

                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Flatten($"{name}[{entry.Key}]", entry.Value, flat);
                }

                break;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Flatten($"{name}[{index++}]", item, flat);
                }

                break;
            case bool flag:
                flat.Add(new KeyValuePair<string, string>(name, flag ? "true" : "false"));
                break;
            default:
                flat.Add(new KeyValuePair<string, string>(name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }

    private static void FlattenJson(string name, JsonElement element, List<KeyValuePair<string, string>> flat)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    FlattenJson($"{name}[{property.Name}]", property.Value, flat);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    FlattenJson($"{name}[{index++}]", item, flat);
                }

                break;
            case JsonValueKind.String:
                Flatten(name, element.GetString(), flat);
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                Flatten(name, null, flat);
                break;
            default:
                Flatten(name, element.GetRawText(), flat);
                break;
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> FromJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Problem("Body", document.RootElement.ValueKind.ToString(), EngineStrings.CallbackNotObject);
            }

            var flat = new List<KeyValuePair<string, string>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                FlattenJson(property.Name, property.Value, flat);
            }

            return flat;
        }
        catch (JsonException e)
        {
            throw Problem("Body", null, EngineText.Format(EngineStrings.CallbackNotJson, e.Message));
        }
    }

    /// <summary>Reads multipart/form-data: each part's <c>name</c> from its Content-Disposition, its content as the value.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> FromMultipart(string body, string? boundary)
    {
        if (string.IsNullOrEmpty(boundary) || body.IndexOf("--" + boundary, StringComparison.Ordinal) < 0)
        {
            throw Problem("ContentType", boundary, EngineStrings.CallbackNoBoundary);
        }

        var fields = new List<KeyValuePair<string, string>>();
        var parts = body.Split(new[] { "--" + boundary }, StringSplitOptions.None);

        // parts[0] is the preamble; the part after the closing "--boundary--" starts with "--".
        foreach (var part in parts.Skip(1).TakeWhile(part => !part.StartsWith("--", StringComparison.Ordinal)))
        {
            var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var separator = 4;
            if (headerEnd < 0)
            {
                headerEnd = part.IndexOf("\n\n", StringComparison.Ordinal);
                separator = 2;
            }

            var name = headerEnd < 0 ? null : PartName(part.Substring(0, headerEnd));
            if (name is null)
            {
                throw Problem("Body", null, EngineStrings.CallbackSectionUnnamed);
            }

            var value = part.Substring(headerEnd + separator);
            fields.Add(new KeyValuePair<string, string>(name, value.EndsWith("\r\n", StringComparison.Ordinal) ? value.Substring(0, value.Length - 2) : value.TrimEnd('\n')));
        }

        return fields;
    }

    private static string? PartName(string headers)
    {
        var disposition = headers.Split('\n').FirstOrDefault(line => line.TrimStart().StartsWith("Content-Disposition", StringComparison.OrdinalIgnoreCase));
        return disposition is null ? null : Parameter(disposition, "name");
    }

    private static string? Boundary(string? contentType) => contentType is null ? null : Parameter(contentType, "boundary");

    private static string? FirstLineBoundary(string body) =>
        body.StartsWith("--", StringComparison.Ordinal) ? body.Substring(2).Split('\r', '\n')[0].Trim() : null;

    /// <summary>A header parameter such as <c>name="CallSid"</c> or <c>boundary=abc</c>, quotes removed.</summary>
    private static string? Parameter(string header, string parameter) =>
        header.Split(';')
            .Select(part => part.Trim())
            .Where(part => part.StartsWith(parameter + "=", StringComparison.OrdinalIgnoreCase))
            .Select(part => part.Substring(parameter.Length + 1).Trim().Trim('"'))
            .FirstOrDefault();

    private static FormatException Problem(string field, string? value, string reason) =>
        FieldProblem.Create(EngineText.Format(EngineStrings.CallbackFieldProblem, field, reason), field, value, reason);
}

namespace ExotelPS.Client.Sandbox;

/// <summary>Reads and writes <c>application/x-www-form-urlencoded</c> text: request bodies and query strings.</summary>
internal static class FormFields
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? text)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var part in (text ?? string.Empty).TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part.Substring(0, equals);
            var value = equals < 0 ? string.Empty : part.Substring(equals + 1);
            fields.Add(new KeyValuePair<string, string>(Decode(name), Decode(value)));
        }

        return fields;
    }

    public static string Write(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));

    /// <summary>The first value of <paramref name="name"/>, ignoring case as Exotel does; null when absent.</summary>
    public static string? Value(this IReadOnlyList<KeyValuePair<string, string>> fields, string name) =>
        fields.FirstOrDefault(field => string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

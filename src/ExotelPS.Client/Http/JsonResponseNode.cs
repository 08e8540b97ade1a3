using System.Text.Json;

namespace ExotelPS.Client.Http;

/// <summary>A JSON object seen as a <see cref="ResponseNode"/>.</summary>
internal sealed class JsonResponseNode : ResponseNode
{
    private readonly JsonElement element;

    private JsonResponseNode(JsonElement element, string path)
        : base(path) => this.element = element;

    /// <summary>The root object of <paramref name="document"/>.</summary>
    public static JsonResponseNode Root(JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Object
            ? new JsonResponseNode(document.RootElement, string.Empty)
            : throw new FormatException($"Exotel response: expected a JSON object, found {document.RootElement.ValueKind}.");

    public override ResponseNode? Child(string name) => Find(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } found => new JsonResponseNode(found, PathOf(name)),
        var found => throw Invalid(name, found.Value.ValueKind.ToString(), "an object"),
    };

    public override IReadOnlyList<ResponseNode>? Items(string name)
    {
        if (Find(name) is not { } found)
        {
            return null;
        }

        if (found.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(name, found.ValueKind.ToString(), "a list");
        }

        var items = new List<ResponseNode>(found.GetArrayLength());
        foreach (var item in found.EnumerateArray())
        {
            var path = $"{PathOf(name)}[{items.Count}]";
            items.Add(item.ValueKind == JsonValueKind.Object
                ? new JsonResponseNode(item, path)
                : throw new FormatException($"Exotel response: {path} should be an object but is {item.ValueKind}."));
        }

        return items;
    }

    public override string? Text(string name)
    {
        var text = Find(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } found => found.GetString(),
            { ValueKind: JsonValueKind.Number } found => found.GetRawText(),
            { ValueKind: JsonValueKind.True } => "true",
            { ValueKind: JsonValueKind.False } => "false",
            var found => throw Invalid(name, found.Value.ValueKind.ToString(), "a text or number"),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    /// <summary>The property called <paramref name="name"/>, any case; null when absent or JSON null.</summary>
    private JsonElement? Find(string name)
    {
        // Exotel's JSON uses the documented casing, so the exact lookup nearly always answers.
        if (!element.TryGetProperty(name, out var value))
        {
            value = default;
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    break;
                }
            }
        }

        return value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : value;
    }
}

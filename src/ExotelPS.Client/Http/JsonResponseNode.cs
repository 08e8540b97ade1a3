using System.Text.Json;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Http;

/// <summary>A JSON object seen as a <see cref="ResponseNode"/>.</summary>
internal sealed class JsonResponseNode : ResponseNode
{
    private readonly JsonElement element;

    private JsonResponseNode(JsonElement element, string path, ReadingNotes notes)
        : base(path, notes) => this.element = element;

    /// <summary>The root object of <paramref name="document"/>.</summary>
    public static JsonResponseNode Root(JsonDocument document, ReadingNotes notes) =>
        document.RootElement.ValueKind == JsonValueKind.Object
            ? new JsonResponseNode(document.RootElement, string.Empty, notes)
            : throw new FormatException(EngineText.Format(EngineStrings.ResponseNotJsonObject, document.RootElement.ValueKind));

    public override ResponseNode? Child(string name) => Find(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } found => new JsonResponseNode(found, PathOf(name), Notes),
        var found => Unreadable<ResponseNode>(name, found.Value, "an object"),
    };

    public override IReadOnlyList<ResponseNode>? Items(string name)
    {
        if (Find(name) is not { } found)
        {
            return null;
        }

        if (found.ValueKind != JsonValueKind.Array)
        {
            return Unreadable<IReadOnlyList<ResponseNode>>(name, found, "a list");
        }

        var items = new List<ResponseNode>(found.GetArrayLength());
        var index = 0;
        foreach (var item in found.EnumerateArray())
        {
            var path = $"{PathOf(name)}[{index++}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(new JsonResponseNode(item, path, Notes));
            }
            else
            {
                Notes.Unreadable(path, item.ToString(), "an object");
            }
        }

        return items;
    }

    protected override string? RawText(string name)
    {
        var text = Find(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } found => found.GetString(),
            { ValueKind: JsonValueKind.Number } found => found.GetRawText(),
            { ValueKind: JsonValueKind.True } => "true",
            { ValueKind: JsonValueKind.False } => "false",
            var found => Unreadable<string>(name, found.Value, "a text or number"),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    private T? Unreadable<T>(string name, JsonElement found, string expected)
        where T : class
    {
        Notes.Unreadable(PathOf(name), found.ToString(), expected);
        return null;
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

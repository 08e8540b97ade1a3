using System.Text.Json;

namespace ExotelPS.Client;

/// <summary>How a journal line's optional fields are written and read: absent when not known, and read as null when absent or of another type.</summary>
internal static class JournalFields
{
    public static string? StringOf(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DateTimeOffset? TimeOf(JsonElement line, string name) =>
        line.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out var parsed)
            ? parsed
            : null;

    public static int? IntOf(JsonElement line, string name) =>
        line.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : null;

    public static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteIfPresent(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is int number)
        {
            writer.WriteNumber(name, number);
        }
    }
}

using ExotelPS.Client;

namespace ExotelPS.Pipeline;

/// <summary>
/// Reads the values a command's parameters bound for one input row. Choice, number and yes/no parameters arrive as
/// text (a CSV cell binds to any string), so a bad cell becomes a validation failure of its own row, in its place,
/// instead of a binding error ahead of the earlier rows' results. Each command builds its own request with these.
/// </summary>
internal static class CellValues
{
    /// <summary>One value by Exotel's spelling (<c>mp3-hq</c>) or its .NET name (<c>Mp3Hq</c>); blank means not given.</summary>
    public static TEnum? Choice<TEnum>(string field, string? text, ICollection<ValidationFailure> failures)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ExotelWireNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        failures.Add(new ValidationFailure(field, text, "must be one of: " + string.Join(", ", ExotelWireNames.AllOf<TEnum>())));
        return null;
    }

    /// <summary>A number or yes/no read from text; blank means not given.</summary>
    public static TValue? Read<TValue>(string field, string? text, Func<string?, TValue?> parse, ICollection<ValidationFailure> failures)
        where TValue : struct
    {
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            failures.Add(new ValidationFailure(field, text, e.Message));
            return null;
        }
    }

    /// <summary>Several values: an array, or one CSV cell separated by commas or semicolons.</summary>
    public static List<TEnum> Choices<TEnum>(string field, string[]? texts, ICollection<ValidationFailure> failures)
        where TEnum : struct, Enum =>
        (texts ?? Array.Empty<string>())
            .SelectMany(text => text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            .Select(text => Choice<TEnum>(field, text, failures))
            .OfType<TEnum>()
            .ToList();

    public static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // Get-Date gives local times; an unspecified kind is read as local too, as PowerShell users expect.
    public static DateTimeOffset? AsOffset(DateTime? time) =>
        time is { } value ? new DateTimeOffset(value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local)) : null;
}

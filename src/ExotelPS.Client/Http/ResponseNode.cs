using System.Globalization;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Http;

/// <summary>
/// One object of a response body, read the same way whether it came as JSON, XML or callback fields, so the field
/// mapping is written once. Names match case-insensitively (Exotel's XML is sometimes all lower case). Reads follow
/// <see cref="ReadingRules"/>: "not set" reads as null; a value that cannot be read reads as null and is noted in
/// <see cref="Notes"/>, naming the field and the value. Only <see cref="Missing"/> fails a read.
/// </summary>
internal abstract class ResponseNode
{
    protected ResponseNode(string path, ReadingNotes notes)
    {
        Path = path;
        Notes = notes;
    }

    /// <summary>Where this node sits in the body, e.g. <c>Call.Details</c>; used in notes and error messages.</summary>
    public string Path { get; }

    /// <summary>What this read could not use, shared by every node of one body.</summary>
    public ReadingNotes Notes { get; }

    /// <summary>What the body is, for error messages.</summary>
    protected virtual string Source => "Exotel response";

    /// <summary>The nested object called <paramref name="name"/>; null when absent, or (noted) when not an object.</summary>
    public abstract ResponseNode? Child(string name);

    /// <summary>The objects of the list called <paramref name="name"/>; null when absent, or (noted) when not a list.</summary>
    public abstract IReadOnlyList<ResponseNode>? Items(string name);

    /// <summary>The scalar value called <paramref name="name"/> as text, trimmed; null when absent, empty or not set.</summary>
    public string? Text(string name) => RawText(name) is { } text && !ReadingRules.IsNotSet(text) ? text : null;

    public int? Int(string name) =>
        Parsed(name, "a whole number", (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    public decimal? Decimal(string name) =>
        Parsed(name, "a decimal number", (string text, out decimal value) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value));

    /// <summary>A v1 time, <c>yyyy-MM-dd HH:mm:ss</c> in Exotel's zone.</summary>
    public DateTimeOffset? Time(string name) => TimeOf(name, ExotelTime.WireFormat, ExotelTime.Parse);

    /// <summary>A Voice v3 time, with its offset (or +05:30 without one).</summary>
    public DateTimeOffset? OffsetTime(string name) => TimeOf(name, ExotelTime.OffsetWireFormat, ExotelTime.ParseOffsetExact);

    /// <summary>The first of <paramref name="names"/> that is present, as text: for fields whose name Exotel's beta API varies.</summary>
    public string? FirstText(params string[] names) => names.Select(Text).FirstOrDefault(text => text is not null);

    public CallStatus? Status(string name) => Text(name) is { } text && !ReadingRules.IsNoValue(text) ? new CallStatus(text) : (CallStatus?)null;

    /// <summary>A required object or field is not there: the body cannot be read.</summary>
    public FormatException Missing(string name, string expected) =>
        FieldProblem.Create(EngineText.Format(EngineStrings.FieldMissing, Source, expected, PathOf(name)), PathOf(name), null, EngineText.Format(EngineStrings.FieldRequired, expected));

    /// <summary>The value called <paramref name="name"/> as trimmed text; null when absent or empty; noted and null when not a scalar.</summary>
    protected abstract string? RawText(string name);

    public string PathOf(string name) => Path.Length == 0 ? name : Path + "." + name;

    private delegate bool TryParse<T>(string text, out T value);

    private T? Parsed<T>(string name, string expected, TryParse<T> tryParse)
        where T : struct
    {
        var text = Text(name);
        if (text is null || ReadingRules.IsNoValue(text))
        {
            return null;
        }

        if (tryParse(text, out var value))
        {
            return value;
        }

        Notes.Unreadable(PathOf(name), text, expected);
        return null;
    }

    // A time that is not set (the epoch Exotel writes for "not yet") reads as null, like a marker.
    private DateTimeOffset? TimeOf(string name, string format, Func<string, DateTimeOffset?> parse) =>
        Parsed(name, "a time as " + format, (string text, out DateTimeOffset value) =>
        {
            value = parse(text) ?? default;
            return value != default;
        }) is { } time && !ReadingRules.IsNotSet(time) ? time : null;
}

/// <summary>
/// The <see cref="FormatException"/> a body that cannot be read raises: plain, so callers catch it as any parse
/// failure, with which field, the value found (shortened) and why in its <see cref="Exception.Data"/>.
/// </summary>
internal static class FieldProblem
{
    private const string FieldKey = "ExotelPS.Field";
    private const string ValueKey = "ExotelPS.Value";
    private const string ReasonKey = "ExotelPS.Reason";

    public static FormatException Create(string message, string field, string? value, string reason)
    {
        var exception = new FormatException(message);
        exception.Data[FieldKey] = field;
        exception.Data[ValueKey] = value;
        exception.Data[ReasonKey] = reason;
        return exception;
    }

    /// <summary>The field, value and reason of a failure made by <see cref="Create"/>; null for any other.</summary>
    public static ValidationFailure? Of(FormatException exception) =>
        exception.Data[FieldKey] is string field
            ? new ValidationFailure(field, exception.Data[ValueKey] as string, exception.Data[ReasonKey] as string ?? exception.Message)
            : null;
}

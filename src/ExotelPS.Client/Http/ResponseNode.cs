using System.Globalization;

namespace ExotelPS.Client.Http;

/// <summary>
/// One object of a response body, read the same way whether it came as JSON or XML, so the field mapping is
/// written once. Names match case-insensitively (Exotel's XML is sometimes all lower case); a missing, null or
/// empty value reads as null.
/// </summary>
internal abstract class ResponseNode
{
    private const int MaxQuotedLength = 40;

    protected ResponseNode(string path) => Path = path;

    /// <summary>Where this node sits in the body, e.g. <c>Call.Details</c>; used in error messages.</summary>
    public string Path { get; }

    /// <summary>What the body is, for error messages.</summary>
    protected virtual string Source => "Exotel response";

    /// <summary>The nested object called <paramref name="name"/>, or null when absent.</summary>
    public abstract ResponseNode? Child(string name);

    /// <summary>The objects of the list called <paramref name="name"/>, or null when absent.</summary>
    public abstract IReadOnlyList<ResponseNode>? Items(string name);

    /// <summary>The scalar value called <paramref name="name"/> as text, trimmed; null when absent or empty.</summary>
    public abstract string? Text(string name);

    public int? Int(string name) =>
        Parsed(name, "a whole number", (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    public decimal? Decimal(string name) =>
        Parsed(name, "a decimal number", (string text, out decimal value) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value));

    public DateTimeOffset? Time(string name)
    {
        var text = Text(name);
        return text is null ? null : ExotelTime.Parse(text) ?? throw Invalid(name, text, "a time as " + ExotelTime.WireFormat);
    }

    /// <summary>A Voice v3 time, with its offset (or +05:30 without one); null for the epoch Exotel writes for "not yet".</summary>
    public DateTimeOffset? OffsetTime(string name)
    {
        var text = Text(name);
        return ExotelTime.TryParseWithOffset(text, out var time) ? time : throw Invalid(name, text!, "a time as " + ExotelTime.OffsetWireFormat);
    }

    /// <summary>The first of <paramref name="names"/> that is present, as text: for fields whose name Exotel's beta API varies.</summary>
    public string? FirstText(params string[] names) => names.Select(Text).FirstOrDefault(text => text is not null);

    public CallStatus? Status(string name) => Text(name) is { } text ? new CallStatus(text) : (CallStatus?)null;

    /// <summary>A field is there but holds something other than expected.</summary>
    public FormatException Invalid(string name, string found, string expected)
    {
        var quoted = found.Length > MaxQuotedLength ? found.Substring(0, MaxQuotedLength) + "..." : found;
        return FieldProblem.Create($"{Source}: {PathOf(name)} should be {expected} but is '{quoted}'.", PathOf(name), quoted, "should be " + expected);
    }

    /// <summary>A required object or field is not there.</summary>
    public FormatException Missing(string name, string expected) =>
        FieldProblem.Create($"{Source}: expected {expected} at {PathOf(name)}, found none.", PathOf(name), null, $"{expected} is required");

    protected string PathOf(string name) => Path.Length == 0 ? name : Path + "." + name;

    private delegate bool TryParse<T>(string text, out T value);

    // Absent is null; present but unreadable names the field, the value and what it should have been.
    private T? Parsed<T>(string name, string expected, TryParse<T> tryParse)
        where T : struct
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return tryParse(text, out var value) ? value : throw Invalid(name, text, expected);
    }
}

/// <summary>
/// The <see cref="FormatException"/> a body field that is missing or malformed raises: plain, so callers catch it as
/// any parse failure, with which field, the value found (shortened) and why in its <see cref="Exception.Data"/>.
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

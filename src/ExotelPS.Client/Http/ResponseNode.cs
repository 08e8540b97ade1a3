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

    /// <summary>The nested object called <paramref name="name"/>, or null when absent.</summary>
    public abstract ResponseNode? Child(string name);

    /// <summary>The objects of the list called <paramref name="name"/>, or null when absent.</summary>
    public abstract IReadOnlyList<ResponseNode>? Items(string name);

    /// <summary>The scalar value called <paramref name="name"/> as text, trimmed; null when absent or empty.</summary>
    public abstract string? Text(string name);

    public int? Int(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, text, "a whole number");
    }

    public decimal? Decimal(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, text, "a decimal number");
    }

    public DateTimeOffset? Time(string name)
    {
        var text = Text(name);
        return text is null ? null : ExotelTime.Parse(text) ?? throw Invalid(name, text, "a time as " + ExotelTime.WireFormat);
    }

    public CallStatus? Status(string name) => Text(name) is { } text ? new CallStatus(text) : (CallStatus?)null;

    /// <summary>A field is there but holds something other than expected.</summary>
    public FormatException Invalid(string name, string found, string expected)
    {
        var quoted = found.Length > MaxQuotedLength ? found.Substring(0, MaxQuotedLength) + "..." : found;
        return new FormatException($"Exotel response: {PathOf(name)} should be {expected} but is '{quoted}'.");
    }

    /// <summary>A required object or field is not there.</summary>
    public FormatException Missing(string name, string expected) =>
        new($"Exotel response: expected {expected} at {PathOf(name)}, found none.");

    protected string PathOf(string name) => Path.Length == 0 ? name : Path + "." + name;
}

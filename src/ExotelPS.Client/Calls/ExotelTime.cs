using System.Globalization;

namespace ExotelPS.Client;

/// <summary>Exotel writes times as <c>yyyy-MM-dd HH:mm:ss</c> with no offset, in India Standard Time (+05:30).</summary>
public static class ExotelTime
{
    /// <summary>The format Exotel uses on the wire.</summary>
    public const string WireFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Exotel's zone offset.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5.5);

    /// <summary>Reads a wire time as +05:30; null for null, empty or unparseable text.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTime.TryParseExact(text!.Trim(), WireFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Offset)
            : null;
    }

    /// <summary>Writes any instant as Exotel's local wire time.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString(WireFormat, CultureInfo.InvariantCulture);
}

using System.Globalization;
using ExotelPS.Client.Http;

namespace ExotelPS.Client;

/// <summary>
/// Exotel writes v1 times as <c>yyyy-MM-dd HH:mm:ss</c> with no offset, in India Standard Time (+05:30); Voice v3
/// adds the offset (<c>2022-11-03 22:54:40+05:30</c>).
/// </summary>
public static class ExotelTime
{
    /// <summary>The format Exotel uses on the wire.</summary>
    public const string WireFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The Voice v3 format: the v1 format and the offset.</summary>
    public const string OffsetWireFormat = WireFormat + "zzz";

    private static readonly string[] OffsetFormats = { OffsetWireFormat, "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz" };

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

    /// <summary>
    /// Reads a v3 time: with an offset as given, without one as +05:30. Null for null, empty or unparseable text, and
    /// for the epoch Exotel writes where a time is not known yet (an active call's end).
    /// </summary>
    public static DateTimeOffset? ParseWithOffset(string? text) => TryParseWithOffset(text, out var time) ? time : null;

    /// <summary>
    /// Reads a v3 time as <see cref="ParseWithOffset"/> does; false only when <paramref name="text"/> is there but
    /// is not a time, so the epoch placeholder (true, null) can be told from garbage (false).
    /// </summary>
    public static bool TryParseWithOffset(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        time = ParseOffsetExact(text!.Trim());
        if (time is null)
        {
            return false;
        }

        time = ReadingRules.IsNotSet(time.Value) ? null : time;
        return true;
    }

    /// <summary>A v3 time with its offset, or without one as +05:30; null when the text is not a time. The epoch stays.</summary>
    internal static DateTimeOffset? ParseOffsetExact(string text) =>
        DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            ? withOffset
            : Parse(text);

    /// <summary>Writes any instant as Exotel's v3 wire time, with the +05:30 offset.</summary>
    public static string FormatWithOffset(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString(OffsetWireFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes any instant as Exotel's local wire time.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString(WireFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes an instant for people to read in messages: UTC, to the second, the same in every culture.</summary>
    public static string FormatUtc(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

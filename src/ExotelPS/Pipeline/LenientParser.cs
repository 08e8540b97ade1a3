using System.Globalization;
using ExotelPS.Resources;

namespace ExotelPS.Pipeline;

/// <summary>
/// Reads parameter values the way they arrive from Import-Csv: as text (the parameters are strings), often blank. Blank means "not given"
/// (null), so an empty CSV cell never turns into 0 or false; anything unreadable throws a FormatException
/// that names the value.
/// </summary>
internal static class LenientParser
{
    private static readonly string[] TrueWords = { "true", "yes", "y", "1", "on", "$true" };
    private static readonly string[] FalseWords = { "false", "no", "n", "0", "off", "$false" };

    public static bool? ToBoolean(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return null;
        }

        if (TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase)
            ? false
            : throw new FormatException(Text.Format(Strings.InvalidBoolean, text));
    }

    public static int? ToInt32(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException(Text.Format(Strings.InvalidInteger, text));
    }
}

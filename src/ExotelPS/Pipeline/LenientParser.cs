using System.Globalization;
using ExotelPS.Resources;

namespace ExotelPS.Pipeline;

/// <summary>
/// Reads parameter values the way they arrive from Import-Csv: as text, often blank. Blank means "not given"
/// (null), so an empty CSV cell never turns into 0 or false; anything unreadable throws a FormatException
/// that names the value.
/// </summary>
internal static class LenientParser
{
    private static readonly string[] TrueWords = { "true", "yes", "y", "1", "on", "$true" };
    private static readonly string[] FalseWords = { "false", "no", "n", "0", "off", "$false" };

    public static bool? ToBoolean(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case bool flag:
                return flag;
            case int number when number is 0 or 1:
                return number == 1;
        }

        var text = TextOf(value);
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

    public static int? ToInt32(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case int number:
                return number;
        }

        var text = TextOf(value);
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException(Text.Format(Strings.InvalidInteger, text));
    }

    private static string TextOf(object value) =>
        (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
}

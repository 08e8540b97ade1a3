using System.Collections;
using System.Globalization;
using ExotelPS.Client;
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

    /// <summary>One value of an engine enum, by Exotel's spelling (<c>mp3-hq</c>) or its .NET name (<c>Mp3Hq</c>).</summary>
    public static Enum? ToEnum(Type enumType, object? value)
    {
        if (value is null || (value is Enum known && known.GetType() == enumType))
        {
            return (Enum?)value;
        }

        var text = TextOf(value);
        if (text.Length == 0)
        {
            return null;
        }

        var candidates = Enum.GetValues(enumType).Cast<Enum>().ToArray();
        return candidates.FirstOrDefault(candidate =>
                   string.Equals(ExotelWireNames.ToWire(candidate), text, StringComparison.OrdinalIgnoreCase)
                   || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
               ?? throw new FormatException(Text.Format(Strings.InvalidEnum, text, string.Join(", ", candidates.Select(ExotelWireNames.ToWire))));
    }

    /// <summary>Several values of an engine enum: an array, or one text separated by commas or semicolons (a CSV cell).</summary>
    public static Array? ToEnumArray(Type enumType, object? value)
    {
        var items = value switch
        {
            null => Array.Empty<object>(),
            string text => text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Cast<object>(),
            IEnumerable many => many.Cast<object>(),
            _ => new[] { value },
        };
        var parsed = items.Select(item => ToEnum(enumType, item)).OfType<Enum>().ToArray();
        if (parsed.Length == 0)
        {
            return null;
        }

        var typed = Array.CreateInstance(enumType, parsed.Length);
        Array.Copy(parsed, typed, parsed.Length);
        return typed;
    }

    private static string TextOf(object value) =>
        (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
}

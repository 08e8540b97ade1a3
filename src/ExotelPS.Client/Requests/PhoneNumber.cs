using System.Text.RegularExpressions;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// The phone number forms Exotel accepts: E.164 (<c>+919900XXXXXX</c>), a 0-prefixed national number
/// (<c>09876543210</c>, or a landline with its STD code, <c>08030752400</c>), or a bare 10-digit Indian mobile.
/// Spaces, dashes, dots and parentheses are removed; anything else is refused.
/// </summary>
public static class PhoneNumber
{
    // Spaces only, not tabs or line breaks: a tab or a line break inside a number is a broken cell, not a separator.
    private static readonly Regex Separators = new(@"[ \u00A0\-\.\(\)]", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly Regex E164 = new(@"^\+[1-9][0-9]{7,14}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly Regex National = new(@"^0[1-9][0-9]{9}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly Regex BareMobile = new(@"^[6-9][0-9]{9}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>
    /// Returns the number without separators, or null with <paramref name="reason"/> saying why it cannot be dialled.
    /// </summary>
    public static string? TryNormalize(string? value, out string reason)
    {
        var compact = Separators.Replace(value?.Trim() ?? string.Empty, string.Empty);
        reason = string.Empty;
        if (compact.Length == 0)
        {
            reason = EngineStrings.PhoneRequired;
            return null;
        }

        if (E164.IsMatch(compact) || National.IsMatch(compact) || BareMobile.IsMatch(compact))
        {
            return compact;
        }

        var digits = compact.TrimStart('+');
        reason = digits.Any(c => c < '0' || c > '9')
            ? EngineStrings.PhoneCharacters
            : digits.Length < 10
                ? EngineText.Format(EngineStrings.PhoneTooShort, digits.Length)
                : digits.Length > 15
                    ? EngineText.Format(EngineStrings.PhoneTooLong, digits.Length)
                    : EngineStrings.PhoneNotDialable;
        return null;
    }

    /// <summary>
    /// One spelling per number, for comparing: E.164, with +91 for a national or bare Indian number (Exotel numbers are
    /// Indian unless written in E.164). A value that is not a number is returned trimmed.
    /// </summary>
    /// <remarks><c>+91 99001 23456</c>, <c>09900123456</c> and <c>9900123456</c> are one number.</remarks>
    public static string Canonical(string? value)
    {
        var number = TryNormalize(value, out _);
        if (number is null)
        {
            return value?.Trim() ?? string.Empty;
        }

        return number[0] == '+' ? number : "+91" + number.Substring(number.Length - 10);
    }

    /// <summary>The number as Exotel echoes (and filters) Indian numbers: 0 and 10 digits; other E.164 numbers as they are.</summary>
    public static string NationalForm(string value)
    {
        var number = TryNormalize(value, out _) ?? value;
        if (number.StartsWith("+91", StringComparison.Ordinal) && number.Length == 13)
        {
            return "0" + number.Substring(3);
        }

        return number.Length == 10 && number[0] >= '6' && number[0] <= '9' ? "0" + number : number;
    }
}

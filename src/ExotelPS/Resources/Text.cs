using System.Globalization;

namespace ExotelPS.Resources;

/// <summary>Fills a resource string's placeholders in the user's culture.</summary>
internal static class Text
{
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args);
}

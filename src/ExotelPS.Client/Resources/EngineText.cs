using System.Globalization;

namespace ExotelPS.Client.Resources;

/// <summary>Fills an engine sentence's placeholders (<see cref="EngineStrings"/>) in the current culture.</summary>
internal static class EngineText
{
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args);
}

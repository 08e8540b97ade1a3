namespace ExotelPS.Client;

/// <summary>Checks on UTF-16 text that must survive UTF-8 (the wire, the journal) exactly.</summary>
internal static class Utf16
{
    /// <summary>True when <paramref name="text"/> has a surrogate without its pair: UTF-8 would turn it into U+FFFD.</summary>
    public static bool HasLoneSurrogate(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}

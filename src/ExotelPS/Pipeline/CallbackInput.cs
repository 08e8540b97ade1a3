using System.Collections;
using System.Management.Automation;

namespace ExotelPS.Pipeline;

/// <summary>
/// Already-parsed callback fields as plain .NET values for the engine: a hashtable's entries or an object's
/// properties, nested PSObjects unwrapped, lists (Legs) kept as lists.
/// </summary>
internal static class CallbackInput
{
    /// <summary>The payload as a raw body: text as given, bytes read as UTF-8 (Exotel's charset); null for parsed fields.</summary>
    public static string? RawBody(PSObject input) => input.BaseObject switch
    {
        string text => text,
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        _ => null,
    };

    public static IEnumerable<KeyValuePair<string, object?>> Fields(PSObject input) =>
        input.BaseObject is IDictionary dictionary ? Entries(dictionary) : Properties(input);

    private static List<KeyValuePair<string, object?>> Entries(IDictionary dictionary) =>
        dictionary.Cast<DictionaryEntry>()
            .Select(entry => new KeyValuePair<string, object?>(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Plain(entry.Value)))
            .ToList();

    private static List<KeyValuePair<string, object?>> Properties(PSObject input) =>
        input.Properties.Select(property => new KeyValuePair<string, object?>(property.Name, Plain(property.Value))).ToList();

    private static object? Plain(object? value) => value switch
    {
        null => null,
        PSObject { BaseObject: PSCustomObject } custom => Properties(custom),
        PSObject wrapped => Plain(wrapped.BaseObject),
        string text => text,
        IDictionary dictionary => Entries(dictionary),
        IEnumerable items => items.Cast<object?>().Select(Plain).ToList(),
        _ => value,
    };
}

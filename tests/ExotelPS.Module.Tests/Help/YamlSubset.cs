namespace ExotelPS.Module.Tests.Help;

/// <summary>
/// Reads the small part of YAML that PlatyPS pages use: <c>key: scalar</c>, <c>key: []</c> or <c>[a, b]</c>,
/// and a key followed by a block list of scalars (<c>- a</c>) or of flat maps (<c>- Name: x</c> then <c>  Key: y</c>).
/// A value is a <see cref="string"/>, a list of strings, or a list of string maps.
/// </summary>
internal static class YamlSubset
{
    public static IReadOnlyDictionary<string, object> Parse(IEnumerable<string> lines, string source)
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        List<object>? openList = null;
        Dictionary<string, string>? openItem = null;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var pair = TrySplit(trimmed);
            if (trimmed == "-" || trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                var item = trimmed[1..].Trim();
                if (openList is null)
                {
                    throw new FormatException($"{source}, YAML line {number}: a list item '{trimmed}' with no key above it.");
                }

                openItem = TrySplit(item) is { } field
                    ? new Dictionary<string, string>(StringComparer.Ordinal) { [field.Key] = Unquote(field.Value) }
                    : null;
                openList.Add((object?)openItem ?? Unquote(item));
            }
            else if (char.IsWhiteSpace(line[0]) && openItem is not null && pair is { } itemField)
            {
                openItem[itemField.Key] = Unquote(itemField.Value);
            }
            else if (pair is { } entry)
            {
                openItem = null;
                openList = entry.Value.Length == 0 ? new List<object>() : null;
                map[entry.Key] = openList ?? Scalar(entry.Value);
            }
            else
            {
                throw new FormatException($"{source}, YAML line {number}: cannot read '{trimmed}'.");
            }
        }

        return map.ToDictionary(entry => entry.Key, entry => entry.Value is List<object> list ? Typed(list) : entry.Value, StringComparer.Ordinal);
    }

    private static (string Key, string Value)? TrySplit(string text)
    {
        var colon = text.IndexOf(':');
        var isKey = colon > 0 && (colon == text.Length - 1 || text[colon + 1] == ' ') && !text.StartsWith('\'') && !text.StartsWith('"');
        return isKey ? (text[..colon].Trim(), text[(colon + 1)..].Trim()) : null;
    }

    private static object Scalar(string value) =>
        value.StartsWith('[') && value.EndsWith(']')
            ? value[1..^1].Split(',').Select(part => Unquote(part.Trim())).Where(part => part.Length > 0).ToList()
            : Unquote(value);

    private static object Typed(List<object> list) =>
        list.Count > 0 && list.All(item => item is Dictionary<string, string>)
            ? list.Cast<IReadOnlyDictionary<string, string>>().ToList()
            : list.Select(item => item as string ?? throw new FormatException("A list mixes scalars and maps.")).ToList();

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1].Replace("''", "'", StringComparison.Ordinal)
        : value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1]
        : value;
}

using ExotelPS.Client.Http;

namespace ExotelPS.Client.Callbacks;

/// <summary>
/// Flat callback fields seen as a <see cref="ResponseNode"/>, so a callback maps to <see cref="ExotelCall"/> through
/// the same field mapping as an API answer. At the root, <c>Sid</c> reads <c>CallSid</c> and <c>Details</c> is the root
/// itself (a callback carries ConversationDuration and Legs at the top, where the API nests them in Details). In an
/// applet's request the root's <c>Status</c> is not the call's outcome (a Connect applet's is the agent's line), so
/// there the call reads none.
/// </summary>
internal sealed class CallbackNode : ResponseNode
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> fields;
    private readonly string prefix;
    private readonly bool statusIsOutcome;

    public CallbackNode(IReadOnlyList<KeyValuePair<string, string>> fields, ReadingNotes notes, bool statusIsOutcome)
        : this(fields, string.Empty, string.Empty, notes, statusIsOutcome)
    {
    }

    private CallbackNode(IReadOnlyList<KeyValuePair<string, string>> fields, string prefix, string path, ReadingNotes notes, bool statusIsOutcome)
        : base(path, notes)
    {
        this.fields = fields;
        this.prefix = prefix;
        this.statusIsOutcome = statusIsOutcome;
    }

    private bool IsRoot => prefix.Length == 0;

    protected override string Source => "StatusCallback payload";

    public override ResponseNode? Child(string name) =>
        IsRoot && name == WireField.Details ? (Text(WireField.ConversationDuration) is null && Items(WireField.Legs) is null ? null : this) : null;

    public override IReadOnlyList<ResponseNode>? Items(string name)
    {
        var start = Key(name) + "[";
        var indexes = fields
            .Where(field => field.Key.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            .Select(field => field.Key.Substring(start.Length).Split(']')[0])
            .Distinct()
            .ToList();
        if (indexes.Count == 0)
        {
            return null;
        }

        var numbers = new List<int>();
        foreach (var index in indexes)
        {
            if (int.TryParse(index, out var number))
            {
                numbers.Add(number);
            }
            else
            {
                Notes.Unreadable(PathOf(name), index, "a list indexed from 0");
            }
        }

        return numbers
            .OrderBy(index => index)
            .Select(index => (ResponseNode)new CallbackNode(fields, $"{start}{index}]", $"{PathOf(name)}[{index}]", Notes, statusIsOutcome))
            .ToList();
    }

    protected override string? RawText(string name)
    {
        if (IsRoot && name == WireField.Status && !statusIsOutcome)
        {
            return null;
        }

        var key = Key(IsRoot && name == WireField.Sid ? WireField.CallSid : name);
        var value = fields.FirstOrDefault(field => string.Equals(field.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private string Key(string name) => IsRoot ? name : $"{prefix}[{name}]";
}

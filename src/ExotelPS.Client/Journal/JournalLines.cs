using System.Text.Json;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// The journal's lines as text, read back at open (each line's name is the one <see cref="RowEndings"/> gives its ending) (a torn last line is
/// cut off with a warning; a damaged line anywhere else stops the open, naming it).
/// </summary>
internal static class JournalLines
{
    private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

    /// <summary>Reads every line into <paramref name="remember"/>; returns how the latest line that says so identified its row; null for a new journal (or one written before lines said so).</summary>
    public static string? Load(IJournalStore store, Action<string, JournalEntry> remember, ICollection<string> warnings)
    {
        var content = store.ReadAll();
        var read = content.Length;
        var start = content.Take(Utf8Bom.Length).SequenceEqual(Utf8Bom) ? Utf8Bom.Length : 0;
        var lineNumber = 0;
        string? recordedBy = null;
        while (true)
        {
            var end = Array.IndexOf(content, (byte)'\n', start, read - start);
            if (end < 0)
            {
                break;
            }

            lineNumber++;
            var length = end - start;
            if (length > 0 && content[end - 1] == (byte)'\r')
            {
                length--;
            }

            if (!IsBlank(content, start, length))
            {
                if (Parse(content, start, length) is not var (identity, entry, by))
                {
                    // It may be the record of a call: ignoring it could ring that person again.
                    throw new InvalidDataException(EngineText.Format(EngineStrings.JournalLineDamaged, lineNumber, store.Name));
                }

                remember(identity, entry);
                recordedBy = by ?? recordedBy;
            }

            start = end + 1;
        }

        // A tail without its newline is a line torn by a killed process: drop it so the next line starts clean.
        // Its row's result was never handed on (a line is flushed first), and its 'sending' line, if any, still stands.
        if (start < read)
        {
            store.CutTail(start);
            warnings.Add(EngineText.Format(EngineStrings.JournalTornLine, store.Name));
        }

        return recordedBy;
    }

    private static (string Identity, JournalEntry Entry, string? By)? Parse(byte[] content, int start, int length)
    {
        try
        {
            using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(content, start, length));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var identity = StringOf(root, "key");
            if (identity is null || !RowEndings.TryReadJournalLine(StringOf(root, "outcome"), out var ending))
            {
                return null;
            }

            var at = TimeOf(root, "at");
            var entry = ending is null
                ? JournalEntry.Sending(at, fromEarlierRun: true, RequestOf(root, at))
                : new JournalEntry(ending, StringOf(root, "sid"), at, fromEarlierRun: true)
                {
                    From = StringOf(root, "from"),
                    Until = TimeOf(root, "until"),
                    Sids = root.TryGetProperty("sids", out var sids) && sids.ValueKind == JsonValueKind.Array
                        ? sids.EnumerateArray().Where(sid => sid.ValueKind == JsonValueKind.String).Select(sid => sid.GetString()!).ToList()
                        : Array.Empty<string>(),
                };
            return (identity, entry, StringOf(root, "by"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a <c>sending</c> line says was sent: its time, numbers and limits (a line written before limits were recorded
    /// reads as without them, i.e. Exotel's most, which only puts certainty later). Null when a number is missing.
    /// </summary>
    private static CallInDoubt? RequestOf(JsonElement root, DateTimeOffset? at)
    {
        var from = StringOf(root, "from");
        var target = StringOf(root, "target");
        var callerId = StringOf(root, "callerId");
        if (at is null || from is null || target is null || callerId is null)
        {
            return null;
        }

        // A call to a flow records the flow (an id or URL) as its target, not a number.
        var to = PhoneNumber.TryNormalize(target, out _) is null ? null : target;
        return new CallInDoubt(from, to, callerId, at.Value, IntOf(root, "timeOut"), IntOf(root, "timeLimit"));
    }

    private static DateTimeOffset? TimeOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out var parsed)
            ? parsed
            : null;

    private static int? IntOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : null;

    private static bool IsBlank(byte[] content, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (content[i] is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static string? StringOf(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

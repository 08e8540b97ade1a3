using System.Text.Json;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// The journal's lines as text, read back at open (each line's name is the one <see cref="RowEndings"/> gives its ending) (a torn last line is
/// cut off with a warning; a damaged line anywhere else stops the open, naming it).
/// </summary>
internal static class JournalLines
{
    // What is read at a time: many lines (one is a few hundred bytes).
    private const int ChunkBytes = 64 * 1024;

    private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

    /// <summary>
    /// Reads every line of <paramref name="store"/> into <paramref name="memory"/> and cuts off a torn last line, with a
    /// warning; returns how the latest line that says so identified its row; null for a new journal (or one written
    /// before lines said so).
    /// </summary>
    public static string? Load(IJournalStore store, IJournalMemory memory, ICollection<string> warnings)
    {
        var (recordedBy, wholeLines) = store.ReadAll(content => Read(content, store.Name, memory));

        // A tail without its newline is a line torn by a killed process: drop it so the next line starts clean.
        // Its row's result was never handed on (a line is flushed first), and its 'sending' line, if any, still stands.
        if (wholeLines is { } length)
        {
            store.CutTail(length);
            warnings.Add(EngineText.Format(EngineStrings.JournalTornLine, store.Name));
        }

        return recordedBy;
    }

    /// <summary>
    /// Reads every whole line of <paramref name="content"/> into <paramref name="memory"/>: how the latest line that says
    /// so identified its row, and where a torn last line starts (null when there is none), which a reader skips. The
    /// stream is read a chunk at a time, so a journal of any length costs a line's worth of buffer, not its length.
    /// </summary>
    /// <exception cref="InvalidDataException">A whole line is damaged; the message names it and <paramref name="name"/>.</exception>
    public static (string? RecordedBy, long? TornFrom) Read(Stream content, string name, IJournalMemory memory)
    {
        var buffer = new byte[ChunkBytes];
        var filled = 0;         // bytes held in the buffer
        long bufferAt = 0;      // where buffer[0] is in the stream
        var lineStart = 0;      // where the next line starts in the buffer
        var bomChecked = false;
        var lineNumber = 0;
        string? recordedBy = null;
        for (var atEnd = false; !atEnd;)
        {
            if (filled == buffer.Length)
            {
                // One line longer than the buffer: it doubles.
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = content.Read(buffer, filled, buffer.Length - filled);
            atEnd = read == 0;
            filled += read;
            if (!bomChecked)
            {
                if (filled < Utf8Bom.Length && !atEnd)
                {
                    continue;
                }

                bomChecked = true;
                lineStart = filled >= Utf8Bom.Length && buffer.Take(Utf8Bom.Length).SequenceEqual(Utf8Bom) ? Utf8Bom.Length : 0;
            }

            for (int end; (end = Array.IndexOf(buffer, (byte)'\n', lineStart, filled - lineStart)) >= 0; lineStart = end + 1)
            {
                lineNumber++;
                var length = end - lineStart;
                if (length > 0 && buffer[end - 1] == (byte)'\r')
                {
                    length--;
                }

                if (!IsBlank(buffer, lineStart, length))
                {
                    // A damaged line may be the record of a call: ignoring it could ring that person again.
                    var by = Parse(buffer, lineStart, length, memory) ?? throw new InvalidDataException(EngineText.Format(EngineStrings.JournalLineDamaged, lineNumber, name));
                    recordedBy = by.Length > 0 ? by : recordedBy;
                }
            }

            // The line not yet ended moves to the front, for the next chunk to finish.
            Buffer.BlockCopy(buffer, lineStart, buffer, 0, filled - lineStart);
            bufferAt += lineStart;
            filled -= lineStart;
            lineStart = 0;
        }

        return (recordedBy, filled > 0 ? bufferAt : null);
    }

    /// <summary>Hands the line to <paramref name="memory"/>; returns how it says its row was identified (empty when it does not), or null when it is damaged.</summary>
    private static string? Parse(byte[] content, int start, int length, IJournalMemory memory)
    {
        try
        {
            using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(content, start, length));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || JournalFields.StringOf(root, "key") is not { } identity)
            {
                return null;
            }

            var name = JournalFields.StringOf(root, "outcome");
            if (name == JournalAttempt.LineName)
            {
                if (JournalAttempt.Read(root) is not { } attempt)
                {
                    return null;
                }

                memory.Remember(identity, attempt);
            }
            else if (RowEndings.TryReadJournalLine(name, out var ending))
            {
                memory.Remember(identity, EntryOf(root, ending));
            }
            else
            {
                return null;
            }

            return JournalFields.StringOf(root, "by") ?? string.Empty;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JournalEntry EntryOf(JsonElement root, RowEnding? ending)
    {
        var at = JournalFields.TimeOf(root, "at");
        return ending is null
            ? JournalEntry.Sending(at, fromEarlierRun: true, RequestOf(root, at))
            : new JournalEntry(ending, JournalFields.StringOf(root, "sid"), at, fromEarlierRun: true)
            {
                From = JournalFields.StringOf(root, "from"),
                Until = JournalFields.TimeOf(root, "until"),
                Sids = root.TryGetProperty("sids", out var sids) && sids.ValueKind == JsonValueKind.Array
                    ? sids.EnumerateArray().Where(sid => sid.ValueKind == JsonValueKind.String).Select(sid => sid.GetString()!).ToList()
                    : Array.Empty<string>(),
            };
    }

    /// <summary>
    /// What a <c>sending</c> line says was sent: its time, numbers and limits (a line written before limits were recorded
    /// reads as without them, i.e. Exotel's most, which only puts certainty later). Null when a number is missing.
    /// </summary>
    private static CallInDoubt? RequestOf(JsonElement root, DateTimeOffset? at)
    {
        var from = JournalFields.StringOf(root, "from");
        var target = JournalFields.StringOf(root, "target");
        var callerId = JournalFields.StringOf(root, "callerId");
        if (at is null || from is null || target is null || callerId is null)
        {
            return null;
        }

        // A call to a flow records the flow (an id or URL) as its target, not a number.
        var to = PhoneNumber.TryNormalize(target, out _) is null ? null : target;
        return new CallInDoubt(from, to, callerId, at.Value, JournalFields.IntOf(root, "timeOut"), JournalFields.IntOf(root, "timeLimit"));
    }

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
}

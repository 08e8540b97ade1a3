using System.Text.Json;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>One line of a <see cref="CallJournal"/> as a test reads it: what happened to which row.</summary>
internal sealed record JournalLine(string Outcome, int Row, string? Sid, string Text);

/// <summary>Reads a journal file the way a restarted run does, to check it against the emulator's record.</summary>
internal static class JournalFile
{
    /// <summary>
    /// Every complete line, in order. A torn last line (no newline: a killed writer's) is left out, and so is the
    /// text after it. Any complete line that is not a journal record fails the test.
    /// </summary>
    public static IReadOnlyList<JournalLine> Read(string path)
    {
        // Read once the writer is gone: a running writer holds the journal locked.
        var text = File.ReadAllText(path);
        var complete = text.Substring(0, text.LastIndexOf('\n') + 1);
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
    }

    /// <summary>The lines grouped by row.</summary>
    public static ILookup<int, JournalLine> ByRow(this IEnumerable<JournalLine> lines) => lines.ToLookup(line => line.Row);

    private static JournalLine Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var outcome = root.GetProperty("outcome").GetString();
            // A reconciliation line at the start of a rerun names its row by key only: the default key ends with CustomField.
            var customField = root.TryGetProperty("customField", out var field) ? field.GetString() : root.GetProperty("key").GetString()!.Split('|')[^1];
            var row = int.Parse(customField!, System.Globalization.CultureInfo.InvariantCulture);
            var sid = root.TryGetProperty("sid", out var sidElement) ? sidElement.GetString() : null;
            Assert.Contains(outcome, new[] { "sending", "placed", "rejected", "unknown", "found", "notplaced", "indoubt" });
            return new JournalLine(outcome!, row, sid, line);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"A complete journal line is not a journal record ({e.Message}): {line}", e);
        }
    }
}

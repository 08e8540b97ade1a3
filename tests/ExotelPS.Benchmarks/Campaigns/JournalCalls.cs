using System.Text.Json;

namespace ExotelPS.Benchmarks.Campaigns;

/// <summary>One attempt as the journal's <c>final</c> line records it: the row, the agent, when the call started and ended.</summary>
internal sealed record JournalCall(string Key, string From, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>How long the call held its agent, by the whole seconds Exotel reports.</summary>
    public TimeSpan Length => End - Start;

    /// <summary>Every <c>final</c> line of the journal, in file order.</summary>
    public static IReadOnlyList<JournalCall> Read(string journal)
    {
        var calls = new List<JournalCall>();
        foreach (var line in File.ReadLines(journal))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.GetProperty("outcome").GetString() == "final")
            {
                calls.Add(new JournalCall(
                    root.GetProperty("key").GetString() ?? string.Empty,
                    root.GetProperty("from").GetString() ?? string.Empty,
                    root.GetProperty("start").GetDateTimeOffset(),
                    root.GetProperty("end").GetDateTimeOffset()));
            }
        }

        return calls;
    }

    /// <summary>How many calls the journal says were placed (its <c>placed</c> lines): every attempt, final or not.</summary>
    public static int Placed(string journal) => File.ReadLines(journal).Count(line => line.Contains("\"outcome\":\"placed\"", StringComparison.Ordinal));
}

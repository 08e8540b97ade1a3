using System.Globalization;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>One line of the soak worker's output: row, ending, Sid, may have been placed.</summary>
internal sealed record WorkerResult(int Row, string Ending, string? Sid, bool MayHaveBeenPlaced)
{
    public static List<WorkerResult> ParseAll(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split('\t'))
        .Select(fields => new WorkerResult(
            int.Parse(fields[0], CultureInfo.InvariantCulture),
            fields[1],
            fields[2] == "-" ? null : fields[2],
            bool.Parse(fields[3])))
        .ToList();
}

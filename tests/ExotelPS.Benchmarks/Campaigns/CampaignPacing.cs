using System.Globalization;
using ExotelPS.Benchmarks.Measurements;

namespace ExotelPS.Benchmarks.Campaigns;

/// <summary>
/// The pacing goal with redials in the mix: A agents in a pool, calls of about 45 s, 30% of customers busy or not
/// answering and redialled (2 minutes later, so redials overlap first attempts; and after the default 30 minutes),
/// through Connect-ExotelCall in pwsh over the sandbox in scaled time at Exotel's 200 a minute. Goal: the rate the
/// agents sustain is at least 95% of min(cap, A / L), L the mean length of the calls the journal records, and no agent
/// on two calls.
/// </summary>
internal static class CampaignPacing
{
    private const int Agents = 20;
    private const int Cap = 200;

    // Speeds: 20 times real time makes a 45-second call about 2 s, so the lag of a busy machine stays small in
    // simulated time; the 30-minute scenarios run at 60 to stay a minute or two. 400 customers are dialled before the
    // first redial falls due; 2,000 keep first attempts and redials in the mix for an hour, with hundreds of rows done
    // behind each one waiting for its redial (they once stopped the input at 256).
    private static readonly Scenario[] Scenarios =
    {
        new("-RedialAfter 00:02:00", Rows: 400, RedialAfter: "00:02:00", Speed: "20"),
        new("-RedialAfter 00:30:00 (default)", Rows: 400, RedialAfter: "00:30:00", Speed: "60"),
        new("-RedialAfter 00:30:00 (default), 2,000 customers", Rows: 2_000, RedialAfter: "00:30:00", Speed: "60"),
    };

    public static async Task<bool> RunAsync(string folder, TextWriter output)
    {
        output.WriteLine($"## Pacing with redials: {Agents} agents, ring 2-6 s, talk 31-51 s, 15% busy and 15% no-answer, -MaxAttempts 3, cap {Cap}/min, scaled time");
        output.WriteLine();
        var table = new MarkdownTable(
            "redials", "speed", "rows out", "calls (first + redials)", "redials while first attempts waited", "mean call L", "min(cap, A/L)", "achieved rate",
            "share of min(cap, A/L)", "most live per agent", "wall time", "goal");
        var allMet = true;
        foreach (var scenario in Scenarios)
        {
            allMet &= await RunOneAsync(folder, scenario, table);
        }

        table.Print(output);
        return allMet;
    }

    private static async Task<bool> RunOneAsync(string folder, Scenario scenario, MarkdownTable table)
    {
        var journal = Path.Combine(folder, $"pacing-{scenario.Speed}-{scenario.Rows}.jsonl");
        var pool = string.Join(",", Enumerable.Range(1, Agents).Select(agent => "098" + agent.ToString("D8", CultureInfo.InvariantCulture)));
        var figures = await PwshCampaign.RunAsync(
            "Module",
            CmdletBenchmark.WriteCsv(folder, scenario.Rows, withFrom: false),
            null,
            PwshCampaign.DefaultLimit,
            "-RequestsPerMinute", Cap.ToString(CultureInfo.InvariantCulture), "-SimulatedSpeed", scenario.Speed, "-RingTime", "2-6", "-TalkTime", "31-51",
            "-BusyShare", "0.15", "-NoAnswerShare", "0.15", "-AgentPool", pool, "-MaxAttempts", "3", "-RedialAfter", scenario.RedialAfter, "-JournalPath", journal);
        var calls = JournalCall.Read(journal);
        var meanSeconds = calls.Average(call => call.Length.TotalSeconds);
        var expected = Math.Min(Cap, Agents * 60 / meanSeconds);
        var lastFirstAttempt = calls.GroupBy(call => call.Key).Max(row => row.Min(call => call.Start));
        // Until the last first attempt a customer was always there to dial, so an idle agent is the engine's loss, not the
        // tail's (redials not yet due).
        var achieved = PacingBenchmark.SustainedPerMinute(calls.Where(call => call.Start <= lastFirstAttempt).Select(call => (call.From, call.Start)));
        var mostLive = calls.GroupBy(call => call.From).Max(agent => PacingBenchmark.MostAtOnce(agent.Select(call => (call.Start, call.End))));
        var redials = calls.GroupBy(call => call.Key).SelectMany(row => row.OrderBy(call => call.Start).Skip(1)).ToList();
        var met = achieved / expected >= PacingBenchmark.GoalShare && mostLive == 1 && figures.Outputs == scenario.Rows;
        table.Add(
            scenario.Name,
            scenario.Speed + "x",
            figures.Outputs.ToString("N0", CultureInfo.InvariantCulture),
            $"{calls.Count:N0} ({calls.Count - redials.Count:N0} + {redials.Count:N0})",
            redials.Count(call => call.Start < lastFirstAttempt).ToString("N0", CultureInfo.InvariantCulture),
            meanSeconds.ToString("0.0 s", CultureInfo.InvariantCulture),
            expected.ToString("0.0", CultureInfo.InvariantCulture) + "/min",
            achieved.ToString("0.0", CultureInfo.InvariantCulture) + "/min",
            (achieved / expected).ToString("P1", CultureInfo.InvariantCulture),
            mostLive.ToString(CultureInfo.InvariantCulture),
            CmdletBenchmark.Seconds(figures.WallMs),
            met ? "met" : "MISSED");
        return met;
    }

    private sealed record Scenario(string Name, int Rows, string RedialAfter, string Speed);
}

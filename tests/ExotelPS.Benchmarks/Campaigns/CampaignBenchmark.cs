using System.Globalization;
using ExotelPS.Benchmarks.Measurements;

namespace ExotelPS.Benchmarks.Campaigns;

/// <summary>
/// Issue 21's figures, through the cmdlets in a fresh pwsh (Scripts/Campaign.ps1) over the accelerated sandbox: the
/// scheduler's CPU per attempt (a campaign with redials against the same rows placed once, interleaved), the pwsh
/// process's peak working set for a long campaign with 3 attempts, and the agents' share held with redials in the mix.
/// </summary>
/// <remarks>
/// <c>campaigns [cpu | memory | pacing] [--rows N] [--rounds N]</c>: one part, or all three; the memory run places N rows
/// (default 10,000); the CPU comparison runs --rounds pairs (default 3) of <see cref="CpuRows"/> rows. Needs the module built first (<c>build.ps1 -Task Build</c>).
/// </remarks>
internal static class CampaignBenchmark
{
    /// <summary>Azure Automation's cloud sandbox limit, counting pwsh itself.</summary>
    public const long MemoryGoal = 400L * 1024 * 1024;

    /// <summary>Rows of each CPU run: a few seconds of work, long enough that pwsh's warm-up is a small part of it.</summary>
    public const int CpuRows = 2_000;

    // Sandbox speed: 600 times real time (an hour in 6 s). At 3600 this machine's 2 shared cores fall behind the
    // simulated clock and calls pass their four-hour live bound unseen (see docs/performance.md).
    private const string Speed = "600";

    // Most rows need a redial: 35% busy and 35% no-answer, so about 2.2 attempts a row at -MaxAttempts 3.
    private const string MissShare = "0.35";

    // A limit that barely binds (the cmdlet's most), as the 100,000-row cmdlet benchmark uses.
    private const string Rate = "100000";

    private static readonly TimeSpan MemoryRunLimit = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(string[] args)
    {
        int rows, rounds;
        try
        {
            rows = Measurement.Option(args, "--rows", 10_000);
            rounds = Measurement.Option(args, "--rounds", 3);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var output = Console.Out;
        if (!File.Exists(PwshCampaign.Module))
        {
            output.WriteLine($"## Campaigns: skipped, {PwshCampaign.Module} is not built (run: dotnet pwsh -NoProfile -File build.ps1 -Task Build)");
            return 1;
        }

        var part = args.FirstOrDefault(arg => arg is "cpu" or "memory" or "pacing");
        var folder = Directory.CreateTempSubdirectory("exotelps-campaigns-").FullName;
        try
        {
            var met = true;
            if (part is null or "cpu")
            {
                await CpuAsync(folder, rounds, output);
            }

            if (part is null or "memory")
            {
                met &= await MemoryAsync(folder, rows, output);
            }

            if (part is null or "pacing")
            {
                met &= await CampaignPacing.RunAsync(folder, output);
            }

            return met ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task CpuAsync(string folder, int rounds, TextWriter output)
    {
        output.WriteLine($"## The scheduler's cost: {CpuRows:N0} rows, placed once against a campaign (-MaxAttempts 3 -RedialAfter 00:05:00), {rounds} interleaved rounds, sandbox at {Speed}x");
        output.WriteLine();
        var csv = CmdletBenchmark.WriteCsv(folder, CpuRows);
        var table = new MarkdownTable("round", "run", "calls placed", "rows out", "wall time", "pwsh CPU", "CPU per call placed");
        var perCall = new Dictionary<string, List<double>> { ["placed once"] = new(), ["campaign"] = new() };
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, campaign) in new[] { ("placed once", Array.Empty<string>()), ("campaign", new[] { "-MaxAttempts", "3", "-RedialAfter", "00:05:00" }) })
            {
                var journal = Path.Combine(folder, $"cpu-{round}-{campaign.Length}.jsonl");
                var figures = await SandboxAsync(csv, journal, PwshCampaign.DefaultLimit, campaign);
                var placed = JournalCall.Placed(journal);
                perCall[name].Add(figures.CpuMs / placed);
                table.Add(
                    round.ToString(CultureInfo.InvariantCulture), name, placed.ToString("N0", CultureInfo.InvariantCulture), figures.Outputs.ToString("N0", CultureInfo.InvariantCulture),
                    CmdletBenchmark.Seconds(figures.WallMs), CmdletBenchmark.Seconds(figures.CpuMs), CmdletBenchmark.Micro(figures.CpuMs, placed));
            }
        }

        table.Print(output);
        var once = Median(perCall["placed once"]);
        var campaignCall = Median(perCall["campaign"]);
        output.WriteLine($"Medians: placed once {once * 1000:0} µs a call, campaign {campaignCall * 1000:0} µs an attempt; the scheduler adds {(campaignCall - once) * 1000:0} µs an attempt ({(campaignCall / once) - 1:P0}).");
        output.WriteLine();
    }

    // Two runs: on this machine as it is (nothing caps pwsh, so its collector lets garbage wait), and inside a cgroup
    // capped at the goal, standing in for Azure Automation's 400 MB limit (skipped where no cgroup can be made).
    private static async Task<bool> MemoryAsync(string folder, int rows, TextWriter output)
    {
        output.WriteLine($"## Memory: {rows:N0} rows, Import-Csv | Connect-ExotelCall -MaxAttempts 3 -RedialAfter 00:05:00 -JournalPath | Export-Csv, sandbox at {Speed}x");
        output.WriteLine();
        var csv = CmdletBenchmark.WriteCsv(folder, rows);
        var table = new MarkdownTable(
            "memory", "rows", "rows out", "errors", "calls placed", "attempts a row", "wall time", "CPU per call placed",
            "pwsh working set at 1/4, 1/2, 3/4, end of its life", "peak working set", "managed heap after the run", "goal (under 400 MB)");
        var uncapped = await MemoryRunAsync(folder, csv, rows, "uncapped", cgroup: null, table);
        using var cgroup = MemoryCgroup.TryCreate(MemoryGoal);
        var capped = cgroup is null || await MemoryRunAsync(folder, csv, rows, "capped at 400 MB (cgroup)", cgroup, table);
        table.Print(output);
        if (cgroup is null)
        {
            output.WriteLine("The capped run was skipped: this machine cannot make a memory cgroup (it needs Linux and root).");
        }

        output.WriteLine();
        return uncapped && capped;
    }

    private static async Task<bool> MemoryRunAsync(string folder, string csv, int rows, string memory, MemoryCgroup? cgroup, MarkdownTable table)
    {
        var journal = Path.Combine(folder, $"memory-{rows}-{cgroup is not null}.jsonl");
        PwshFigures figures;
        try
        {
            figures = await PwshCampaign.RunAsync(
                "Module", csv, null, MemoryRunLimit, cgroup, SandboxArguments(journal, "-MaxAttempts", "3", "-RedialAfter", "00:05:00", "-OutCsv", Path.Combine(folder, "out.csv")));
        }
        catch (InvalidOperationException) when (cgroup is { OutOfMemoryKills: > 0 })
        {
            table.Add(memory, rows.ToString("N0", CultureInfo.InvariantCulture), "killed: over the cap", "-", "-", "-", "-", "-", "-", "-", "-", "MISSED");
            return false;
        }

        var placed = JournalCall.Placed(journal);
        var met = figures.PeakWorkingSet < MemoryGoal && figures.Outputs == rows;
        table.Add(
            memory, rows.ToString("N0", CultureInfo.InvariantCulture), figures.Outputs.ToString("N0", CultureInfo.InvariantCulture), figures.Errors.ToString(CultureInfo.InvariantCulture),
            placed.ToString("N0", CultureInfo.InvariantCulture), ((double)placed / rows).ToString("0.00", CultureInfo.InvariantCulture),
            CmdletBenchmark.Seconds(figures.WallMs), CmdletBenchmark.Micro(figures.CpuMs, placed),
            string.Join(", ", CmdletBenchmark.Quarters(figures.WorkingSetSamples).Select(CmdletBenchmark.Megabytes)),
            CmdletBenchmark.Megabytes(figures.PeakWorkingSet), CmdletBenchmark.Megabytes(figures.HeapAfterRun), met ? "met" : "MISSED");
        return met;
    }

    /// <summary>One run of Campaign.ps1 in the accelerated sandbox with a journal, with the missed shares above.</summary>
    internal static Task<PwshFigures> SandboxAsync(string csv, string journal, TimeSpan limit, params string[] arguments) =>
        PwshCampaign.RunAsync("Module", csv, null, limit, SandboxArguments(journal, arguments));

    private static string[] SandboxArguments(string journal, params string[] arguments) =>
        new[] { "-RequestsPerMinute", Rate, "-SimulatedSpeed", Speed, "-BusyShare", MissShare, "-NoAnswerShare", MissShare, "-JournalPath", journal }.Concat(arguments).ToArray();

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

using System.Globalization;
using System.Text;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>
/// What users get: campaigns run through the cmdlets in a real pwsh (Scripts/Campaign.ps1), with a default session
/// told only the cap. Against the emulator on 127.0.0.1 at each latency: share of the cap, 429s, rows placed once; the
/// same rows as a <c>foreach</c> of Invoke-RestMethod and as <c>ForEach-Object -Parallel</c>; and a long campaign piped
/// through the offline sandbox for CPU per row and memory.
/// </summary>
/// <remarks>Needs the module built first (<c>build.ps1 -Task Build</c>).</remarks>
internal static class CmdletBenchmark
{
    // Seconds of work each comparison run is sized for, so the slow ways stay short.
    private const double ComparisonSeconds = 10;

    // The most -RequestsPerMinute accepts: a limit that barely binds, so the sandbox run measures the cost per row.
    private const int SandboxRate = 100_000;

    // The window fills once the first answers are back: the steady rate is measured after this plus one latency.
    private static readonly TimeSpan RampUp = TimeSpan.FromSeconds(5);

    public static async Task<bool> RunAsync(int calls, int rows, TextWriter output)
    {
        if (!File.Exists(PwshCampaign.Module))
        {
            output.WriteLine($"## Through the cmdlets: skipped, {PwshCampaign.Module} is not built (run: dotnet pwsh -NoProfile -File build.ps1 -Task Build)");
            return false;
        }

        var folder = Directory.CreateTempSubdirectory("exotelps-cmdlets-").FullName;
        try
        {
            var met = await ShareOfCapAsync(WriteCsv(folder, calls), calls, output);
            await ComparisonAsync(folder, output);
            await SandboxAsync(WriteCsv(folder, rows), rows, folder, output);
            return met;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<bool> ShareOfCapAsync(string csv, int calls, TextWriter output)
    {
        output.WriteLine($"## Through the cmdlets: Import-Csv | Connect-ExotelCall, {calls:N0} rows per latency, default session, cap {Latencies.Cap:N0}/min");
        output.WriteLine();
        var table = new MarkdownTable(
            "latency", "rows out", "calls placed", "distinct rows", "429s sent", "errors", "wall time", "share of cap, first to last",
            "steady share (after 5 s + latency)", "busiest 60 s window", "pwsh CPU per row", "goal");
        var allMet = true;
        foreach (var latency in Latencies.All)
        {
            await using var emulator = await Latencies.StartEmulatorAsync(latency);
            var figures = await RunOnEmulatorAsync("Module", csv, emulator, "-RequestsPerMinute", Latencies.Cap.ToString(CultureInfo.InvariantCulture));
            var run = EmulatorRun.Of(emulator);
            var steadyShare = run.Arrivals.SteadyPerMinute(RampUp + latency) / Latencies.Cap;
            var met = steadyShare >= ThroughputBenchmark.GoalShare && run.RateLimited == 0 && run.Distinct == calls && run.Accepted == calls && figures.Outputs == calls;
            allMet &= met;
            table.Add(
                Latencies.Label(latency),
                figures.Outputs.ToString("N0", CultureInfo.InvariantCulture),
                run.Accepted.ToString("N0", CultureInfo.InvariantCulture),
                run.Distinct.ToString("N0", CultureInfo.InvariantCulture),
                run.RateLimited.ToString(CultureInfo.InvariantCulture),
                figures.Errors.ToString(CultureInfo.InvariantCulture),
                Seconds(figures.WallMs),
                Share(run.Arrivals.PerMinute()),
                (steadyShare).ToString("P1", CultureInfo.InvariantCulture),
                run.Arrivals.BusiestWindow() is { } busiest ? busiest.ToString("N0", CultureInfo.InvariantCulture) : "run under 60 s",
                Micro(figures.CpuMs, figures.Outputs),
                met ? "met" : "MISSED");
        }

        table.Print(output);
        return allMet;
    }

    private static async Task ComparisonAsync(string folder, TextWriter output)
    {
        output.WriteLine($"## For comparison: the same rows by hand, cap {Latencies.Cap:N0}/min (each run sized for about {ComparisonSeconds:0} s)");
        output.WriteLine();
        var table = new MarkdownTable("way", "latency", "rows", "placed once", "lost", "placed twice", "429s sent", "rate", "share of cap", "pwsh CPU per row (first uses included)");
        foreach (var (mode, label, concurrency) in new[] { ("Foreach", "foreach + Invoke-RestMethod", 1), ("Parallel", "ForEach-Object -Parallel (5 threads)", 5) })
        {
            foreach (var latency in Latencies.All)
            {
                // Rows enough for the time budget at the rate this way can reach, never beyond the cap's.
                var perSecond = Math.Min(Latencies.Cap / 60.0, concurrency / Math.Max(latency.TotalSeconds, 0.005));
                var rows = (int)Math.Clamp(Math.Ceiling(perSecond * ComparisonSeconds), 5, Latencies.Cap / 6);
                await using var emulator = await Latencies.StartEmulatorAsync(latency);
                var figures = await RunOnEmulatorAsync(mode, WriteCsv(folder, rows), emulator);
                var run = EmulatorRun.Of(emulator);
                table.Add(
                    label,
                    Latencies.Label(latency),
                    rows.ToString("N0", CultureInfo.InvariantCulture),
                    run.Distinct.ToString("N0", CultureInfo.InvariantCulture),
                    (rows - run.Distinct).ToString("N0", CultureInfo.InvariantCulture),
                    (run.Accepted - run.Distinct).ToString("N0", CultureInfo.InvariantCulture),
                    run.RateLimited.ToString(CultureInfo.InvariantCulture),
                    run.Arrivals.PerMinute().ToString("N0", CultureInfo.InvariantCulture) + "/min",
                    Share(run.Arrivals.PerMinute()),
                    Micro(figures.CpuMs, rows));
            }
        }

        table.Print(output);
    }

    private static async Task SandboxAsync(string csv, int rows, string folder, TextWriter output)
    {
        output.WriteLine($"## Through the cmdlets in the sandbox: {rows:N0} rows, Import-Csv | Connect-ExotelCall, -RequestsPerMinute {SandboxRate:N0}");
        output.WriteLine();
        var baseline = await PwshCampaign.RunAsync("Baseline", csv);
        var plain = await PwshCampaign.RunAsync("Module", csv, null, "-RequestsPerMinute", SandboxRate.ToString(CultureInfo.InvariantCulture));
        var journaled = await PwshCampaign.RunAsync(
            "Module", csv, null, "-RequestsPerMinute", SandboxRate.ToString(CultureInfo.InvariantCulture), "-JournalPath", Path.Combine(folder, "sandbox.jsonl"));
        var table = new MarkdownTable(
            "run", "rows out", "errors", "wall time", "CPU per row", "CPU per row above Import-Csv alone", "pwsh working set at 1/4, 1/2, 3/4, end of its life", "peak working set", "managed heap after the run");
        foreach (var (name, figures) in new[] { ("Import-Csv \\| Measure-Object (PowerShell alone)", baseline), ("Connect-ExotelCall", plain), ("Connect-ExotelCall -JournalPath", journaled) })
        {
            table.Add(
                name,
                figures.Outputs.ToString("N0", CultureInfo.InvariantCulture),
                figures.Errors.ToString(CultureInfo.InvariantCulture),
                Seconds(figures.WallMs),
                Micro(figures.CpuMs, rows),
                figures == baseline ? "-" : Micro(figures.CpuMs - baseline.CpuMs, rows),
                string.Join(", ", Quarters(figures.WorkingSetSamples).Select(Megabytes)),
                Megabytes(figures.PeakWorkingSet),
                Megabytes(figures.HeapAfterRun));
        }

        table.Print(output);
    }

    private static Task<PwshFigures> RunOnEmulatorAsync(string mode, string csv, ExotelPS.Emulator.EmulatorHost emulator, params string[] arguments)
    {
        var (sid, key, token) = emulator.CreateCredentials();
        var environment = new Dictionary<string, string> { ["EXOTEL_ACCOUNT_SID"] = sid, ["EXOTEL_API_KEY"] = key, ["EXOTEL_API_TOKEN"] = token };
        return PwshCampaign.RunAsync(mode, csv, environment, new[] { "-BaseUri", emulator.BaseUri.ToString() }.Concat(arguments).ToArray());
    }

    /// <summary>One CSV per size, written once: the rows CampaignRows gives, as a user's export would hold them; without From for an agent pool.</summary>
    internal static string WriteCsv(string folder, int rows, bool withFrom = true)
    {
        var path = Path.Combine(folder, withFrom ? $"rows-{rows}.csv" : $"customers-{rows}.csv");
        if (!File.Exists(path))
        {
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.WriteLine(withFrom ? "From,To,CallerId,CustomField" : "To,CallerId,CustomField");
            foreach (var row in CampaignRows.Stream(rows))
            {
                var request = CampaignRows.Request(row);
                writer.WriteLine((withFrom ? request.From + "," : string.Empty) + $"{request.To},{request.CallerId},{request.CustomField}");
            }
        }

        return path;
    }

    internal static IEnumerable<long> Quarters(IReadOnlyList<long> samples) =>
        samples.Count == 0 ? Array.Empty<long>() : new[] { 1, 2, 3, 4 }.Select(quarter => samples[Math.Min(samples.Count - 1, (samples.Count * quarter / 4) - (quarter == 4 ? 1 : 0))]);

    private static string Share(double perMinute) => (perMinute / Latencies.Cap).ToString("P1", CultureInfo.InvariantCulture);

    internal static string Seconds(double milliseconds) => (milliseconds / 1000).ToString("0.0 s", CultureInfo.InvariantCulture);

    internal static string Micro(double milliseconds, long rows) => (milliseconds * 1000 / Math.Max(1, rows)).ToString("0 µs", CultureInfo.InvariantCulture);

    internal static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0 MB", CultureInfo.InvariantCulture);

    /// <summary>What the emulator recorded of one run.</summary>
    private sealed record EmulatorRun(Arrivals Arrivals, long Accepted, int Distinct, long RateLimited)
    {
        public static EmulatorRun Of(ExotelPS.Emulator.EmulatorHost emulator) => new(
            Arrivals.Of(emulator.Simulator),
            emulator.Simulator.CallCount,
            emulator.Simulator.Calls.Select(call => call.Field("CustomField")).Distinct().Count(),
            emulator.Simulator.RateLimitedCount);
    }
}

using System.Diagnostics;
using System.Globalization;
using ExotelPS.Client;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>
/// Client CPU time per call and memory over a long streamed campaign against the in-memory sandbox (no network, no
/// latency, a limit too high to bind), sampled at intervals to show memory stays flat as rows go by.
/// </summary>
/// <remarks>
/// The simulator is a test double that keeps every call it accepted; it is reset at each sample so its record does
/// not pass for the client's memory. The simulator runs in this process, so the CPU figure is the client's plus the
/// simulator's: an upper bound on the client's own cost.
/// </remarks>
internal static class MemoryBenchmark
{
    private const int Samples = 10;
    private const int InFlight = 16;
    private const int WarmUpRows = 2_000;
    private const int HighLimit = 1_000_000_000;

    public static async Task RunAsync(int rows, TextWriter output)
    {
        output.WriteLine($"## Memory and CPU: {rows:N0} streamed rows against the in-memory sandbox, {InFlight} in flight");
        output.WriteLine();

        // JIT and first-use costs are paid here, so the measured runs show the per-call cost.
        await RunOnceAsync(WarmUpRows, journal: null);

        var summary = new MarkdownTable("run", "CPU per call", "allocated per call", "managed heap, first to last sample", "heap growth per 1,000 rows", "wall time");
        var plain = await RunOnceAsync(rows, journal: null);
        Report("no journal", plain, summary, output);

        var folder = Directory.CreateTempSubdirectory("exotelps-bench-").FullName;
        try
        {
            using var journal = CallJournal.Open(Path.Combine(folder, "campaign.jsonl"));
            Report("with a journal", await RunOnceAsync(rows, journal), summary, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        summary.Print(output);
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"Peak working set of the process so far: {Megabytes(process.PeakWorkingSet64)}.");
        output.WriteLine();
    }

    private static async Task<MemoryRun> RunOnceAsync(int rows, CallJournal? journal)
    {
        var simulator = new ExotelSimulator(new SimulatorOptions { RequestsPerMinute = int.MaxValue });
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = HighLimit, MaxConcurrency = InFlight });
        var options = new DispatcherOptions { MaxInFlight = InFlight };
        var every = Math.Max(1, rows / Samples);
        var samples = new List<MemorySample>();
        var placed = 0;

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        var done = 0;
        await foreach (var result in CallDispatcher<int>.RunAsync(CampaignRows.Stream(rows), CampaignRows.Request, client.PlaceCallAsync, options, journal))
        {
            placed += result.Ending == RowEnding.Placed ? 1 : 0;
            if (++done % every == 0)
            {
                simulator.Reset();
                samples.Add(new MemorySample(done, GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet));
            }
        }

        wall.Stop();
        process.Refresh();
        return new MemoryRun(
            rows,
            placed,
            (process.TotalProcessorTime - cpu) / rows,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / rows,
            wall.Elapsed,
            samples);
    }

    private static void Report(string name, MemoryRun run, MarkdownTable summary, TextWriter output)
    {
        output.WriteLine($"### {name}: {run.Placed:N0} of {run.Rows:N0} rows placed");
        output.WriteLine();
        var table = new MarkdownTable("rows done", "managed heap (after full GC)", "working set");
        foreach (var sample in run.Samples)
        {
            table.Add(sample.Rows.ToString("N0", CultureInfo.InvariantCulture), Megabytes(sample.ManagedHeap), Megabytes(sample.WorkingSet));
        }

        table.Print(output);
        var first = run.Samples[0];
        var last = run.Samples[^1];
        var growthPerThousandRows = (last.ManagedHeap - first.ManagedHeap) * 1_000.0 / Math.Max(1, last.Rows - first.Rows);
        summary.Add(
            name,
            run.CpuPerCall.TotalMicroseconds.ToString("0 µs", CultureInfo.InvariantCulture),
            (run.AllocatedPerCall / 1024.0).ToString("0.0 KB", CultureInfo.InvariantCulture),
            Megabytes(first.ManagedHeap) + " → " + Megabytes(last.ManagedHeap),
            (growthPerThousandRows / 1024.0).ToString("0.0 KB", CultureInfo.InvariantCulture),
            run.Wall.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0 MB", CultureInfo.InvariantCulture);

    private sealed record MemorySample(int Rows, long ManagedHeap, long WorkingSet);

    private sealed record MemoryRun(int Rows, int Placed, TimeSpan CpuPerCall, long AllocatedPerCall, TimeSpan Wall, IReadOnlyList<MemorySample> Samples);
}

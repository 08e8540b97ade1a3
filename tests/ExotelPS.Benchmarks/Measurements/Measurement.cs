using System.Globalization;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>The measurements written into docs/performance.md.</summary>
/// <remarks>
/// <c>throughput [--calls N]</c>, <c>sequential</c>, <c>memory [--rows N]</c>, <c>cmdlets [--calls N] [--rows N]</c> (through
/// the built module in pwsh), <c>pacing</c> (agent pools), or <c>all</c> (with either option).
/// Prints Markdown tables; exits 1 when the throughput goal was missed.
/// </remarks>
internal static class Measurement
{
    // Over 80 s at the cap: the emulator's sliding 60-second window fills, so the limit binds.
    private const int DefaultCalls = 8_000;
    private const int DefaultRows = 100_000;

    public static async Task<int> RunAsync(string name, string[] args)
    {
        int calls, rows;
        try
        {
            calls = Option(args, "--calls", DefaultCalls);
            rows = Option(args, "--rows", DefaultRows);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var output = Console.Out;
        output.WriteLine($"ExotelPS benchmark: {name}; .NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        output.WriteLine();
        var goalsMet = true;

        // Memory first under "all": the process's peak working set then reflects the streamed run, not the emulator runs.
        if (name is "memory" or "all")
        {
            await MemoryBenchmark.RunAsync(rows, output);
        }

        if (name is "throughput" or "all")
        {
            goalsMet = await ThroughputBenchmark.RunAsync(calls, output);
        }

        if (name is "sequential" or "all")
        {
            await SequentialBenchmark.RunAsync(output);
        }

        if (name is "pacing" or "all")
        {
            goalsMet &= await PacingBenchmark.RunAsync(output);
        }

        if (name is "cmdlets" or "all")
        {
            goalsMet &= await CmdletBenchmark.RunAsync(calls, rows, output);
        }

        return goalsMet ? 0 : 1;
    }

    /// <summary>A whole-number option of at least 2, or the fallback when absent; anything else is an <see cref="ArgumentException"/>.</summary>
    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        return index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 2
            ? value
            : throw new ArgumentException($"{name} needs a whole number of at least 2.");
    }
}

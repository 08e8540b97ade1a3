using System.Diagnostics;
using System.Globalization;
using ExotelPS.Client;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>
/// A campaign through <see cref="CallDispatcher{TInput}"/> and <see cref="ExotelClient"/> with default settings (only
/// the cap told) against the emulator on 127.0.0.1, in real time, once per latency: the sustained rate as a share of the cap, and the 429s the emulator sent.
/// </summary>
/// <remarks>
/// Real time, not an accelerated clock: the run is long enough (over 60 s at the default size) that the emulator's
/// sliding 60-second window fills and the limit binds, while the latency, the pacing timers and the thread pool run as
/// they would in production.
/// </remarks>
internal static class ThroughputBenchmark
{
    /// <summary>Goal: at least this share of the cap, with no 429 at all.</summary>
    public const double GoalShare = 0.98;

    // The token bucket's initial burst lands in the first second; the steady state is measured after this.
    private static readonly TimeSpan RampUp = TimeSpan.FromSeconds(5);

    /// <summary>Runs every latency; true when each met the goal and placed every row exactly once.</summary>
    public static async Task<bool> RunAsync(int calls, TextWriter output)
    {
        output.WriteLine($"## Throughput: {calls:N0} calls per latency through CallDispatcher + ExotelClient, cap {Latencies.Cap:N0}/min");
        output.WriteLine();
        var table = new MarkdownTable(
            "latency", "window at the end", "calls placed", "distinct rows", "429s sent", "wall time",
            "rate, first to last arrival", "steady rate (after 5 s)", "steady share of cap", "busiest 60 s window", "goal");
        var allMet = true;
        foreach (var latency in Latencies.All)
        {
            var run = await RunOneAsync(latency, calls);
            var steadyShare = run.SteadyPerMinute / Latencies.Cap;
            var met = steadyShare >= GoalShare && run.RateLimited == 0 && run.Placed == calls && run.DistinctRows == calls;
            allMet &= met;
            table.Add(
                Latencies.Label(latency),
                run.InFlight.ToString(CultureInfo.InvariantCulture),
                run.Placed.ToString("N0", CultureInfo.InvariantCulture),
                run.DistinctRows.ToString("N0", CultureInfo.InvariantCulture),
                run.RateLimited.ToString(CultureInfo.InvariantCulture),
                run.Wall.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture),
                run.OverallPerMinute.ToString("N0", CultureInfo.InvariantCulture) + "/min",
                run.SteadyPerMinute.ToString("N0", CultureInfo.InvariantCulture) + "/min",
                steadyShare.ToString("P1", CultureInfo.InvariantCulture),
                run.BusiestWindow is { } busiest ? busiest.ToString("N0", CultureInfo.InvariantCulture) : "run under 60 s",
                met ? "met" : "MISSED");
        }

        table.Print(output);
        return allMet;
    }

    private static async Task<ThroughputRun> RunOneAsync(TimeSpan latency, int calls)
    {
        await using var emulator = await Latencies.StartEmulatorAsync(latency);

        // Defaults, as a user would start: only the cap is told; the client sizes the window from the latency it sees.
        using var client = new ExotelClient(emulator.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = Latencies.Cap });
        var options = new DispatcherOptions();

        var placed = 0;
        var wall = Stopwatch.StartNew();
        await foreach (var result in CallDispatcher<int>.RunAsync(CampaignRows.Stream(calls), CampaignRows.Request, client.PlaceCallAsync, options))
        {
            placed += result.Ending == RowEnding.Placed ? 1 : 0;
        }

        wall.Stop();
        var accepted = emulator.Simulator.Calls;
        var arrivals = Arrivals.Of(emulator.Simulator);
        return new ThroughputRun(
            client.InFlightLimit,
            placed,
            accepted.Select(call => call.Field("CustomField")).Distinct().Count(),
            emulator.Simulator.RateLimitedCount,
            wall.Elapsed,
            arrivals.PerMinute(),
            arrivals.SteadyPerMinute(RampUp),
            arrivals.BusiestWindow());
    }

    private sealed record ThroughputRun(
        int InFlight, int Placed, int DistinctRows, long RateLimited, TimeSpan Wall, double OverallPerMinute, double SteadyPerMinute, int? BusiestWindow);
}

using System.Diagnostics;
using System.Globalization;
using ExotelPS.Client;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>
/// The same campaign as a plain loop, one <see cref="ExotelClient.ConnectAsync"/> after another, as a user would write it
/// by hand. Each call waits for the previous answer, so the rate is one over the latency; a sample is timed per latency
/// and extrapolated.
/// </summary>
internal static class SequentialBenchmark
{
    /// <summary>The campaign size the extrapolation is given for.</summary>
    private const int Campaign = 1_000;

    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine($"## Sequential loop: one ConnectAsync after another, cap {Latencies.Cap:N0}/min");
        output.WriteLine();
        var table = new MarkdownTable(
            "latency", "calls timed", "time per call", "rate", "share of cap", $"{Campaign:N0} calls (extrapolated)", $"{Campaign:N0} calls at the cap");
        foreach (var latency in Latencies.All)
        {
            var sample = SampleSize(latency);
            var perCall = await TimePerCallAsync(latency, sample);
            var perMinute = TimeSpan.FromMinutes(1) / perCall;
            table.Add(
                Latencies.Label(latency),
                sample.ToString(CultureInfo.InvariantCulture),
                perCall.TotalMilliseconds.ToString("0.0 ms", CultureInfo.InvariantCulture),
                perMinute.ToString("N0", CultureInfo.InvariantCulture) + "/min",
                (perMinute / Latencies.Cap).ToString("P1", CultureInfo.InvariantCulture),
                Duration(perCall * Campaign),
                Duration(TimeSpan.FromMinutes(Campaign / (double)Latencies.Cap)));
        }

        table.Print(output);
    }

    // About ten seconds of calls at each latency: enough for a stable mean, short enough for the whole benchmark.
    private static int SampleSize(TimeSpan latency) => Math.Max(5, (int)(TimeSpan.FromSeconds(10) / latency));

    private static async Task<TimeSpan> TimePerCallAsync(TimeSpan latency, int sample)
    {
        await using var emulator = await Latencies.StartEmulatorAsync(latency);
        using var client = new ExotelClient(emulator.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = Latencies.Cap });

        // One untimed call first: the connection and the JIT are a one-off cost, not a per-call one.
        await client.ConnectAsync(CampaignRows.Request(sample));
        var watch = Stopwatch.StartNew();
        for (var row = 0; row < sample; row++)
        {
            await client.ConnectAsync(CampaignRows.Request(row));
        }

        return watch.Elapsed / sample;
    }

    private static string Duration(TimeSpan time) => time < TimeSpan.FromMinutes(2)
        ? time.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture)
        : time.TotalMinutes.ToString("0.0 min", CultureInfo.InvariantCulture);
}

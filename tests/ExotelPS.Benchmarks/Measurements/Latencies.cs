using System.Globalization;
using ExotelPS.Emulator;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>The benchmark's scaled-down Exotel: 30 times its real limit, answering after each of four latencies.</summary>
internal static class Latencies
{
    /// <summary>Requests a minute allowed, instead of Exotel's 200: 100 a second.</summary>
    public const int Cap = 6_000;

    public static readonly TimeSpan[] All = { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5) };

    /// <summary>An emulator on 127.0.0.1 with the benchmark's cap, answering after <paramref name="latency"/>.</summary>
    public static Task<EmulatorHost> StartEmulatorAsync(TimeSpan latency) => EmulatorHost.StartAsync(options =>
    {
        options.RequestsPerMinute = Cap;
        options.Faults.Latency = latency;
    });

    public static string Label(TimeSpan latency) => latency < TimeSpan.FromSeconds(1)
        ? latency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"
        : latency.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}

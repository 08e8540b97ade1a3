using ExotelPS.Client;
using ExotelPS.Client.Sandbox;
using ExotelPS.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>The emulator hosted in this process on 127.0.0.1 (a free port), with the benchmark's cap and a fixed latency.</summary>
internal sealed class BenchmarkEmulator : IAsyncDisposable
{
    private static int accountCount;
    private readonly WebApplication app;
    private readonly Uri baseUri;

    private BenchmarkEmulator(WebApplication app, Uri baseUri)
    {
        this.app = app;
        this.baseUri = baseUri;
        Simulator = app.Services.GetRequiredService<ExotelSimulator>();
    }

    /// <summary>The simulated Exotel: the record of accepted calls and the 429 counter.</summary>
    public ExotelSimulator Simulator { get; }

    public static async Task<BenchmarkEmulator> StartAsync(int requestsPerMinute, TimeSpan latency)
    {
        var settings = new EmulatorSettings { Port = 0 };
        settings.Simulator.RequestsPerMinute = requestsPerMinute;
        settings.Simulator.Faults.Latency = latency;
        var app = EmulatorApp.Build(settings);
        await app.StartAsync();

        // Kestrel replaces port 0 with the port it bound once started.
        return new BenchmarkEmulator(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    /// <summary>A fresh account on this emulator: a new throttle key, so each run starts with its own client-side bucket.</summary>
    public ExotelAccount CreateAccount()
    {
        var sid = "bench" + Interlocked.Increment(ref accountCount);
        var key = "key-" + Guid.NewGuid().ToString("N");
        var token = "token-" + Guid.NewGuid().ToString("N");
        Simulator.AddAccount(sid, key, token);
        return new ExotelAccount(sid, key, token, baseUri);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

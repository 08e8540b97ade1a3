using ExotelPS.Client;
using ExotelPS.Client.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ExotelPS.Emulator;

/// <summary>The emulator hosted inside another process (a test run, a benchmark) on Kestrel, 127.0.0.1 and a free port.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private static int accountCount;
    private readonly WebApplication app;

    private EmulatorHost(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
        Simulator = app.Services.GetRequiredService<ExotelSimulator>();
    }

    /// <summary>The emulator's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUri { get; }

    /// <summary>The simulated Exotel behind it: the record of calls and the counters.</summary>
    public ExotelSimulator Simulator { get; }

    /// <summary>Starts an emulator; <paramref name="configure"/> adjusts the simulator's options first.</summary>
    public static async Task<EmulatorHost> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var settings = new EmulatorSettings { Port = 0 };
        configure?.Invoke(settings.Simulator);
        var app = EmulatorApp.Build(settings);
        await app.StartAsync();

        // Kestrel replaces port 0 with the port it bound once started.
        var address = app.Urls.First();
        return new EmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Registers a fresh account (a unique SID each call) and returns it, pointed at this emulator.</summary>
    public ExotelAccount CreateAccount()
    {
        var (sid, key, token) = CreateCredentials();
        return new ExotelAccount(sid, key, token, BaseUri);
    }

    /// <summary>Registers a fresh account and returns its bare credentials, for a process that is given them another way.</summary>
    public (string AccountSid, string ApiKey, string ApiToken) CreateCredentials()
    {
        var number = Interlocked.Increment(ref accountCount);
        var sid = $"acct{number}x{Guid.NewGuid():N}".Substring(0, 16);
        var key = "key-" + Guid.NewGuid().ToString("N");
        var token = "token-" + Guid.NewGuid().ToString("N");
        Simulator.AddAccount(sid, key, token);
        return (sid, key, token);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

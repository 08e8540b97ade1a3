using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Emulator;

/// <summary>
/// One simulated Exotel under test, reached over real HTTP (the emulator on Kestrel) or in memory (the sandbox
/// handler), with a raw HttpClient so the tests see exactly what is on the wire.
/// </summary>
public sealed class SimulatedExotel : IAsyncDisposable
{
    private static int accountCount;
    private readonly Func<ValueTask> dispose;

    private SimulatedExotel(ExotelSimulator simulator, Uri baseUri, HttpClient http, Func<ValueTask> dispose)
    {
        Simulator = simulator;
        BaseUri = baseUri;
        Http = http;
        this.dispose = dispose;
    }

    public ExotelSimulator Simulator { get; }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public static async Task<SimulatedExotel> EmulatorAsync(Action<SimulatorOptions>? configure = null)
    {
        var host = await EmulatorHost.StartAsync(configure);
        var http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        return new SimulatedExotel(host.Simulator, host.BaseUri, http, async () =>
        {
            http.Dispose();
            await host.DisposeAsync();
        });
    }

    public static SimulatedExotel Sandbox(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions();
        configure?.Invoke(options);
        var simulator = new ExotelSimulator(options);
        var baseUri = new Uri("https://sandbox.exotel.invalid/");
        var http = new HttpClient(new SandboxMessageHandler(simulator)) { BaseAddress = baseUri };
        return new SimulatedExotel(simulator, baseUri, http, () =>
        {
            http.Dispose();
            return default;
        });
    }

    /// <summary>Registers a fresh account with unique credentials.</summary>
    public ExotelAccount CreateAccount()
    {
        var sid = "acct" + Interlocked.Increment(ref accountCount);
        var token = "token-" + Guid.NewGuid().ToString("N");
        Simulator.AddAccount(sid, "key-" + sid, token);
        return new ExotelAccount(sid, "key-" + sid, token, BaseUri);
    }

    public Task<HttpResponseMessage> ConnectAsync(ExotelAccount account, string form, bool json = true) =>
        SendAsync(account, HttpMethod.Post, $"Calls/connect{(json ? ".json" : string.Empty)}", form);

    public Task<HttpResponseMessage> GetAsync(ExotelAccount account, string relativePath) =>
        SendAsync(account, HttpMethod.Get, relativePath, null);

    /// <summary>GETs a path Exotel gave (e.g. NextPageUri), which starts at the root.</summary>
    public Task<HttpResponseMessage> GetRootedAsync(ExotelAccount account, string rootedPath) =>
        Http.SendAsync(Authorized(account, new HttpRequestMessage(HttpMethod.Get, rootedPath)));

    public async Task<HttpResponseMessage> SendAsync(
        ExotelAccount account, HttpMethod method, string relativePath, string? form, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, $"v1/Accounts/{account.AccountSid}/{relativePath}");
        if (form is not null)
        {
            request.Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        return await Http.SendAsync(Authorized(account, request), cancellationToken);
    }

    /// <summary>Places a call that must be accepted, and returns its JSON Call object.</summary>
    public async Task<JsonElement> PlaceAsync(ExotelAccount account, string form)
    {
        using var response = await ConnectAsync(account, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("Call");
    }

    public async Task<JsonElement> GetCallAsync(ExotelAccount account, string sid, bool details = false)
    {
        using var response = await GetAsync(account, $"Calls/{sid}.json{(details ? "?details=true" : string.Empty)}");
        return (await ReadJsonAsync(response, 200)).GetProperty("Call");
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"expected HTTP {expectedStatus}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<XElement> ReadXmlAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"expected HTTP {expectedStatus}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/xml", response.Content.Headers.ContentType?.ToString());
        var root = XDocument.Parse(body).Root!;
        Assert.Equal("TwilioResponse", root.Name.LocalName);
        return root;
    }

    public ValueTask DisposeAsync() => dispose();

    private static HttpRequestMessage Authorized(ExotelAccount account, HttpRequestMessage request)
    {
        request.Headers.Authorization = account.CreateAuthorizationHeader();
        return request;
    }
}

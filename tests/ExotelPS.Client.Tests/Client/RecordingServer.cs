using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ExotelPS.Client.Tests.Client;

/// <summary>One request as it arrived on the wire.</summary>
public sealed record RecordedRequest(string Method, string Path, string RawTarget, string Query, string? ContentType, string? Authorization, string? UserAgent, string Body)
{
    /// <summary>The query's fields, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryFields => Decode(Query.TrimStart('?'));

    /// <summary>The form body's fields, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields => Decode(Body);

    private static List<KeyValuePair<string, string>> Decode(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Unescape(parts[0]), parts.Length > 1 ? Unescape(parts[1]) : string.Empty))
            .ToList();

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

/// <summary>
/// A small Kestrel server on 127.0.0.1 that records every request exactly and answers from a script, for wire-format
/// assertions and scripted failures (429, 5xx, dropped connections, hangs).
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly Func<RecordedRequest, int, HttpContext, Task> respond;

    private RecordingServer(Func<RecordedRequest, int, HttpContext, Task> respond)
    {
        this.respond = respond;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(HandleAsync);
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>
    /// Starts a server; <paramref name="respond"/> writes the answer to each request, given the request and its
    /// 1-based number.
    /// </summary>
    public static async Task<RecordingServer> StartAsync(Func<RecordedRequest, int, HttpContext, Task> respond)
    {
        var server = new RecordingServer(respond);
        await server.app.StartAsync();
        server.BaseUri = new Uri(server.app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A server that answers every request with the same status and body.</summary>
    public static Task<RecordingServer> StartAsync(int status, string body) =>
        StartAsync((_, _, context) => WriteAsync(context, status, body));

    /// <summary>Writes a JSON answer.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    /// <summary>An account on this server with fresh credentials.</summary>
    public ExotelAccount CreateAccount() =>
        new("acc" + Guid.NewGuid().ToString("N").Substring(0, 10), "key-" + Guid.NewGuid().ToString("N"), "token-" + Guid.NewGuid().ToString("N"), BaseUri);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            target,
            request.QueryString.Value ?? string.Empty,
            request.ContentType,
            request.Headers.Authorization.ToString(),
            request.Headers.UserAgent.ToString(),
            body);
        requests.Enqueue(recorded);
        await respond(recorded, requests.Count, context);
    }
}

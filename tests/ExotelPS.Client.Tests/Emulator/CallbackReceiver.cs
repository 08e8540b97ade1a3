using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ExotelPS.Client.Tests.Emulator;

/// <summary>A loopback web server that keeps every status callback POSTed to it.</summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private CallbackReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedCallback> Received { get; } = new();

    public Uri Url => new(app.Urls.First() + "/status");

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var receiver = new CallbackReceiver(builder.Build());
        receiver.app.MapPost("/status", async (HttpRequest request) =>
        {
            var contentType = request.ContentType ?? string.Empty;
            request.EnableBuffering();
            var body = await new StreamReader(request.Body, leaveOpen: true).ReadToEndAsync();
            request.Body.Position = 0;
            IReadOnlyDictionary<string, string> form = request.HasFormContentType
                ? (await request.ReadFormAsync()).ToDictionary(field => field.Key, field => field.Value.ToString())
                : new Dictionary<string, string>();
            receiver.Received.Enqueue(new ReceivedCallback(contentType, form, body));
            return Results.Ok();
        });
        await receiver.app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One callback as it arrived: its content type, its raw body, and its form fields when it was a form.</summary>
public sealed record ReceivedCallback(string ContentType, IReadOnlyDictionary<string, string> Form, string Body);

using System.Net;
using ExotelPS.Client;
using ExotelPS.Client.Sandbox;
using Microsoft.AspNetCore.Http.Features;

namespace ExotelPS.Emulator;

/// <summary>
/// Builds the emulator: Kestrel on 127.0.0.1 in front of an <see cref="ExotelSimulator"/>. This layer only maps
/// HttpContext to the simulator's transport-neutral request and back, plus the <c>/_emulator/</c> control endpoints.
/// </summary>
public static class EmulatorApp
{
    /// <summary>Builds (does not start) the app. Its simulator is the singleton <see cref="ExotelSimulator"/> service.</summary>
    public static WebApplication Build(EmulatorSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Always loopback, never 0.0.0.0; this also overrides any ASPNETCORE_URLS from the environment.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
        var simulator = new ExotelSimulator(settings.Simulator);
        foreach (var account in settings.EffectiveAccounts)
        {
            simulator.AddAccount(account.AccountSid, account.ApiKey, account.ApiToken);
        }

        builder.Services.AddSingleton(simulator);
        builder.Services.AddHttpClient(CallbackSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<CallbackSender>();

        var app = builder.Build();
        app.Map("/v1/{**rest}", ServeApiAsync);
        app.Map("/v3/{**rest}", ServeApiAsync);
        MapControl(app.MapGroup("/_emulator"));
        return app;
    }

    private static async Task ServeApiAsync(HttpContext context, ExotelSimulator simulator)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var answer = simulator.Handle(new SimulatorRequest(
            request.Method, request.Path.Value ?? "/", request.QueryString.Value, request.Headers.Authorization.ToString(), body));
        await Task.Delay(answer.Delay, context.RequestAborted);
        if (answer.Delivery == FaultKind.Drop)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        if (answer.RetryAfterSeconds is int seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer.Delivery == FaultKind.SlowBody)
        {
            // Kestrel would otherwise buffer nothing but still hold the pieces back until it chooses to send.
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await SlowBody.WriteAsync(response.Body, answer.Body, answer.SlowBodyTime, context.RequestAborted);
        }
        else
        {
            await response.Body.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    private static void MapControl(RouteGroupBuilder control)
    {
        control.MapGet("/calls", (ExotelSimulator simulator) => Results.Json(simulator.Calls.Select(call => new
        {
            call.Sid,
            call.AccountSid,
            Created = ExotelTime.Format(call.Created),
            CreatedAt = call.Created.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            AnsweredAt = call.AnsweredAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            EndsAt = call.EndsAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            From = call.Field("From"),
            FinalStatus = call.FinalStatus.Value,
            Form = call.Form.Select(field => new[] { field.Key, field.Value }),
        })));
        control.MapGet("/stats", (ExotelSimulator simulator) => Results.Json(new
        {
            Requests = simulator.RequestCount,
            RateLimited = simulator.RateLimitedCount,
            Faults = simulator.FaultCount,
            FaultsAfterCallRecorded = simulator.InjectedFaults.Count(fault => fault.CallRecorded),
            Calls = simulator.CallCount,
            CallsKept = simulator.Calls.Count,
            CallbacksDelivered = simulator.CallbackDeliveries.Count(delivery => delivery.Outcome == CallbackOutcome.Delivered),
            CallbacksRefused = simulator.CallbackDeliveries.Count(delivery => delivery.Outcome == CallbackOutcome.Refused),
        }));
        control.MapPost("/faults", (FaultUpdate update, ExotelSimulator simulator) =>
        {
            simulator.Faults = update.ApplyTo(simulator.Faults);
            return Results.Json(FaultUpdate.From(simulator.Faults));
        });
        control.MapPost("/reset", (ExotelSimulator simulator) =>
        {
            simulator.Reset();
            return Results.NoContent();
        });
    }
}

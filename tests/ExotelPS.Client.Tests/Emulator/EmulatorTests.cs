using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Emulator;

/// <summary>The simulated Exotel over real HTTP on 127.0.0.1, plus what only the emulator does: callbacks and control endpoints.</summary>
public sealed class EmulatorTests : SimulatedExotelContract
{
    protected override Task<SimulatedExotel> CreateAsync(Action<SimulatorOptions> configure) => SimulatedExotel.EmulatorAsync(configure);

    protected override void AssertDropLooksLikeASocketFailure(HttpRequestException failure) =>
        Assert.Null(failure.StatusCode);

    [Fact]
    public async Task EmulatorHostListensOnLoopbackOnly()
    {
        await using var host = await EmulatorHost.StartAsync();

        Assert.Equal("127.0.0.1", host.BaseUri.Host);
        Assert.NotEqual(0, host.BaseUri.Port);
        var account = host.CreateAccount();
        Assert.NotEqual(account.AccountSid, host.CreateAccount().AccountSid);
        Assert.Equal(host.BaseUri, account.BaseUri);
    }

    [Fact]
    public async Task TerminalCallbackArrivesAsMultipartByDefault()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        var callback = Uri.EscapeDataString(receiver.Url.ToString());
        var sid = (await exotel.PlaceAsync(account, ConnectForm("09900000486", $"&StatusCallback={callback}&CustomField=order-7&StatusCallbackEvents[0]=terminal")))
            .GetProperty("Sid").GetString();

        Clock.Advance(Ring + Talk);
        await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, "a callback arrived");

        var received = Assert.Single(receiver.Received);
        Assert.StartsWith("multipart/form-data", received.ContentType);
        Assert.Equal(sid, received.Form["CallSid"]);
        Assert.Equal("busy", received.Form["Status"]);
        Assert.Equal("terminal", received.Form["EventType"]);
        Assert.Equal("order-7", received.Form["CustomField"]);
        Assert.Equal("busy", received.Form["Legs[1][Status]"]);

        // The receiver holds the callback before the sender has read its answer, so wait for the record too.
        await Eventually.TrueAsync(() => exotel.Simulator.CallbackDeliveries.Any(delivery => delivery.Outcome != CallbackOutcome.Pending), "the delivery was recorded");
        var delivery = Assert.Single(exotel.Simulator.CallbackDeliveries);
        Assert.Equal(CallbackOutcome.Delivered, delivery.Outcome);
        Assert.Equal("200", delivery.Detail);
    }

    [Fact]
    public async Task WithoutEventsOnlyTheFourDefaultFieldsAreSent()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        await exotel.PlaceAsync(account, ConnectForm("09900000002", "&StatusCallback=" + Uri.EscapeDataString(receiver.Url.ToString())));

        Clock.Advance(Ring + Talk);
        await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, "a callback arrived");

        Assert.Equal(new[] { "CallSid", "DateUpdated", "RecordingUrl", "Status" }, Assert.Single(receiver.Received).Form.Keys.OrderBy(key => key));
    }

    [Fact]
    public async Task AnsweredAndTerminalCallbacksArriveAsJsonWhenAsked()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        var form = ConnectForm(
            "09900000002",
            $"&StatusCallback={Uri.EscapeDataString(receiver.Url.ToString())}&StatusCallbackContentType=application/json"
            + "&StatusCallbackEvents[0]=answered&StatusCallbackEvents[1]=terminal");
        var sid = (await exotel.PlaceAsync(account, form)).GetProperty("Sid").GetString();

        Clock.Advance(Ring);
        await Eventually.TrueAsync(() => receiver.Received.Count == 1, "the answered callback arrived");
        Clock.Advance(Talk);
        await Eventually.TrueAsync(() => receiver.Received.Count == 2, "the terminal callback arrived");

        var payloads = receiver.Received.Select(callback =>
        {
            Assert.StartsWith("application/json", callback.ContentType);
            return JsonDocument.Parse(callback.Body).RootElement;
        }).ToList();
        Assert.Equal(new[] { "answered", "terminal" }, payloads.Select(payload => payload.GetProperty("EventType").GetString()));
        Assert.Equal(new[] { "in-progress", "completed" }, payloads.Select(payload => payload.GetProperty("Status").GetString()));
        Assert.All(payloads, payload => Assert.Equal(sid, payload.GetProperty("CallSid").GetString()));
        Assert.Equal((int)Talk.TotalSeconds, payloads[1].GetProperty("ConversationDuration").GetInt32());
        Assert.Equal(2, payloads[1].GetProperty("Legs").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&StatusCallbackContentType=application/json")]
    public async Task CallbacksAsSentReadBackAsTheCallTheApiDescribes(string contentTypeField)
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var exotel = await StartAsync();
        using var client = new ExotelClient(exotel.CreateAccount(), exotel.Http);
        var extra = $"&StatusCallback={Uri.EscapeDataString(receiver.Url.ToString())}&CustomField=row-3&Record=true"
            + "&StatusCallbackEvents[0]=answered&StatusCallbackEvents[1]=terminal" + contentTypeField;
        var sid = (await exotel.PlaceAsync(client.Account, ConnectForm("09900000002", extra))).GetProperty("Sid").GetString()!;

        Clock.Advance(Ring + Talk);
        await Eventually.TrueAsync(() => receiver.Received.Count == 2, "both callbacks arrived");
        // Sent together, they may arrive in either order, as Exotel's may: order by event, not arrival.
        var callbacks = receiver.Received.Select(received => StatusCallbackReader.Read(received.Body, received.ContentType))
            .OrderBy(callback => callback.EventType, StringComparer.Ordinal).ToList();
        var api = await client.GetCallAsync(sid, includeDetails: true);

        Assert.Equal(new[] { "answered", "terminal" }, callbacks.Select(callback => callback.EventType));
        Assert.Equal(2, callbacks.Select(callback => callback.DeliveryKey).Distinct().Count());
        var terminal = callbacks[1];
        Assert.Equal(sid, terminal.Call.Sid);
        Assert.Equal(api.Status, terminal.Call.Status);
        Assert.Equal(api.DateUpdated, terminal.Call.DateUpdated);
        Assert.Equal(api.EndTime, terminal.Call.EndTime);
        Assert.Equal(api.Duration, terminal.Call.Duration);
        Assert.Equal(api.RecordingUrl, terminal.Call.RecordingUrl);
        Assert.Equal(api.From, terminal.Call.From);
        Assert.Equal(api.Details!.ConversationDuration, terminal.Call.Details!.ConversationDuration);
        Assert.Equal(new[] { api.Details.Leg1Status, api.Details.Leg2Status }, terminal.Call.Details.Legs.Select(leg => leg.Status));
        Assert.Equal(api.Details.Legs.Select(leg => leg.OnCallDuration), terminal.Call.Details.Legs.Select(leg => leg.OnCallDuration));
        Assert.Equal("row-3", terminal.CustomField);
        Assert.Empty(terminal.UnknownFields);
        Assert.Equal($"{sid}|terminal|completed", terminal.DeliveryKey);
    }

    [Fact]
    public async Task CallbackToANonLoopbackAddressIsRefusedNotSent()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        await exotel.PlaceAsync(account, ConnectForm("09900000002", "&StatusCallback=" + Uri.EscapeDataString("https://callbacks.example.com/status")));

        Clock.Advance(Ring + Talk);
        await Eventually.TrueAsync(() => exotel.Simulator.CallbackDeliveries.Any(delivery => delivery.Outcome != CallbackOutcome.Pending), "the callback was handled");

        var delivery = Assert.Single(exotel.Simulator.CallbackDeliveries);
        Assert.Equal(CallbackOutcome.Refused, delivery.Outcome);
        Assert.False(delivery.IsLoopbackTarget);
    }

    [Fact]
    public async Task SlowBodyIsTrickledInPieces()
    {
        await using var exotel = await StartAsync(options =>
        {
            options.Faults.SlowRate = 1;
            options.Faults.SlowBodyTime = TimeSpan.FromSeconds(2);
        });
        var account = exotel.CreateAccount();
        var request = new HttpRequestMessage(HttpMethod.Get, $"v1/Accounts/{account.AccountSid}/Calls.json");
        request.Headers.Authorization = account.CreateAuthorizationHeader();

        using var response = await exotel.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        var reads = 0;
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(total))) > 0)
        {
            total += read;
            reads++;
        }

        Assert.True(reads > 1, $"the body came in {reads} read(s)");
        Assert.Equal(response.Content.Headers.ContentLength, total);
        JsonDocument.Parse(buffer.AsMemory(0, total));
    }

    [Fact]
    public async Task ControlEndpointsShowTheRecordAndCountersAndChangeFaults()
    {
        await using var exotel = await StartAsync(options => options.RequestsPerMinute = 1);
        var account = exotel.CreateAccount();
        await exotel.PlaceAsync(account, ConnectForm("09900000002", "&CustomField=order-9"));
        using var refused = await exotel.GetAsync(account, "Calls.json");

        var calls = await exotel.Http.GetFromJsonAsync<JsonElement>("_emulator/calls");
        var recorded = Assert.Single(calls.EnumerateArray());
        Assert.Equal(exotel.Simulator.Calls.Single().Sid, recorded.GetProperty("sid").GetString());
        Assert.Contains(recorded.GetProperty("form").EnumerateArray(), field => field[0].GetString() == "CustomField" && field[1].GetString() == "order-9");

        var stats = await exotel.Http.GetFromJsonAsync<JsonElement>("_emulator/stats");
        Assert.Equal(1, stats.GetProperty("rateLimited").GetInt64());
        Assert.Equal(2, stats.GetProperty("requests").GetInt64());

        using var faults = await exotel.Http.PostAsJsonAsync("_emulator/faults", new { errorRate = 0.25, rateLimitRate = 0.1, latencyMs = 5 });
        faults.EnsureSuccessStatusCode();
        Assert.Equal((0.25, 0.1), (exotel.Simulator.Faults.ErrorRate, exotel.Simulator.Faults.RateLimitRate));
        Assert.Equal(TimeSpan.FromMilliseconds(5), exotel.Simulator.Faults.Latency);
        Assert.Equal(0, exotel.Simulator.Faults.DropRate);

        using var reset = await exotel.Http.PostAsync("_emulator/reset", null);
        reset.EnsureSuccessStatusCode();
        Assert.Empty(exotel.Simulator.Calls);
        Assert.Equal(0, exotel.Simulator.RateLimitedCount);
        using var admitted = await exotel.GetAsync(account, "Calls.json");
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public void SwitchesConfigureTheEmulator()
    {
        var settings = EmulatorSettings.FromArgs(new[]
        {
            "--port", "5123", "--account", "a1:k1:t1", "--account", "a2:k2:t2", "--rate", "50", "--ring-ms", "10",
            "--talk-ms", "20", "--latency-ms", "5", "--error-rate", "0.1", "--drop-rate", "0.2", "--slow-rate", "0.3", "--429-rate", "0.4", "--seed", "7",
        });

        Assert.Equal(5123, settings.Port);
        Assert.Equal(new[] { "a1", "a2" }, settings.EffectiveAccounts.Select(account => account.AccountSid));
        Assert.Equal(50, settings.Simulator.RequestsPerMinute);
        Assert.Equal(TimeSpan.FromMilliseconds(10), settings.Simulator.RingDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(20), settings.Simulator.TalkTime);
        Assert.Equal(TimeSpan.FromMilliseconds(5), settings.Simulator.Faults.Latency);
        var faults = settings.Simulator.Faults;
        Assert.Equal((0.1, 0.2, 0.3, 0.4), (faults.ErrorRate, faults.DropRate, faults.SlowRate, faults.RateLimitRate));
        Assert.Equal(7, settings.Simulator.Seed);
        Assert.DoesNotContain("t1", settings.EffectiveAccounts[0].ToString());
        Assert.Equal("emulator", Assert.Single(EmulatorSettings.FromArgs(Array.Empty<string>()).EffectiveAccounts).AccountSid);
    }

    [Fact]
    public async Task The_two_placing_faults_are_set_by_switch_and_by_the_control_endpoint()
    {
        var settings = EmulatorSettings.FromArgs(new[] { "--answer-lost-rate", "0.3", "--drop-before-placing-rate", "0.2" });
        Assert.Equal((0.3, 0.2), (settings.Simulator.Faults.AnswerLostRate, settings.Simulator.Faults.DropBeforePlacingRate));

        await using var exotel = await StartAsync();
        using var changed = await exotel.Http.PostAsJsonAsync("_emulator/faults", new { answerLostRate = 0.5, dropBeforePlacingRate = 0.25 });
        changed.EnsureSuccessStatusCode();
        var answer = await changed.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((0.5, 0.25), (exotel.Simulator.Faults.AnswerLostRate, exotel.Simulator.Faults.DropBeforePlacingRate));
        Assert.Equal(0.5, answer.GetProperty("answerLostRate").GetDouble());
        Assert.Equal(0, exotel.Simulator.Faults.ErrorRate);
    }

    [Theory]
    [InlineData("--bogus", "1")]
    [InlineData("--error-rate", "2")]
    [InlineData("--429-rate", "-0.1")]
    [InlineData("--account", "only-a-sid")]
    [InlineData("--port")]
    public void BadSwitchIsRefusedNamingIt(params string[] args)
    {
        var failure = Assert.Throws<ArgumentException>(() => EmulatorSettings.FromArgs(args));
        Assert.Contains(args[0], failure.Message);
    }
}

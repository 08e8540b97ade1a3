using System.Net;
using System.Text.Json;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Emulator;

/// <summary>
/// What the simulated Exotel does on the wire, run once over the emulator (Kestrel, real HTTP) and once over the
/// sandbox handler (in memory): both serve the same <see cref="ExotelSimulator"/>. Time is a manual clock.
/// </summary>
public abstract partial class SimulatedExotelContract
{
    protected const string Agent = "09900000001";
    protected const string CallerId = "08030752400";
    protected static readonly TimeSpan Ring = TimeSpan.FromSeconds(2);
    protected static readonly TimeSpan Talk = TimeSpan.FromSeconds(65);

    protected SkipAheadTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 3, 3, 5, 18, 33, TimeSpan.Zero));

    protected static string ConnectForm(string to, string extra = "") => $"From={Agent}&To={Uri.EscapeDataString(to)}&CallerId={CallerId}{extra}";

    /// <summary>Starts a simulated Exotel on the manual clock; <paramref name="configure"/> may change more.</summary>
    protected Task<SimulatedExotel> StartAsync(Action<SimulatorOptions>? configure = null) => CreateAsync(options =>
    {
        options.TimeProvider = Clock;
        options.RingDelay = Ring;
        options.TalkTime = Talk;
        configure?.Invoke(options);
    });

    protected abstract Task<SimulatedExotel> CreateAsync(Action<SimulatorOptions> configure);

    [Fact]
    public async Task WrongOrMissingCredentialsAre401AndNeverEchoTheSecret()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        var impostor = new ExotelAccount(account.AccountSid, account.ApiKey, "wrong-token", exotel.BaseUri);

        using var wrong = await exotel.ConnectAsync(impostor, ConnectForm("09900000002"));
        using var missing = await exotel.Http.PostAsync($"v1/Accounts/{account.AccountSid}/Calls/connect.json", new StringContent(ConnectForm("09900000002")));

        foreach (var response in new[] { wrong, missing })
        {
            var error = (await SimulatedExotel.ReadJsonAsync(response, 401)).GetProperty("RestException");
            Assert.Equal(401, error.GetProperty("Status").GetInt32());
            Assert.False(account.Reveals(error.ToString()));
            Assert.False(impostor.Reveals(error.ToString()));
        }

        Assert.Empty(exotel.Simulator.Calls);
    }

    [Theory]
    [InlineData("From=09900000001&To=12345&CallerId=08030752400", "To", "12345")]
    [InlineData("From=09900000001&To=09900000002&CallerId=08030752400&TimeLimit=99999", "TimeLimit", "99999")]
    [InlineData("From=09900000001&To=09900000002&CallerId=08030752400&RecordingFormat=ogg", "RecordingFormat", "ogg")]
    [InlineData("From=09900000001&To=09900000002&CallerId=08030752400&StatusCallbackEvents[0]=ringing", "StatusCallbackEvents[0]", "ringing")]
    [InlineData("From=09900000001&CallerId=08030752400", "To", "required")]
    public async Task InvalidFieldIs400NamingFieldAndValue(string form, string field, string value)
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();

        using var response = await exotel.ConnectAsync(account, form);

        var error = (await SimulatedExotel.ReadJsonAsync(response, 400)).GetProperty("RestException");
        Assert.Equal(400, error.GetProperty("Status").GetInt32());
        var message = error.GetProperty("Message").GetString()!;
        Assert.Contains(field, message);
        Assert.Contains(value, message);
        Assert.Empty(exotel.Simulator.Calls);
    }

    [Fact]
    public async Task UnknownCallSidIs404()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();

        using var response = await exotel.GetAsync(account, "Calls/0123456789abcdef.json");

        var error = (await SimulatedExotel.ReadJsonAsync(response, 404)).GetProperty("RestException");
        Assert.Contains("0123456789abcdef", error.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task AnotherAccountsCallIs404()
    {
        await using var exotel = await StartAsync();
        var owner = exotel.CreateAccount();
        var other = exotel.CreateAccount();
        var call = await exotel.PlaceAsync(owner, ConnectForm("09900000002"));

        using var response = await exotel.GetAsync(other, $"Calls/{call.GetProperty("Sid").GetString()}.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task NdncNumberIsRefusedWith403AndNotPlaced()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();

        using var response = await exotel.ConnectAsync(account, ConnectForm("+919900000403"));

        var error = (await SimulatedExotel.ReadJsonAsync(response, 403)).GetProperty("RestException");
        Assert.Contains("NDNC", error.GetProperty("Message").GetString());
        Assert.Empty(exotel.Simulator.Calls);
    }

    [Fact]
    public async Task PastTheLimitIs429WithRetryAfterUntilASlotFrees()
    {
        await using var exotel = await StartAsync(options => options.RequestsPerMinute = 3);
        var account = exotel.CreateAccount();
        for (var index = 0; index < 3; index++)
        {
            await exotel.PlaceAsync(account, ConnectForm("09900000002"));
            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        using var refused = await exotel.GetAsync(account, "Calls.json");

        var error = (await SimulatedExotel.ReadJsonAsync(refused, 429)).GetProperty("RestException");
        Assert.Equal("RATE_LIMIT_EXCEEDED", error.GetProperty("Code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(1, exotel.Simulator.RateLimitedCount);

        var other = exotel.CreateAccount();
        using var otherAccount = await exotel.GetAsync(other, "Calls.json");
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);

        Clock.Advance(TimeSpan.FromSeconds(30));
        using var admitted = await exotel.GetAsync(account, "Calls.json");
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(3, exotel.Simulator.Calls.Count);
    }

    [Fact]
    public async Task PathSuffixChoosesJsonOrXml()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();

        using var xmlPost = await exotel.ConnectAsync(account, ConnectForm("+919900000002"), json: false);
        var xmlCall = (await SimulatedExotel.ReadXmlAsync(xmlPost, 200)).Element("Call")!;
        var sid = xmlCall.Element("Sid")!.Value;
        Assert.Equal("09900000002", xmlCall.Element("To")!.Value);
        Assert.Equal("queued", xmlCall.Element("Status")!.Value);
        Assert.True(xmlCall.Element("EndTime")!.IsEmpty);

        using var xmlGet = await exotel.GetAsync(account, $"Calls/{sid}");
        Assert.Equal(sid, (await SimulatedExotel.ReadXmlAsync(xmlGet, 200)).Element("Call")!.Element("Sid")!.Value);

        using var jsonGet = await exotel.GetAsync(account, $"Calls/{sid}.json");
        var jsonCall = (await SimulatedExotel.ReadJsonAsync(jsonGet, 200)).GetProperty("Call");
        Assert.Equal(sid, jsonCall.GetProperty("Sid").GetString());
        Assert.Equal(JsonValueKind.Null, jsonCall.GetProperty("EndTime").ValueKind);

        using var xmlError = await exotel.GetAsync(account, "Calls/nosuchcall");
        var xmlException = (await SimulatedExotel.ReadXmlAsync(xmlError, 404)).Element("RestException")!;
        Assert.Equal("404", xmlException.Element("Status")!.Value);
    }

    [Theory]
    [InlineData("09900000002", "completed", "completed", "3.00", 65)]
    [InlineData("09900000486", "busy", "busy", "0.00", 1)]
    [InlineData("09900000480", "no-answer", "no-answer", "0.00", 65)]
    [InlineData("09900000404", "failed", "failed", "0.00", 1)]
    public async Task TestNumberChoosesHowTheCallEnds(string to, string finalStatus, string leg2Status, string price, int secondsAfterAnswer)
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        var placed = await exotel.PlaceAsync(account, ConnectForm(to));
        var sid = placed.GetProperty("Sid").GetString()!;
        var created = Clock.GetUtcNow();

        Assert.Equal("queued", placed.GetProperty("Status").GetString());
        Assert.Equal(ExotelTime.Format(created), placed.GetProperty("DateCreated").GetString());
        Assert.Equal("outbound-api", placed.GetProperty("Direction").GetString());
        Assert.Equal(to, placed.GetProperty("To").GetString());
        Assert.Equal(CallerId, placed.GetProperty("PhoneNumberSid").GetString());

        Clock.Advance(Ring);
        var answered = await exotel.GetCallAsync(account, sid, details: true);
        Assert.Equal("in-progress", answered.GetProperty("Status").GetString());
        Assert.Equal(JsonValueKind.Null, answered.GetProperty("Duration").ValueKind);
        Assert.Equal(JsonValueKind.Null, answered.GetProperty("Price").ValueKind);
        Assert.Equal("in-progress", answered.GetProperty("Details").GetProperty("Leg1Status").GetString());

        Clock.Advance(Talk);
        var ended = await exotel.GetCallAsync(account, sid, details: true);
        Assert.Equal(finalStatus, ended.GetProperty("Status").GetString());
        // A busy or failed second leg ends the call a moment after the first answers; the others ring or talk on.
        var endsAt = created + Ring + TimeSpan.FromSeconds(secondsAfterAnswer);
        Assert.Equal(ExotelTime.Format(endsAt), ended.GetProperty("EndTime").GetString());
        Assert.Equal(ExotelTime.Format(endsAt), ended.GetProperty("DateUpdated").GetString());
        Assert.Equal(((int)(endsAt - created).TotalSeconds).ToString(), ended.GetProperty("Duration").GetString());
        Assert.Equal(price, ended.GetProperty("Price").GetString());

        var details = ended.GetProperty("Details");
        Assert.Equal("completed", details.GetProperty("Leg1Status").GetString());
        Assert.Equal(leg2Status, details.GetProperty("Leg2Status").GetString());
        Assert.Equal(finalStatus == "completed" ? (int)Talk.TotalSeconds : 0, details.GetProperty("ConversationDuration").GetInt32());
        var legs = details.GetProperty("Legs").EnumerateArray().ToList();
        // Wrapped as the details page shows them: {"Leg":{"Id":1,"OnCallDuration":21}}.
        Assert.Equal(new[] { 1, 2 }, legs.Select(leg => leg.GetProperty("Leg").GetProperty("Id").GetInt32()));
        Assert.Equal(details.GetProperty("ConversationDuration").GetInt32(), legs[1].GetProperty("Leg").GetProperty("OnCallDuration").GetInt32());

        var plain = await exotel.GetCallAsync(account, sid);
        Assert.False(plain.TryGetProperty("Details", out _));
        Assert.Equal(finalStatus, exotel.Simulator.Calls.Single().FinalStatus.Value);
    }

    [Fact]
    public async Task FlowCallEndsByTheFromNumberAndReportsTheExoPhoneAsTo()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        var url = Uri.EscapeDataString($"http://my.exotel.com/{account.AccountSid}/exoml/start_voice/926");

        var placed = await exotel.PlaceAsync(account, $"From=09900000486&CallerId={CallerId}&Url={url}");
        Clock.Advance(Ring + Talk);
        var ended = await exotel.GetCallAsync(account, placed.GetProperty("Sid").GetString()!, details: true);

        Assert.Equal("busy", ended.GetProperty("Status").GetString());
        Assert.Equal(CallerId, ended.GetProperty("To").GetString());
        Assert.Single(ended.GetProperty("Details").GetProperty("Legs").EnumerateArray());
    }

    [Fact]
    public async Task ListingFiltersAndPagesThroughNextPageUriLeavingOutCallsInProgress()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        var completed = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            completed.Add((await exotel.PlaceAsync(account, ConnectForm("09900000002"))).GetProperty("Sid").GetString()!);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var busy = (await exotel.PlaceAsync(account, ConnectForm("09900000486"))).GetProperty("Sid").GetString()!;
        Clock.Advance(Ring + Talk);
        var inProgress = (await exotel.PlaceAsync(account, ConnectForm("09900000002"))).GetProperty("Sid").GetString()!;

        var listed = new List<string>();
        var next = $"/v1/Accounts/{account.AccountSid}/Calls.json?Status=completed&PageSize=2&SortBy=DateCreated:asc";
        var pages = 0;
        while (next is not null)
        {
            using var response = await exotel.GetRootedAsync(account, next);
            var page = await SimulatedExotel.ReadJsonAsync(response, 200);
            var metadata = page.GetProperty("Metadata");
            Assert.Equal(5, metadata.GetProperty("Total").GetInt32());
            Assert.Equal(2, metadata.GetProperty("PageSize").GetInt32());
            listed.AddRange(page.GetProperty("Calls").EnumerateArray().Select(call => call.GetProperty("Sid").GetString()!));
            next = metadata.GetProperty("NextPageUri").GetString();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(completed, listed);

        using var all = await exotel.GetAsync(account, "Calls.json");
        var allSids = (await SimulatedExotel.ReadJsonAsync(all, 200)).GetProperty("Calls").EnumerateArray().Select(call => call.GetProperty("Sid").GetString()).ToList();
        Assert.Equal(6, allSids.Count);
        Assert.Equal(busy, allSids[0]);
        Assert.DoesNotContain(inProgress, allSids);

        using var bySid = await exotel.GetAsync(account, $"Calls.json?Sid={completed[1]},{busy},{inProgress}&To=%2B919900000002");
        var bySidCalls = (await SimulatedExotel.ReadJsonAsync(bySid, 200)).GetProperty("Calls").EnumerateArray().ToList();
        Assert.Equal(completed[1], Assert.Single(bySidCalls).GetProperty("Sid").GetString());

        var from = Uri.EscapeDataString("gte:" + ExotelTime.Format(Clock.GetUtcNow() - Ring - Talk - TimeSpan.FromSeconds(2)));
        using var recent = await exotel.GetAsync(account, $"Calls.json?DateCreated={from}&SortBy=DateCreated:asc");
        var recentSids = (await SimulatedExotel.ReadJsonAsync(recent, 200)).GetProperty("Calls").EnumerateArray().Select(call => call.GetProperty("Sid").GetString()).ToList();
        Assert.Equal(new[] { completed[3], completed[4], busy }, recentSids);
    }

    [Theory]
    [InlineData("PageSize=101", "PageSize")]
    [InlineData("SortBy=Duration:asc", "SortBy")]
    [InlineData("DateCreated=yesterday", "DateCreated")]
    [InlineData("After=nosuchcursor", "After")]
    public async Task InvalidListingFilterIs400NamingIt(string query, string field)
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();

        using var response = await exotel.GetAsync(account, "Calls.json?" + query);

        var error = (await SimulatedExotel.ReadJsonAsync(response, 400)).GetProperty("RestException");
        Assert.Contains(field, error.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task XmlListingWrapsEachCallAndEndsWithNoNextPage()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        await exotel.PlaceAsync(account, ConnectForm("09900000002"));
        Clock.Advance(Ring + Talk);

        using var response = await exotel.GetAsync(account, "Calls");

        var root = await SimulatedExotel.ReadXmlAsync(response, 200);
        Assert.Equal("1", root.Element("Metadata")!.Element("Total")!.Value);
        Assert.True(root.Element("Metadata")!.Element("NextPageUri")!.IsEmpty);
        Assert.Equal("completed", Assert.Single(root.Element("Calls")!.Elements("Call")).Element("Status")!.Value);
    }

    [Fact]
    public async Task RecordKeepsEveryAcceptedCallSoDuplicatesCanBeCounted()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        var form = ConnectForm("09900000002", "&CustomField=order-42&StatusCallbackEvents[]=terminal");

        await exotel.PlaceAsync(account, form);
        await exotel.PlaceAsync(account, form);
        await exotel.PlaceAsync(account, ConnectForm("09900000002", "&CustomField=order-43&StatusCallbackEvents[0]=terminal&StatusCallbackEvents[1]=answered"));

        var calls = exotel.Simulator.Calls;
        Assert.Equal(2, calls.Count(call => call.Field("CustomField") == "order-42"));
        Assert.Equal(3, calls.Select(call => call.Sid).Distinct().Count());
        Assert.All(calls, call => Assert.Equal(account.AccountSid, call.AccountSid));
        Assert.Equal("answered", calls[2].Field("StatusCallbackEvents[1]"));
        Assert.Equal(3, exotel.Simulator.RequestCount);
    }

    [Fact]
    public async Task ServerErrorsStrikeBeforeOrAfterTheCallIsRecordedAndTheRecordSaysWhich()
    {
        await using var exotel = await StartAsync(options => options.Faults.ErrorRate = 1);
        var account = exotel.CreateAccount();
        for (var index = 0; index < 30; index++)
        {
            using var response = await exotel.ConnectAsync(account, ConnectForm("09900000002", $"&CustomField=row-{index}"));
            var error = (await SimulatedExotel.ReadJsonAsync(response, 500)).GetProperty("RestException");
            Assert.Equal(500, error.GetProperty("Status").GetInt32());
        }

        AssertFaultRecordMatchesCalls(exotel.Simulator, FaultKind.ServerError, 30);
    }

    [Fact]
    public async Task InjectedRateLimitsAre429WithRetryAfterAndPlaceNothing()
    {
        await using var exotel = await StartAsync(options => options.Faults.RateLimitRate = 1);
        var account = exotel.CreateAccount();
        for (var index = 0; index < 10; index++)
        {
            using var response = await exotel.ConnectAsync(account, ConnectForm("09900000002", $"&CustomField=row-{index}"));
            var error = (await SimulatedExotel.ReadJsonAsync(response, 429)).GetProperty("RestException");
            Assert.Equal("RATE_LIMIT_EXCEEDED", error.GetProperty("Code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        }

        Assert.Empty(exotel.Simulator.Calls);
        Assert.Equal(10, exotel.Simulator.RateLimitedCount);
        Assert.All(exotel.Simulator.InjectedFaults, fault => Assert.Equal((FaultKind.RateLimited, false), (fault.Kind, fault.CallRecorded)));
    }

    [Fact]
    public async Task DroppedConnectionsStrikeBeforeOrAfterTheCallIsRecordedAndTheRecordSaysWhich()
    {
        await using var exotel = await StartAsync(options => options.Faults.DropRate = 1);
        var account = exotel.CreateAccount();
        for (var index = 0; index < 30; index++)
        {
            var failure = await Assert.ThrowsAsync<HttpRequestException>(() => exotel.ConnectAsync(account, ConnectForm("09900000002", $"&CustomField=row-{index}")));
            AssertDropLooksLikeASocketFailure(failure);
        }

        AssertFaultRecordMatchesCalls(exotel.Simulator, FaultKind.Drop, 30);
    }

    [Fact]
    public async Task SlowBodyStillArrivesWhole()
    {
        await using var exotel = await StartAsync(options =>
        {
            options.Faults.SlowRate = 1;
            options.Faults.SlowBodyTime = TimeSpan.FromMilliseconds(200);
        });
        var account = exotel.CreateAccount();

        var call = await exotel.PlaceAsync(account, ConnectForm("09900000002"));

        Assert.Equal(exotel.Simulator.Calls.Single().Sid, call.GetProperty("Sid").GetString());
        var fault = Assert.Single(exotel.Simulator.InjectedFaults);
        Assert.Equal(FaultKind.SlowBody, fault.Kind);
        Assert.True(fault.CallRecorded);
    }

    [Fact]
    public async Task LatencyOutlastingTheClientsTimeoutLeavesThePlacedCallBehind()
    {
        await using var exotel = await StartAsync(options => options.Faults.Latency = TimeSpan.FromSeconds(30));
        var account = exotel.CreateAccount();
        using var cancel = new CancellationTokenSource();

        var request = exotel.SendAsync(account, HttpMethod.Post, "Calls/connect.json", ConnectForm("09900000002"), cancel.Token);
        await Eventually.TrueAsync(() => exotel.Simulator.Calls.Count == 1);
        Assert.False(request.IsCompleted);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.Single(exotel.Simulator.Calls);
    }

    protected abstract void AssertDropLooksLikeASocketFailure(HttpRequestException failure);

    /// <summary>Proves every faulted request's outcome from the record: a call exists exactly when the fault says it was recorded.</summary>
    private static void AssertFaultRecordMatchesCalls(ExotelSimulator simulator, FaultKind kind, int requests)
    {
        var faults = simulator.InjectedFaults;
        Assert.Equal(requests, faults.Count);
        Assert.All(faults, fault => Assert.Equal(kind, fault.Kind));
        var recorded = faults.Where(fault => fault.CallRecorded).Select(fault => fault.CallSid).ToList();
        Assert.Equal(recorded, simulator.Calls.Select(call => call.Sid));
        Assert.InRange(recorded.Count, 1, requests - 1);
    }
}

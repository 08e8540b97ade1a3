using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Emulator;

/// <summary>Voice v3 call details of the simulated Exotel, read through <see cref="ExotelClient"/>: the same simulated call as v1.</summary>
public abstract partial class SimulatedExotelContract
{
    [Fact]
    public async Task V3DetailsFollowTheSameCallAsV1()
    {
        await using var exotel = await StartAsync();
        using var client = new ExotelClient(exotel.CreateAccount(), exotel.Http);
        var placed = await client.ConnectAsync(new ConnectCallOptions
        {
            From = Agent, To = "+919900000002", CallerId = CallerId, Record = true, RecordingChannels = RecordingChannels.Dual, CustomField = "order-9",
        });

        var active = await client.GetCallDetailAsync(placed.Sid);
        Clock.Advance(Ring + Talk);
        var terminal = await client.GetCallDetailAsync(placed.Sid, includeLegs: true);
        var v1 = await client.GetCallAsync(placed.Sid, includeDetails: true);

        Assert.Equal("active", active.State);
        Assert.Null(active.Status);
        Assert.Null(active.EndTime);
        Assert.Empty(active.Recordings);
        Assert.Null(active.Legs);

        Assert.Equal(placed.Sid, terminal.Sid);
        Assert.Equal("terminal", terminal.State);
        Assert.Equal(CallStatus.Completed, terminal.Status);
        Assert.Equal(v1.DateCreated, terminal.CreatedTime);
        Assert.Equal(v1.EndTime, terminal.EndTime);
        Assert.Equal(v1.Duration, terminal.TotalDuration);
        Assert.Equal((int)Talk.TotalSeconds, terminal.TotalTalkTime);
        Assert.Equal(v1.Details!.ConversationDuration, terminal.TotalTalkTime);
        Assert.Equal("order-9", terminal.CustomField);
        Assert.Equal(v1.PhoneNumberSid, terminal.VirtualNumber);
        Assert.Null(terminal.AppId);
        Assert.Null(terminal.Digits);
        var recording = Assert.Single(terminal.Recordings);
        Assert.Equal(v1.RecordingUrl, recording.Url);
        Assert.Equal("dual", recording.Channels);
        Assert.Equal($"/v3/accounts/{client.Account.AccountSid}/calls/{placed.Sid}/legs", terminal.LegsUri);
        Assert.NotNull(terminal.RequestId);
        Assert.Collection(
            terminal.Legs!,
            from =>
            {
                Assert.Equal("from", from.Side);
                Assert.Equal(v1.From, from.ContactUri);
                Assert.Equal(CallStatus.Completed, from.Status);
                Assert.Equal(v1.DateCreated, from.CreatedTime);
            },
            to =>
            {
                Assert.Equal("to", to.Side);
                Assert.Equal(v1.To, to.ContactUri);
                Assert.Equal(CallStatus.Completed, to.Status);
                Assert.Equal(v1.DateUpdated, to.UpdatedTime);
            });
    }

    [Fact]
    public async Task V3DetailsOfAFlowCallReportTheAppAndTheDigitPressed()
    {
        await using var exotel = await StartAsync();
        using var client = new ExotelClient(exotel.CreateAccount(), exotel.Http);
        var placed = await client.ConnectToFlowAsync(new FlowCallOptions { From = "09900000207", CallerId = CallerId, FlowId = "926" });
        var busy = await client.ConnectToFlowAsync(new FlowCallOptions { From = "09900000486", CallerId = CallerId, FlowId = "926" });
        Clock.Advance(Ring + Talk);

        var detail = await client.GetCallDetailAsync(placed.Sid, includeLegs: true);
        var unanswered = await client.GetCallDetailAsync(busy.Sid);

        Assert.Equal("926", detail.AppId);
        Assert.Equal("Flow 926", detail.AppName);
        Assert.Equal("7", detail.Digits);
        Assert.Empty(detail.Recordings);
        Assert.Equal("from", Assert.Single(detail.Legs!).Side);
        Assert.Equal(CallStatus.Busy, unanswered.Status);
        Assert.Null(unanswered.Digits);
        Assert.Equal(0, unanswered.TotalTalkTime);
    }

    [Fact]
    public async Task AccountWithoutV3GetsV3NotEnabledAndV1StillWorks()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        exotel.Simulator.Options.AccountsWithoutV3.Add(account.AccountSid);
        using var client = new ExotelClient(account, exotel.Http);
        var placed = await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = "09900000002", CallerId = CallerId });

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.GetCallDetailAsync(placed.Sid));
        var v1 = await client.GetCallAsync(placed.Sid);

        Assert.Equal(ExotelErrorKind.V3NotEnabled, error.Kind);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal($"/v3/accounts/{account.AccountSid}/calls/{placed.Sid}", error.Path);
        Assert.Contains("no Voice v3 access", error.Message);
        Assert.False(account.Reveals(error.ToString()));
        Assert.Equal(placed.Sid, v1.Sid);
    }

    [Fact]
    public async Task UnknownCallOnV3IsNotFoundNotV3NotEnabled()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        using var client = new ExotelClient(account, exotel.Http);

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.GetCallDetailAsync("nosuchcall", includeLegs: true));

        Assert.Equal(ExotelErrorKind.NotFound, error.Kind);
        Assert.Contains("nosuchcall was not found", error.ExotelMessage);
        Assert.False(account.Reveals(error.ToString()));
    }

    [Fact]
    public async Task V3RequestsShareTheAccountsRateLimitWithV1()
    {
        await using var exotel = await StartAsync(options => options.RequestsPerMinute = 2);
        var account = exotel.CreateAccount();
        using var raw = await exotel.GetAsync(account, "Calls.json");
        using var v3 = await exotel.Http.SendAsync(Authorized(account, $"v3/accounts/{account.AccountSid}/calls/abc"));
        using var third = await exotel.Http.SendAsync(Authorized(account, $"v3/accounts/{account.AccountSid}/calls/abc"));

        Assert.Equal(200, (int)raw.StatusCode);
        Assert.Equal(404, (int)v3.StatusCode);
        Assert.Equal(429, (int)third.StatusCode);
        Assert.Equal(1, exotel.Simulator.RateLimitedCount);
    }

    private static HttpRequestMessage Authorized(ExotelAccount account, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = account.CreateAuthorizationHeader();
        return request;
    }
}

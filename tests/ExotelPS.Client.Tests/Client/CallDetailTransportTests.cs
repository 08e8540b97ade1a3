using ExotelPS.Client.Http;
using ExotelPS.Client.Tests.Parsing;

namespace ExotelPS.Client.Tests.Client;

/// <summary>Voice v3 over real HTTP: where requests go, what a 403 or 404 means on a v3 path, and retries as for any read.</summary>
public sealed class CallDetailTransportTests
{
    [Theory]
    [InlineData(403, "{\"RestException\":{\"Status\":403,\"Message\":\"Forbidden\"}}", ExotelErrorKind.V3NotEnabled)]
    [InlineData(404, "<html><body>Not Found</body></html>", ExotelErrorKind.V3NotEnabled)]
    [InlineData(404, "{\"RestException\":{\"Status\":404,\"Message\":\"No such resource\"}}", ExotelErrorKind.V3NotEnabled)]
    [InlineData(404, null, ExotelErrorKind.NotFound)]
    public async Task A_403_or_a_404_the_v3_api_did_not_write_means_no_v3(int status, string? body, ExotelErrorKind kind)
    {
        await using var server = await RecordingServer.StartAsync(status, body ?? Samples.Read("v3-error-404.json"));
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.GetCallDetailAsync("b6cf"));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal($"/v3/accounts/{account.AccountSid}/calls/b6cf", error.Path);
        Assert.Equal(kind == ExotelErrorKind.V3NotEnabled, error.Message.Contains("no Voice v3 access"));
        Assert.False(account.Reveals(error.ToString()));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_404_on_v1_stays_not_found()
    {
        await using var server = await RecordingServer.StartAsync(404, Answers.Error(404, "Resource not found"));
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.GetCallAsync("b6cf"));

        Assert.Equal(ExotelErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Details_then_legs_go_to_the_same_base_uri_with_basic_auth_and_a_5xx_is_retried()
    {
        var answers = new Queue<(int, string)>(new[]
        {
            (503, string.Empty),
            (200, Samples.Read("v3-call-details.json")),
            (200, Samples.Read("v3-call-legs.json")),
        });
        await using var server = await RecordingServer.StartAsync((_, _, context) =>
        {
            var (status, body) = answers.Dequeue();
            return RecordingServer.WriteAsync(context, status, body);
        });
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);

        var detail = await client.GetCallDetailAsync("b6cfaf5f5cef3ca0fc937749ef96d245", includeLegs: true);

        Assert.Equal(2, detail.Legs!.Count);
        Assert.Equal(
            new[] { "/v3/accounts/{0}/calls/b6cfaf5f5cef3ca0fc937749ef96d245", "/v3/accounts/{0}/calls/b6cfaf5f5cef3ca0fc937749ef96d245", "/v3/accounts/{0}/calls/b6cfaf5f5cef3ca0fc937749ef96d245/legs" }
                .Select(path => string.Format(System.Globalization.CultureInfo.InvariantCulture, path, account.AccountSid)),
            server.Requests.Select(request => request.Path));
        Assert.All(server.Requests, request => Assert.Equal(account.CreateAuthorizationHeader().ToString(), request.Authorization));
    }

    [Fact]
    public async Task V3_reads_take_their_turn_in_the_same_per_account_pacing_as_v1()
    {
        await using var server = await RecordingServer.StartAsync((request, _, context) => RecordingServer.WriteAsync(
            context, 200, request.Path.StartsWith("/v3/", StringComparison.Ordinal) ? Samples.Read("v3-call-details.json") : Answers.Call("b6cf", "completed")));
        var clock = new SkipAheadTimeProvider();
        using var client = TestClients.Create(server.CreateAccount(), clock);

        await client.GetCallAsync("b6cf");
        await client.GetCallDetailAsync("b6cf");
        await client.GetCallAsync("b6cf");
        await client.GetCallDetailAsync("b6cf");

        // Four requests on one bucket: every one after the first waits the account's interval.
        var interval = new ExotelPS.Client.Throttling.TokenBucket(client.Options.RequestsPerMinute).Interval;
        Assert.Equal(3, clock.Delays.Count);
        Assert.All(clock.Delays, delay => Assert.InRange(delay, interval - SkipAheadTimeProvider.Tick, interval + SkipAheadTimeProvider.Tick));
    }

    [Theory]
    [InlineData(ExotelRegion.Singapore, "https://ccm-api.exotel.com/v3/accounts/acme/calls/b6cf/legs")]
    [InlineData(ExotelRegion.Mumbai, "https://ccm-api.in.exotel.com/v3/accounts/acme/calls/b6cf/legs")]
    public void The_region_decides_the_v3_host(ExotelRegion region, string expected)
    {
        var endpoints = new ExotelEndpoints(new ExotelAccount("acme", "key", "token", region));

        Assert.Equal(expected, endpoints.CallLegs("b6cf").ToString());
        Assert.Equal(expected.Replace("/legs", string.Empty), endpoints.CallDetail("b6cf").ToString());
    }

    [Theory]
    [InlineData("https://api.in.exotel.com/", "https://ccm-api.in.exotel.com/")]
    [InlineData("https://exotel-proxy.example.com:8443/", "https://exotel-proxy.example.com:8443/")]
    [InlineData("http://127.0.0.1:5099/", "http://127.0.0.1:5099/")]
    public void A_custom_base_uri_serves_v3_itself_unless_it_is_a_regions_own(string baseUri, string expected)
    {
        Assert.Equal(new Uri(expected), new ExotelAccount("acme", "key", "token", new Uri(baseUri)).V3BaseUri);
    }

    [Fact]
    public void A_sid_that_is_not_one_path_segment_is_refused_before_sending()
    {
        var endpoints = new ExotelEndpoints(new ExotelAccount("acme", "key", "token"));

        var error = Assert.Throws<ExotelValidationException>(() => endpoints.CallDetail("../other"));

        Assert.Equal("CallSid", Assert.Single(error.Failures).Field);
    }
}

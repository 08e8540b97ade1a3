namespace ExotelPS.Client.Tests.Client;

/// <summary>What each operation puts on the wire, checked on a real HTTP server on 127.0.0.1.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public async Task Connect_posts_every_field_as_a_form_in_documented_order_with_basic_auth_in_the_header_only()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Call("c1"));
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);
        var options = EveryField.Request();

        var call = await client.ConnectAsync(options);

        Assert.Equal("c1", call.Sid);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1/Accounts/{account.AccountSid}/Calls/connect.json", request.Path);
        Assert.Equal(string.Empty, request.Query);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(options.ToForm(account.AccountSid), request.FormFields);
        Assert.Equal(EveryField.Form, request.FormFields);
        Assert.Contains(new KeyValuePair<string, string>("CustomField", "order 42 & co"), request.FormFields);
        Assert.Equal(account.CreateAuthorizationHeader().ToString(), request.Authorization);
        Assert.False(account.Reveals(request.RawTarget));
        Assert.Matches(@"^ExotelPS/\d+\.\d+\.\d+$", request.UserAgent);
    }

    [Fact]
    public async Task Flow_call_by_id_sends_the_flow_url_built_from_the_id()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Call("c2"));
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);

        var options = new FlowCallOptions { From = "09900000001", CallerId = "08030752400", FlowId = "926" };
        await client.ConnectToFlowAsync(options);

        var fields = Assert.Single(server.Requests).FormFields;
        Assert.Equal(options.ToForm(account.AccountSid), fields);
        Assert.Equal(new[] { "CallerId", "From", "Url" }, fields.Select(field => field.Key).OrderBy(key => key, StringComparer.Ordinal));
        Assert.Contains(new KeyValuePair<string, string>("Url", FlowCallOptions.FlowUrlFor(account.AccountSid, "926")), fields);
    }

    [Fact]
    public async Task Flow_call_by_url_sends_the_url_as_given()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Call("c3"));
        using var client = TestClients.Create(server.CreateAccount());
        const string flowUrl = "http://my.exotel.com/acme/exoml/start_voice/77";

        await client.PlaceCallAsync(new FlowCallOptions { From = "09900000001", CallerId = "08030752400", FlowUrl = flowUrl });

        Assert.Contains(new KeyValuePair<string, string>("Url", flowUrl), Assert.Single(server.Requests).FormFields);
    }

    [Fact]
    public async Task Invalid_call_options_throw_before_anything_is_sent()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Call("never"));
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelValidationException>(
            () => client.ConnectAsync(new ConnectCallOptions { From = "12", To = "09900000002", CallerId = "08030752400" }));

        Assert.Equal("From", Assert.Single(error.Failures).Field);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "?details=true")]
    public async Task Get_call_reads_one_call_with_or_without_details(bool details, string query)
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Call("CA1", "completed"));
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);

        var call = await client.GetCallAsync("CA1", details);

        Assert.Equal(CallStatus.Completed, call.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1/Accounts/{account.AccountSid}/Calls/CA1.json", request.Path);
        Assert.Equal(query, request.Query);
        Assert.Equal(account.CreateAuthorizationHeader().ToString(), request.Authorization);
    }

    [Fact]
    public async Task Get_call_escapes_the_sid_segment()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Call("a%b"));
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);

        await client.GetCallAsync("a%b");

        Assert.Equal($"/v1/Accounts/{account.AccountSid}/Calls/a%25b.json", Assert.Single(server.Requests).RawTarget);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a b")]
    public async Task Get_call_refuses_a_sid_that_is_not_one_path_segment(string sid)
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Call("x"));
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelValidationException>(() => client.GetCallAsync(sid));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("CallSid", failure.Field);
        Assert.Equal(sid, failure.Value);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_sends_every_filter_in_exotel_syntax_properly_escaped()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Page(new[] { "s1" }));
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);
        var after = new DateTimeOffset(2024, 5, 1, 4, 30, 0, TimeSpan.Zero); // 10:00 in India
        var options = new ListCallsOptions
        {
            Sids = { "s1", "s2" },
            CreatedAfter = after,
            CreatedBefore = after.AddDays(2),
            To = { "+91 99000 00002", "09900000003" },
            From = { "099-0000-0001" },
            Statuses = { CallStatus.Completed, CallStatus.NoAnswer },
            Direction = CallDirection.OutboundApi,
            PageSize = 20,
            SortAscending = true,
        };

        var page = await client.GetCallPageAsync(options);

        Assert.Equal("s1", Assert.Single(page.Calls).Sid);
        var request = Assert.Single(server.Requests);
        Assert.Equal($"/v1/Accounts/{account.AccountSid}/Calls.json", request.Path);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Sid"] = "s1,s2",
                ["DateCreated"] = "gte:2024-05-01 10:00:00;lte:2024-05-03 10:00:00",
                ["To"] = "+919900000002,09900000003",
                ["From"] = "09900000001",
                ["Status"] = "completed,no-answer",
                ["Direction"] = "outbound-api",
                ["PageSize"] = "20",
                ["SortBy"] = "DateCreated:asc",
            }.ToList(),
            request.QueryFields);
        Assert.DoesNotContain(" ", request.RawTarget);
        Assert.Contains("DateCreated=gte%3A2024-05-01%2010%3A00%3A00%3Blte%3A", request.RawTarget);
    }

    [Fact]
    public async Task List_with_one_date_bound_and_descending_sort_sends_only_those()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Page(Array.Empty<string>()));
        using var client = TestClients.Create(server.CreateAccount());
        var before = new DateTimeOffset(2024, 5, 1, 10, 0, 0, ExotelTime.Offset);

        await client.GetCallPageAsync(new ListCallsOptions { CreatedBefore = before, SortAscending = false });

        Assert.Equal(
            new[] { new KeyValuePair<string, string>("DateCreated", "lte:2024-05-01 10:00:00"), new KeyValuePair<string, string>("SortBy", "DateCreated:desc") },
            Assert.Single(server.Requests).QueryFields);
    }

    public static TheoryData<ListCallsOptions, string, string> InvalidListings() => new()
    {
        { new ListCallsOptions { Sids = Enumerable.Range(0, 101).Select(i => "s" + i).ToList() }, "Sid", "101 Sids" },
        { new ListCallsOptions { Sids = { "ok", "a,b" } }, "Sid", "a,b" },
        { new ListCallsOptions { To = Enumerable.Range(1, 6).Select(n => "0990000000" + n).ToList() }, "To", "09900000001,09900000002,09900000003,09900000004,09900000005,09900000006" },
        { new ListCallsOptions { From = { "09900000001", "abc" } }, "From", "abc" },
        { new ListCallsOptions { PageSize = 0 }, "PageSize", "0" },
        { new ListCallsOptions { PageSize = 101 }, "PageSize", "101" },
        { new ListCallsOptions { Statuses = { new CallStatus(" ") } }, "Status", string.Empty },
        {
            new ListCallsOptions { CreatedAfter = new DateTimeOffset(2024, 5, 2, 0, 0, 0, ExotelTime.Offset), CreatedBefore = new DateTimeOffset(2024, 5, 1, 0, 0, 0, ExotelTime.Offset) },
            "DateCreated",
            "2024-05-02 00:00:00 to 2024-05-01 00:00:00"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidListings))]
    public async Task Invalid_list_filters_name_the_field_and_value_and_send_nothing(ListCallsOptions options, string field, string value)
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Page(Array.Empty<string>()));
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelValidationException>(() => client.GetCallPageAsync(options));
        Assert.Throws<ExotelValidationException>(() => client.ListCallsAsync(options));

        var failure = Assert.Single(error.Failures);
        Assert.Equal(field, failure.Field);
        Assert.Equal(value, failure.Value);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Verify_credentials_makes_one_cheap_listing_and_reports_401_as_unauthorized()
    {
        await using var server = await RecordingServer.StartAsync(401, Answers.Error(401, "Authentication required"));
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.VerifyCredentialsAsync());

        Assert.Equal(ExotelErrorKind.Unauthorized, error.Kind);
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal("Authentication required", error.ExotelMessage);
        var request = Assert.Single(server.Requests);
        Assert.Equal($"/v1/Accounts/{account.AccountSid}/Calls.json", request.Path);
        Assert.Equal("?PageSize=1", request.Query);
    }
}

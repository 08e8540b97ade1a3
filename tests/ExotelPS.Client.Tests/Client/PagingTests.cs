namespace ExotelPS.Client.Tests.Client;

/// <summary>Listing follows NextPageUri lazily, and only on the account's own server.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Listing_yields_the_first_page_before_asking_for_the_second()
    {
        RecordingServer? server = null;
        server = await RecordingServer.StartAsync((request, number, context) =>
        {
            var next = $"/v1/Accounts/{request.Path.Split('/')[3]}/Calls.json?PageSize=2&After=cursor%201";
            return RecordingServer.WriteAsync(context, 200, number == 1 ? Answers.Page(new[] { "a", "b" }, next) : Answers.Page(new[] { "c" }));
        });
        await using var _ = server;
        using var client = TestClients.Create(server.CreateAccount());

        await using var calls = client.ListCallsAsync(new ListCallsOptions { PageSize = 2 }).GetAsyncEnumerator();
        Assert.True(await calls.MoveNextAsync());
        Assert.Equal("a", calls.Current.Sid);
        Assert.Single(server.Requests);
        Assert.True(await calls.MoveNextAsync());
        Assert.Equal("b", calls.Current.Sid);
        Assert.Single(server.Requests);

        Assert.True(await calls.MoveNextAsync());
        Assert.Equal("c", calls.Current.Sid);
        Assert.False(await calls.MoveNextAsync());
        var second = server.Requests[1];
        Assert.Equal("?PageSize=2&After=cursor%201", second.Query);
        Assert.Equal(server.Requests[0].Authorization, second.Authorization);
    }

    [Theory]
    [InlineData("http://127.0.0.2:{port}/v1/Accounts/x/Calls.json?After=1")]
    [InlineData("https://127.0.0.1:{port}/v1/Accounts/x/Calls.json")]
    [InlineData("http://127.0.0.1:1/v1/Accounts/x/Calls.json")]
    [InlineData("http://user:pass@127.0.0.1:{port}/v1/Accounts/x/Calls.json")]
    [InlineData("https://evil.example.com/v1/Accounts/x/Calls.json")]
    public async Task A_next_page_on_another_server_is_refused_before_credentials_go_there(string nextTemplate)
    {
        RecordingServer? server = null;
        server = await RecordingServer.StartAsync((_, _, context) =>
            RecordingServer.WriteAsync(context, 200, Answers.Page(new[] { "a" }, nextTemplate.Replace("{port}", server!.BaseUri.Port.ToString()))));
        await using var _ = server;
        using var client = TestClients.Create(server.CreateAccount());
        var next = nextTemplate.Replace("{port}", server.BaseUri.Port.ToString());

        var listed = new List<string>();
        var error = await Assert.ThrowsAsync<ExotelValidationException>(async () =>
        {
            await foreach (var call in client.ListCallsAsync(new ListCallsOptions()))
            {
                listed.Add(call.Sid);
            }
        });
        var direct = await Assert.ThrowsAsync<ExotelValidationException>(() => client.GetCallPageAsync(next));

        Assert.Equal(new[] { "a" }, listed);
        Assert.Equal("NextPageUri", Assert.Single(error.Failures).Field);
        Assert.Equal(next, Assert.Single(direct.Failures).Value);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_absolute_next_page_on_the_same_server_is_followed()
    {
        RecordingServer? server = null;
        server = await RecordingServer.StartAsync((_, number, context) =>
            RecordingServer.WriteAsync(context, 200, number == 1 ? Answers.Page(new[] { "a" }, server!.BaseUri + "v1/Accounts/x/Calls.json?After=a") : Answers.Page(new[] { "b" })));
        await using var _ = server;
        using var client = TestClients.Create(server.CreateAccount());

        var sids = new List<string>();
        await foreach (var call in client.ListCallsAsync(new ListCallsOptions()))
        {
            sids.Add(call.Sid);
        }

        Assert.Equal(new[] { "a", "b" }, sids);
        Assert.Equal("/v1/Accounts/x/Calls.json", server.Requests[1].Path);
    }
}

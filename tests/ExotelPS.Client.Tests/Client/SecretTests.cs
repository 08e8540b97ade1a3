using System.Collections.Concurrent;

namespace ExotelPS.Client.Tests.Client;

/// <summary>The API token and the encoded credentials never appear in an exception or a trace line.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task No_exception_or_trace_line_reveals_the_credentials()
    {
        await using var server = await RecordingServer.StartAsync(async (request, number, context) =>
        {
            switch (number % 5)
            {
                case 0:
                    context.Abort();
                    break;
                case 1:
                    context.Response.Headers.RetryAfter = "1";
                    await RecordingServer.WriteAsync(context, 429, Answers.Error(429, "Too many requests", "RATE_LIMIT_EXCEEDED"));
                    break;
                case 2:
                    await RecordingServer.WriteAsync(context, 500, "<html>oops</html>", "text/html");
                    break;
                case 3:
                    await RecordingServer.WriteAsync(context, 401, Answers.Error(401, "Authentication failed"));
                    break;
                default:
                    await RecordingServer.WriteAsync(context, 200, request.Method == "POST" ? Answers.Call("c") : Answers.Page(new[] { "c" }));
                    break;
            }
        });
        var account = server.CreateAccount();
        var trace = new ConcurrentQueue<string>();
        using var client = TestClients.Create(account, new ExotelClientOptions { MaxRetries = 1, Trace = trace.Enqueue });
        var call = new ConnectCallOptions { From = "09900000001", To = "09900000002", CallerId = "08030752400" };

        var errors = new List<Exception>();
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await (i % 2 == 0 ? client.ConnectAsync(call) : client.VerifyCredentialsAsync());
            }
            catch (ExotelException error)
            {
                errors.Add(error);
            }
        }

        Assert.NotEmpty(errors);
        Assert.NotEmpty(trace);
        Assert.All(errors, error => Assert.False(account.Reveals(error.ToString())));
        Assert.All(trace, line => Assert.False(account.Reveals(line), line));
        Assert.False(account.Reveals(client.ToString()));
        Assert.False(account.Reveals(client.Options.ToString()));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    [InlineData("code")]
    public async Task A_server_that_echoes_the_request_in_its_error_leaks_no_credential_into_messages_or_the_journal(string shape)
    {
        var folder = Directory.CreateTempSubdirectory("exotelps-echo-").FullName;
        try
        {
            ExotelAccount? account = null;
            await using var server = await RecordingServer.StartAsync(async (request, _, context) =>
            {
                // What a proxy might say: the whole request, credentials included, in every spelling.
                var keyAndToken = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(request.Authorization!.Substring("Basic ".Length)));
                var echo = $"bad request; authorization: {request.Authorization}; Proxy-Authorization= Basic abc; user {keyAndToken}; token {keyAndToken.Split(':')[1]}";
                var body = shape switch
                {
                    "xml" => $"<TwilioResponse><RestException><Status>400</Status><Message>{System.Security.SecurityElement.Escape(echo)}</Message></RestException></TwilioResponse>",
                    "code" => Answers.Error(400, "bad", echo),
                    _ => Answers.Error(400, echo),
                };
                await RecordingServer.WriteAsync(context, 400, body, shape == "xml" ? "application/xml" : "application/json");
            });
            account = server.CreateAccount();
            using var client = TestClients.Create(account);
            var path = Path.Combine(folder, "calls.jsonl");
            DispatchResult<int> result;
            using (var journal = CallJournal.Open(path))
            using (var dispatcher = new CallDispatcher<int>(client.PlaceCallAsync, journal: journal))
            {
                dispatcher.Post(0, new ConnectCallOptions { From = "09900000001", To = "09900000002", CallerId = "08030752400" });
                dispatcher.Complete();
                result = dispatcher.TakeAll().Single();
            }

            var error = Assert.IsType<ExotelApiException>(result.Error);
            Assert.Equal(ExotelErrorKind.InvalidInput, error.Kind);
            Assert.False(account.Reveals(error.ToString()), error.Message);
            Assert.False(account.Reveals(error.ExotelMessage + error.Code), error.ExotelMessage);
            Assert.DoesNotContain("Basic abc", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(account.ApiKey + ":", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("bad", error.Message, StringComparison.Ordinal);
            Assert.False(account.Reveals(File.ReadAllText(path)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_echoes_the_credentials_into_an_answer_leaks_them_into_no_field_or_read_warning()
    {
        await using var server = await RecordingServer.StartAsync(async (request, _, context) =>
        {
            // A proxy or a misbehaving server: the credentials in a text field, and in a number field the reader
            // cannot read (so its warning would quote it).
            var keyAndToken = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(request.Authorization!.Substring("Basic ".Length)));
            var token = keyAndToken.Split(':')[1];
            var body = "{\"Call\":{\"Sid\":\"c1\",\"Status\":\"completed\",\"CallerName\":\"" + request.Authorization + " " + keyAndToken +
                "\",\"Duration\":\"" + token + "\",\"Price\":\"" + request.Authorization!.Substring("Basic ".Length) + "\"}}";
            await RecordingServer.WriteAsync(context, 200, body);
        });
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);

        var call = await client.GetCallAsync("c1");

        Assert.Equal("c1", call.Sid);
        Assert.Null(call.Duration);
        Assert.NotNull(call.ReadWarnings);
        Assert.False(account.Reveals(call.ReadWarnings), call.ReadWarnings);
        Assert.False(account.Reveals(call.CallerName), call.CallerName);
        Assert.DoesNotContain(account.ApiKey + ":", call.CallerName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_echoed_error_message_is_cut_to_a_readable_length()
    {
        var huge = new string('x', 1_000_000);
        await using var server = await RecordingServer.StartAsync(400, Answers.Error(400, "To " + huge + " is invalid", "CODE" + huge));
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(new ConnectCallOptions { From = "09900000001", To = "09900000002", CallerId = "08030752400" }));

        Assert.True(error.Message.Length < 2_000, $"{error.Message.Length} characters");
        Assert.True(error.ExotelMessage!.Length < 1_000 && error.Code!.Length < 1_000);
    }
}

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
}

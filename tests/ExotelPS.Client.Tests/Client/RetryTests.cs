using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace ExotelPS.Client.Tests.Client;

/// <summary>
/// Retries and outcomes over real HTTP: 429s are honoured and retried, reads retry transient failures, and a call
/// request is never sent twice once it may have reached Exotel. Waits go to a fake clock, so nothing sleeps.
/// </summary>
public sealed class RetryTests
{
    private static readonly ConnectCallOptions Call = new() { From = "09900000001", To = "09900000002", CallerId = "08030752400" };

    [Fact]
    public async Task A_429_with_retry_after_seconds_pauses_that_long_then_retries()
    {
        await using var server = await RecordingServer.StartAsync(async (_, number, context) =>
        {
            if (number == 1)
            {
                context.Response.Headers.RetryAfter = "7";
                await RecordingServer.WriteAsync(context, 429, Answers.Error(429, "Too many requests", "RATE_LIMIT_EXCEEDED"));
            }
            else
            {
                await RecordingServer.WriteAsync(context, 200, Answers.Call("c1"));
            }
        });
        var clock = new SkipAheadTimeProvider();
        using var client = TestClients.Create(server.CreateAccount(), clock);

        var call = await client.ConnectAsync(Call);

        Assert.Equal("c1", call.Sid);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, clock.Delays);
    }

    [Fact]
    public async Task A_429_with_retry_after_date_pauses_until_that_date()
    {
        var clock = new SkipAheadTimeProvider();
        var retryAt = clock.GetUtcNow().AddSeconds(40);
        await using var server = await RecordingServer.StartAsync(async (_, number, context) =>
        {
            if (number == 1)
            {
                context.Response.Headers.RetryAfter = retryAt.ToString("r", CultureInfo.InvariantCulture);
                await RecordingServer.WriteAsync(context, 429, Answers.Error(429, "Too many requests"));
            }
            else
            {
                await RecordingServer.WriteAsync(context, 200, Answers.Call("c1"));
            }
        });
        using var client = TestClients.Create(server.CreateAccount(), clock);

        await client.GetCallAsync("c1");

        Assert.Equal(new[] { TimeSpan.FromSeconds(40) }, clock.Delays);
    }

    [Fact]
    public async Task Retry_after_is_capped_by_max_retry_delay()
    {
        var clock = new SkipAheadTimeProvider();
        await using var server = await RecordingServer.StartAsync(async (_, number, context) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            await RecordingServer.WriteAsync(context, number == 1 ? 429 : 200, number == 1 ? Answers.Error(429, "slow down") : Answers.Call("c1"));
        });
        using var client = TestClients.Create(server.CreateAccount(), clock, new ExotelClientOptions { MaxRetryDelay = TimeSpan.FromSeconds(20) });

        await client.GetCallAsync("c1");

        Assert.Equal(new[] { TimeSpan.FromSeconds(20) }, clock.Delays);
    }

    [Fact]
    public async Task A_429_without_retry_after_backs_off_within_the_exponential_ceiling()
    {
        var clock = new SkipAheadTimeProvider();
        await using var server = await RecordingServer.StartAsync(429, Answers.Error(429, "Too many requests", "RATE_LIMIT_EXCEEDED"));
        var options = new ExotelClientOptions { MaxRetries = 4, RetryBaseDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(5) };
        using var client = TestClients.Create(server.CreateAccount(), clock, options);

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Call));

        Assert.Equal(ExotelErrorKind.RateLimited, error.Kind);
        Assert.False(error.MayHaveBeenPlaced);
        Assert.Equal(429, error.HttpStatus);
        Assert.Equal(429, error.ExotelStatus);
        Assert.Equal("RATE_LIMIT_EXCEEDED", error.Code);
        Assert.Equal(5, server.Requests.Count);
        var ceilings = new[] { 1, 2, 4, 5 };
        Assert.All(clock.Delays.Zip(ceilings), pair => Assert.InRange(pair.First, TimeSpan.Zero, TimeSpan.FromSeconds(pair.Second)));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_call_request_answered_with_5xx_is_not_retried_and_may_have_been_placed(int status)
    {
        await using var server = await RecordingServer.StartAsync(status, "<html><body>Bad gateway</body></html>");
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Call));

        Assert.Equal(ExotelErrorKind.OutcomeUnknown, error.Kind);
        Assert.True(error.MayHaveBeenPlaced);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal("POST", error.Method);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_call_request_that_times_out_is_not_retried_and_may_have_been_placed()
    {
        await using var server = await RecordingServer.StartAsync((_, _, context) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var client = TestClients.Create(server.CreateAccount(), new ExotelClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Call));

        Assert.Equal(ExotelErrorKind.OutcomeUnknown, error.Kind);
        Assert.True(error.MayHaveBeenPlaced);
        Assert.Null(error.HttpStatus);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_call_request_whose_connection_drops_is_not_retried_and_may_have_been_placed()
    {
        await using var server = await RecordingServer.StartAsync((_, _, context) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Call));

        Assert.Equal(ExotelErrorKind.OutcomeUnknown, error.Kind);
        Assert.True(error.MayHaveBeenPlaced);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_call_request_refused_a_connection_is_retried_and_then_reported_unreachable()
    {
        var trace = new ConcurrentQueue<string>();
        var account = new ExotelAccount("acct", "key", "secret-token", new Uri($"http://127.0.0.1:{ClosedPort()}/"));
        using var client = TestClients.Create(account, new ExotelClientOptions { MaxRetries = 2, Trace = trace.Enqueue });

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Call));

        Assert.Equal(ExotelErrorKind.Unreachable, error.Kind);
        Assert.False(error.MayHaveBeenPlaced);
        Assert.Equal(3, trace.Count(line => line.EndsWith(": sending", StringComparison.Ordinal)));
        Assert.Equal(2, trace.Count(line => line.Contains("retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_call_request_refused_a_connection_succeeds_once_the_server_is_up()
    {
        var port = ClosedPort();
        var account = new ExotelAccount("acct", "key", "secret-token", new Uri($"http://127.0.0.1:{port}/"));
        var listener = new TcpListener(IPAddress.Loopback, port);
        var started = 0;
        var clock = new SkipAheadTimeProvider { OnDelay = () => { if (Interlocked.Exchange(ref started, 1) == 0) { listener.Start(); } } };
        var trace = new ConcurrentQueue<string>();
        using var client = TestClients.Create(account, clock, new ExotelClientOptions { Trace = trace.Enqueue });
        var answering = AnswerOnceAsync(listener, Answers.Call("late"));

        try
        {
            var call = await client.ConnectAsync(Call);

            Assert.Equal("late", call.Sid);
            Assert.StartsWith("POST /v1/Accounts/acct/Calls/connect.json", await answering);
            Assert.Contains(trace, line => line.Contains("not sent", StringComparison.Ordinal));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_read_answered_with_5xx_is_retried(int status)
    {
        await using var server = await RecordingServer.StartAsync((_, number, context) =>
            number == 1 ? RecordingServer.WriteAsync(context, status, "oops", "text/plain") : RecordingServer.WriteAsync(context, 200, Answers.Call("c1", "completed")));
        using var client = TestClients.Create(server.CreateAccount());

        var call = await client.GetCallAsync("c1");

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_read_whose_connection_drops_is_retried()
    {
        await using var server = await RecordingServer.StartAsync((_, number, context) =>
        {
            if (number == 1)
            {
                context.Abort();
                return Task.CompletedTask;
            }

            return RecordingServer.WriteAsync(context, 200, Answers.Page(new[] { "a" }));
        });
        using var client = TestClients.Create(server.CreateAccount());

        var page = await client.GetCallPageAsync(new ListCallsOptions());

        Assert.Equal("a", Assert.Single(page.Calls).Sid);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_read_failing_with_5xx_every_time_is_rejected_after_the_retries_even_with_an_html_body()
    {
        await using var server = await RecordingServer.StartAsync(502, "<html><head><title>502 Bad Gateway</title></head></html>");
        using var client = TestClients.Create(server.CreateAccount(), new ExotelClientOptions { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.GetCallAsync("c1"));

        Assert.Equal(ExotelErrorKind.Rejected, error.Kind);
        Assert.Equal(502, error.HttpStatus);
        Assert.Null(error.ExotelMessage);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData(400, ExotelErrorKind.InvalidInput)]
    [InlineData(401, ExotelErrorKind.Unauthorized)]
    [InlineData(402, ExotelErrorKind.Forbidden)]
    [InlineData(403, ExotelErrorKind.Forbidden)]
    [InlineData(404, ExotelErrorKind.NotFound)]
    [InlineData(409, ExotelErrorKind.Rejected)]
    [InlineData(422, ExotelErrorKind.Rejected)]
    public async Task Client_errors_map_to_a_kind_carry_exotels_details_and_are_not_retried(int status, ExotelErrorKind kind)
    {
        await using var server = await RecordingServer.StartAsync(status, Answers.Error(status, "Number is on the NDNC list", "NDNC"));
        var account = server.CreateAccount();
        using var client = TestClients.Create(account);

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Call));

        Assert.Equal(kind, error.Kind);
        Assert.False(error.MayHaveBeenPlaced);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(status, error.ExotelStatus);
        Assert.Equal("Number is on the NDNC list", error.ExotelMessage);
        Assert.Equal("NDNC", error.Code);
        Assert.Equal("POST", error.Method);
        Assert.Equal($"/v1/Accounts/{account.AccountSid}/Calls/connect.json", error.Path);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_xml_error_body_is_read_too()
    {
        const string xml = "<TwilioResponse><RestException><Status>400</Status><Message>No 'From' specified</Message></RestException></TwilioResponse>";
        await using var server = await RecordingServer.StartAsync((_, _, context) => RecordingServer.WriteAsync(context, 400, xml, "application/xml"));
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Call));

        Assert.Equal(ExotelErrorKind.InvalidInput, error.Kind);
        Assert.Equal("No 'From' specified", error.ExotelMessage);
    }

    [Fact]
    public async Task An_accepted_call_with_an_unreadable_answer_may_have_been_placed()
    {
        await using var server = await RecordingServer.StartAsync(200, "{\"Nope\":1}");
        using var client = TestClients.Create(server.CreateAccount());

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Call));

        Assert.Equal(ExotelErrorKind.OutcomeUnknown, error.Kind);
        Assert.True(error.MayHaveBeenPlaced);
        Assert.Equal(200, error.HttpStatus);
    }

    [Fact]
    public async Task Cancelling_stops_a_hanging_request_promptly_with_operation_canceled_not_an_outcome()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await RecordingServer.StartAsync(async (_, _, context) =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = TestClients.Create(server.CreateAccount(), new ExotelClientOptions { RequestTimeout = TimeSpan.FromMinutes(10) });
        using var cancel = new CancellationTokenSource();

        var placing = client.ConnectAsync(Call, cancel.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => placing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_rate_limit_pause_stops_the_wait()
    {
        await using var server = await RecordingServer.StartAsync(async (_, _, context) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            await RecordingServer.WriteAsync(context, 429, Answers.Error(429, "slow down"));
        });
        var account = server.CreateAccount();
        using var client = new ExotelClient(account, new ExotelClientOptions { MaxRetryDelay = TimeSpan.FromHours(1) });
        using var cancel = new CancellationTokenSource();

        var reading = client.GetCallAsync("c1", cancellationToken: cancel.Token);
        await Eventually.TrueAsync(() => server.Requests.Count == 1);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(server.Requests);
    }

    private static int ClosedPort()
    {
        // Bind to a free port and release it: nothing listens there afterwards, so connecting is refused.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static async Task<string> AnswerOnceAsync(TcpListener listener, string body)
    {
        // Waits for the clock to start the listener, then serves exactly one HTTP/1.1 request by hand.
        while (true)
        {
            try
            {
                using var socket = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));
                var stream = socket.GetStream();
                var buffer = new byte[16384];
                var read = await stream.ReadAsync(buffer);
                var request = System.Text.Encoding.ASCII.GetString(buffer, 0, read);
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(bytes);
                return request;
            }
            catch (InvalidOperationException)
            {
                // Not started yet.
                await Task.Delay(10);
            }
        }
    }
}

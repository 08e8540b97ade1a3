using System.Collections.Concurrent;
using ExotelPS.Client.Tests.Client;
using Microsoft.AspNetCore.Http;

namespace ExotelPS.Client.Tests.Waiting;

/// <summary>Waiting for calls: batched listings, timeouts, errors, order and cancellation.</summary>
public sealed class CallWaiterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Pending_calls_are_polled_in_batches_of_at_most_100_sids_and_each_listed_call_is_final()
    {
        await using var server = await RecordingServer.StartAsync((request, _, context) =>
            RecordingServer.WriteAsync(context, 200, Answers.Page(SidsOf(request), status: "busy")));
        using var client = new ExotelClient(server.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = 10_000 });
        var sids = Enumerable.Range(0, 150).Select(i => "CA" + i).ToList();
        using var waiter = Waiter<int>(client, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(500));

        for (var i = 0; i < sids.Count; i++)
        {
            waiter.Add(i, sids[i]);
        }

        waiter.Complete();
        var results = await TakeAllAsync(waiter);

        Assert.Equal(Enumerable.Range(0, 150), results.Select(result => result.Input));
        Assert.All(results, result =>
        {
            Assert.Equal(sids[result.Input], result.CallSid);
            Assert.Equal(CallStatus.Busy, result.Call!.Status);
            Assert.False(result.TimedOut);
            Assert.Null(result.Error);
        });
        var listed = server.Requests.Select(SidsOf).ToList();
        Assert.All(server.Requests, request => Assert.EndsWith("/Calls.json", request.Path));
        Assert.All(listed, batch => Assert.InRange(batch.Count, 1, ListCallsOptions.MaxSids));
        Assert.Equal(sids.OrderBy(sid => sid), listed.SelectMany(batch => batch).OrderBy(sid => sid));
    }

    [Fact]
    public async Task The_first_look_comes_at_once_so_calls_already_final_wait_no_poll_interval()
    {
        await using var server = await RecordingServer.StartAsync((request, _, context) =>
            RecordingServer.WriteAsync(context, 200, Answers.Page(SidsOf(request), status: "completed")));
        using var client = new ExotelClient(server.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = 10_000 });

        // An interval far beyond the test's patience: only a first look before it can answer in time.
        using var waiter = Waiter<int>(client, TimeSpan.FromHours(5), TimeSpan.FromHours(1));
        waiter.Add(0, "CA0");
        waiter.Add(1, "CA1");
        waiter.Complete();
        var results = await TakeAllAsync(waiter);

        Assert.Equal(new[] { 0, 1 }, results.Select(result => result.Input));
        Assert.All(results, result => Assert.Equal(CallStatus.Completed, result.Call!.Status));
    }

    [Fact]
    public async Task A_call_past_its_timeout_is_read_once_more_and_an_unknown_one_reports_its_error()
    {
        await using var server = await RecordingServer.StartAsync((request, _, context) => request.Path switch
        {
            var path when path.EndsWith("/Calls.json", StringComparison.Ordinal) => RecordingServer.WriteAsync(context, 200, Answers.Page(Array.Empty<string>())),
            var path when path.EndsWith("/ringing.json", StringComparison.Ordinal) => RecordingServer.WriteAsync(context, 200, Answers.Call("ringing", "in-progress")),
            var path when path.EndsWith("/ended.json", StringComparison.Ordinal) => RecordingServer.WriteAsync(context, 200, Answers.Call("ended", "completed")),
            _ => RecordingServer.WriteAsync(context, 404, Answers.Error(404, "Resource not found")),
        });
        using var client = new ExotelClient(server.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = 10_000 });
        using var waiter = Waiter<string>(client, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100));

        waiter.Add("first", "ringing");
        waiter.Add("second", "unknown");
        waiter.Add("third", "ended");
        waiter.Complete();
        var results = await TakeAllAsync(waiter);

        Assert.Equal(new[] { "first", "second", "third" }, results.Select(result => result.Input));
        Assert.True(results[0].TimedOut);
        Assert.Equal(CallStatus.InProgress, results[0].Call!.Status);
        Assert.Null(results[0].Error);
        Assert.Null(results[1].Call);
        Assert.Equal(ExotelErrorKind.NotFound, Assert.IsType<ExotelApiException>(results[1].Error).Kind);
        Assert.False(results[2].TimedOut);
        Assert.Equal(CallStatus.Completed, results[2].Call!.Status);
        Assert.Equal(1, server.Requests.Count(request => request.Path.EndsWith("/ringing.json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_sid_read_first_is_reported_unknown_at_once_and_final_ones_need_no_listing()
    {
        await using var server = await RecordingServer.StartAsync((request, _, context) => request.Path switch
        {
            var path when path.EndsWith("/Calls.json", StringComparison.Ordinal) => RecordingServer.WriteAsync(context, 200, Answers.Page(Array.Empty<string>())),
            var path when path.EndsWith("/ended.json", StringComparison.Ordinal) => RecordingServer.WriteAsync(context, 200, Answers.Call("ended", "completed")),
            _ => RecordingServer.WriteAsync(context, 404, Answers.Error(404, "Resource not found")),
        });
        using var client = new ExotelClient(server.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = 10_000 });
        using var waiter = Waiter<string>(client, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

        waiter.Add("unknown", "no-such-call", readFirst: true);
        waiter.Add("ended", "ended", readFirst: true);
        waiter.Complete();
        var results = await TakeAllAsync(waiter);

        Assert.Equal(ExotelErrorKind.NotFound, Assert.IsType<ExotelApiException>(results[0].Error).Kind);
        Assert.False(results[0].TimedOut);
        Assert.Equal(CallStatus.Completed, results[1].Call!.Status);
        Assert.DoesNotContain(server.Requests, request => request.Path.EndsWith("/Calls.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Results_come_in_the_order_added_and_take_ready_never_waits_for_them()
    {
        var releaseFirst = 0;
        await using var server = await RecordingServer.StartAsync((request, _, context) =>
        {
            var final = SidsOf(request).Where(sid => sid == "b" || Volatile.Read(ref releaseFirst) == 1);
            return RecordingServer.WriteAsync(context, 200, Answers.Page(final));
        });
        using var client = new ExotelClient(server.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = 10_000 });
        using var waiter = Waiter<string>(client, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(100));

        waiter.Add("first", "a");
        waiter.Add("second", "b");
        await Eventually.TrueAsync(() => server.Requests.Count >= 2);

        // b was listed final already, but a comes first and is still pending.
        Assert.Empty(waiter.TakeReady());
        Volatile.Write(ref releaseFirst, 1);
        waiter.Complete();

        Assert.Equal(new[] { "first", "second" }, (await TakeAllAsync(waiter)).Select(result => result.Input));
    }

    [Fact]
    public async Task An_unusable_sid_is_reported_at_once_without_a_request()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Page(Array.Empty<string>()));
        using var client = new ExotelClient(server.CreateAccount());
        using var waiter = Waiter<int>(client, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(50));

        waiter.Add(1, "not/a sid");

        var result = Assert.Single(waiter.TakeReady());
        var failure = Assert.Single(Assert.IsType<ExotelValidationException>(result.Error).Failures);
        Assert.Equal("CallSid", failure.Field);
        Assert.Equal("not/a sid", failure.Value);
        Assert.Throws<InvalidOperationException>(() =>
        {
            waiter.Complete();
            waiter.Add(2, "late");
        });
        Assert.Empty(await TakeAllAsync(waiter));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_failing_listing_gives_each_call_of_the_batch_the_error()
    {
        await using var server = await RecordingServer.StartAsync(403, Answers.Error(403, "Forbidden"));
        using var client = new ExotelClient(server.CreateAccount());
        using var waiter = Waiter<int>(client, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(50));

        waiter.Add(1, "x");
        waiter.Add(2, "y");
        waiter.Complete();
        var results = await TakeAllAsync(waiter);

        Assert.All(results, result => Assert.Equal(ExotelErrorKind.Forbidden, Assert.IsType<ExotelApiException>(result.Error).Kind));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Cancelling_take_all_ends_it_early_without_an_exception()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Page(Array.Empty<string>()));
        using var client = new ExotelClient(server.CreateAccount());
        using var waiter = Waiter<int>(client, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(50));
        waiter.Add(1, "never-final");
        waiter.Complete();
        using var cancel = new CancellationTokenSource();

        var taking = Task.Run(() => waiter.TakeAll(cancel.Token).ToList());
        await Eventually.TrueAsync(() => server.Requests.Count >= 1);
        cancel.Cancel();

        Assert.Empty(await taking.WaitAsync(Patience));
    }

    // On the system clock: the emulator's calls end in wall-clock time.
    [Fact]
    public async Task Calls_placed_on_the_emulator_are_waited_for_until_their_final_status()
    {
        await using var emulator = await EmulatorHost.StartAsync(options =>
        {
            options.RingDelay = TimeSpan.FromMilliseconds(100);
            options.TalkTime = TimeSpan.FromMilliseconds(100);
        });
        using var client = new ExotelClient(emulator.CreateAccount());
        using var waiter = new CallWaiter<string>(client, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200));

        foreach (var to in new[] { "09900000486", "09900000480", "09900000001" })
        {
            var call = await client.ConnectAsync(new ConnectCallOptions { From = "09900000002", To = to, CallerId = "08030752400" });
            waiter.Add(to, call.Sid);
        }

        waiter.Complete();
        var results = await TakeAllAsync(waiter);

        Assert.Equal(
            new[] { CallStatus.Busy, CallStatus.NoAnswer, CallStatus.Completed },
            results.Select(result => result.Call!.Status));
        Assert.All(results, result => Assert.False(result.TimedOut));
    }

    [Fact]
    public async Task A_poller_that_fails_gives_every_pending_call_an_error_instead_of_waiting_forever()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Page(Array.Empty<string>()));
        using var client = new ExotelClient(server.CreateAccount());
        var broken = new InvalidOperationException("the clock broke");
        var clock = new SkipAheadTimeProvider { OnDelay = () => throw broken };
        using var waiter = new CallWaiter<int>(client, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), clock, CancellationToken.None);

        waiter.Add(1, "x");
        waiter.Add(2, "y");
        await Eventually.TrueAsync(() => !clock.Delays.IsEmpty);
        waiter.Complete();
        var results = await TakeAllAsync(waiter);

        Assert.Equal(new[] { 1, 2 }, results.Select(result => result.Input));
        Assert.All(results, result => Assert.Same(broken, Assert.IsType<WaitFailedException>(result.Error).InnerException));
    }

    [Fact]
    public async Task A_poller_fault_is_its_own_kind_not_dressed_as_an_answer_to_a_request()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Page(Array.Empty<string>()));
        using var client = new ExotelClient(server.CreateAccount());
        var clock = new SkipAheadTimeProvider { OnDelay = () => throw new InvalidOperationException("the clock broke") };
        using var waiter = new CallWaiter<int>(client, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), clock, CancellationToken.None);

        waiter.Add(1, "x");
        await Eventually.TrueAsync(() => !clock.Delays.IsEmpty);
        waiter.Complete();
        var error = Assert.Single(await TakeAllAsync(waiter)).Error!;

        Assert.IsNotType<ExotelApiException>(error);
        Assert.Equal((ExotelErrorKind.WaitFailed, false), (error.Kind, error.MayHaveBeenPlaced));
        Assert.Contains(nameof(InvalidOperationException), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GET", error.Message, StringComparison.Ordinal);
    }

    // Time in these tests is the fake clock's: a poll interval or a timeout passes as soon as the poller sleeps on it.
    private static CallWaiter<T> Waiter<T>(ExotelClient client, TimeSpan timeout, TimeSpan pollInterval) =>
        new(client, timeout, pollInterval, new SkipAheadTimeProvider(), CancellationToken.None);

    private static List<string> SidsOf(RecordedRequest request) =>
        request.QueryFields.Where(field => field.Key == "Sid").SelectMany(field => field.Value.Split(',')).ToList();

    private static Task<List<WaitResult<T>>> TakeAllAsync<T>(CallWaiter<T> waiter) =>
        Task.Run(() => waiter.TakeAll().ToList()).WaitAsync(Patience);
}

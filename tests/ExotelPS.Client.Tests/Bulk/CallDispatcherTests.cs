namespace ExotelPS.Client.Tests.Bulk;

public sealed class CallDispatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Results_come_in_input_order_when_calls_finish_out_of_order()
    {
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 5 });
        for (var row = 0; row < 5; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
        }

        exotel.WaitForCalls(5);
        for (var row = 4; row >= 1; row--)
        {
            exotel.Answer(row);
        }

        Eventually.True(() => dispatcher.Progress.Completed == 4, "rows 1 to 4 finished");
        Assert.Empty(dispatcher.TakeReady());

        exotel.Answer(0);
        dispatcher.Complete();
        var results = dispatcher.TakeAll().ToList();

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, results.Select(r => r.Input));
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, results.Select(r => r.Index));
        Assert.All(results, r => Assert.Equal(RowEnding.Placed, r.Ending));
        Assert.All(results, r => Assert.Equal("sid-" + r.Input, r.CallSid));
    }

    [Fact]
    public void The_calls_in_flight_follow_the_live_limit_and_the_lower_cap_wins()
    {
        var exotel = new FakeExotel();
        var window = 2;
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 5, InFlightLimit = () => Volatile.Read(ref window) });
        for (var row = 0; row < 8; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
        }

        exotel.WaitForCalls(2);
        Assert.Equal(2, dispatcher.Progress.InFlight);

        // The window grew (slower answers measured): the next result lets more go, up to MaxInFlight.
        Volatile.Write(ref window, 50);
        exotel.Answer(0);
        exotel.WaitForCalls(6);
        Eventually.True(() => dispatcher.Progress.InFlight == 5, "five in flight, held by MaxInFlight");

        for (var row = 1; row < 8; row++)
        {
            exotel.Answer(row);
        }

        dispatcher.Complete();
        Assert.Equal(8, dispatcher.TakeAll().Count(result => result.Ending == RowEnding.Placed));
        Assert.Equal(5, exotel.MaxRunning);
    }

    [Fact]
    public void Without_a_backlog_limit_the_backlog_is_twice_the_window_so_the_window_can_fill()
    {
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { InFlightLimit = () => 300 });
        for (var row = 0; row < 600; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
        }

        exotel.WaitForCalls(300);
        Assert.Equal(300, dispatcher.Progress.InFlight);
        Assert.Equal(600, dispatcher.Progress.Posted);
        dispatcher.Dispose();
    }

    [Fact]
    public void Thousands_of_inputs_get_exactly_one_result_each_in_order_within_max_in_flight()
    {
        const int rows = 3000;
        var random = new Random(20240611);
        var delays = Enumerable.Range(0, rows).Select(_ => random.Next(0, 4)).ToArray();
        var exotel = new FakeExotel(async (request, token) =>
        {
            var row = int.Parse(request.CustomField!, System.Globalization.CultureInfo.InvariantCulture);
            if (delays[row] > 0)
            {
                await Task.Delay(delays[row], token);
            }
            else
            {
                await Task.Yield();
            }

            return ExpectedOutcome(row) switch
            {
                RowEnding.Rejected => throw FakeExotel.ApiError(ExotelErrorKind.Rejected),
                RowEnding.OutcomeUnknown => throw FakeExotel.ApiError(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true),
                _ => FakeExotel.CallFor(request),
            };
        });
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 16, MaxBacklog = 64 });

        var results = new List<DispatchResult<int>>();
        for (var row = 0; row < rows; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
            results.AddRange(dispatcher.TakeReady());
            Assert.True(dispatcher.Progress.Posted - results.Count <= 65, "the backlog stays within MaxBacklog + 1");
        }

        dispatcher.Complete();
        results.AddRange(dispatcher.TakeAll());

        Assert.Equal(Enumerable.Range(0, rows), results.Select(r => r.Input));
        Assert.All(results, r => Assert.Equal(ExpectedOutcome(r.Input), r.Ending));
        Assert.Equal(rows, exotel.Calls);
        Assert.InRange(exotel.MaxRunning, 1, 16);
    }

    [Fact]
    public void Max_in_flight_is_never_exceeded()
    {
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 3 });
        for (var row = 0; row < 10; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
        }

        for (var row = 0; row < 10; row++)
        {
            Eventually.True(() => dispatcher.Progress.Completed == row, $"{row} rows finished");
            exotel.WaitForCalls(Math.Min(row + 3, 10));
            Assert.Equal(Math.Min(row + 3, 10), exotel.Calls);
            Assert.Equal(Math.Min(3, 10 - row), dispatcher.Progress.InFlight);
            exotel.Answer(row);
        }

        Assert.Equal(10, dispatcher.TakeAll().Count());
        Assert.Equal(3, exotel.MaxRunning);
    }

    [Fact]
    public void A_row_gives_its_place_back_once_its_answer_is_in_not_when_its_outcome_line_is_stored()
    {
        // Slow storage must not hold Exotel's places: with room for one call, row 1 goes out while row 0's placed line is still being stored.
        var store = new SlowPlacedLines();
        using var journal = CallJournal.Open(store, TimeProvider.System);
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 1 }, journal);
        dispatcher.Post(0, FakeExotel.Request(0));
        dispatcher.Post(1, FakeExotel.Request(1));

        exotel.WaitForCalls(1);
        exotel.Answer(0);
        Eventually.True(() => store.PlacedLinesWaiting == 1, "row 0's placed line is being stored");
        exotel.WaitForCalls(2);
        Assert.Equal(1, exotel.MaxRunning);

        store.Release();
        exotel.Answer(1);
        dispatcher.Complete();
        Assert.Equal(new[] { RowEnding.Placed, RowEnding.Placed }, dispatcher.TakeAll().Select(result => result.Ending));
    }

    [Fact]
    public void Rows_waiting_on_slow_storage_hold_no_thread_so_hundreds_can_wait_at_once()
    {
        // A row blocking a pool thread while its line is stored would need a thread each: the pool adds them slowly.
        const int rows = 500;
        var store = new SlowPlacedLines();
        using var journal = CallJournal.Open(store, TimeProvider.System);
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = rows, MaxBacklog = rows }, journal);
        for (var row = 0; row < rows; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
        }

        Eventually.True(() => store.PlacedLinesWaiting == rows, "every row's placed line waits in storage at once");
        store.Release();
        dispatcher.Complete();
        Assert.Equal(rows, dispatcher.TakeAll().Count(result => result.Ending == RowEnding.Placed));
    }

    [Fact]
    public async Task Post_waits_while_the_backlog_is_full_until_the_next_result_can_be_taken()
    {
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 1, MaxBacklog = 2 });
        dispatcher.Post(0, FakeExotel.Request(0));
        dispatcher.Post(1, FakeExotel.Request(1));

        var third = Task.Run(() => dispatcher.Post(2, FakeExotel.Request(2)));
        Assert.NotSame(third, await Task.WhenAny(third, Task.Delay(200)));
        Assert.Equal(2, dispatcher.Progress.Posted);

        exotel.Answer(0);
        await third.WaitAsync(Patience);
        Assert.Equal(3, dispatcher.Progress.Posted);
        Assert.Equal(new[] { 0 }, dispatcher.TakeReady().Select(r => r.Input));

        exotel.Answer(1);
        exotel.WaitForCalls(3);
        exotel.Answer(2);
        Assert.Equal(new[] { 1, 2 }, dispatcher.TakeAll().Select(r => r.Input));
    }

    [Fact]
    public async Task Post_waiting_for_room_is_cancelled_by_the_dispatchers_token()
    {
        var exotel = new FakeExotel();
        using var stop = new CancellationTokenSource();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxBacklog = 1 }, cancellationToken: stop.Token);
        dispatcher.Post(0, FakeExotel.Request(0));
        exotel.WaitForCalls(1);

        var second = Task.Run(() => dispatcher.Post(1, FakeExotel.Request(1)));
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(100)));
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Patience));
        Assert.Equal(1, exotel.Calls);
    }

    [Fact]
    public void An_invalid_request_is_rejected_in_its_turn_without_being_sent()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync);
        var invalid = FakeExotel.Request(1);
        invalid.To = "not-a-number";

        dispatcher.Post(0, FakeExotel.Request(0));
        dispatcher.Post(1, invalid);
        dispatcher.Post(2, FakeExotel.Request(2));
        var results = dispatcher.TakeAll().ToList();

        Assert.Equal(new[] { RowEnding.Placed, RowEnding.Invalid, RowEnding.Placed }, results.Select(r => r.Ending));
        var error = Assert.IsType<ExotelValidationException>(results[1].Error);
        Assert.Contains(error.Failures, f => f.Field == "To" && f.Value == "not-a-number");
        Assert.Same(invalid, results[1].Request);
        Assert.DoesNotContain(exotel.Received, r => ReferenceEquals(r, invalid));
        Assert.Equal(2, exotel.Calls);
    }

    [Fact]
    public void A_posted_failure_becomes_a_rejected_result_in_its_turn()
    {
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<string>(exotel.PlaceCallAsync);
        var failure = new ExotelValidationException(new[] { new ValidationFailure("To", null, "the CSV row has no To column") });

        dispatcher.Post("first", FakeExotel.Request(0));
        dispatcher.PostFailure("broken row", failure);
        Assert.Empty(dispatcher.TakeReady());

        exotel.Answer(0);
        var results = dispatcher.TakeAll().ToList();

        Assert.Equal(new[] { "first", "broken row" }, results.Select(r => r.Input));
        Assert.Equal(RowEnding.Invalid, results[1].Ending);
        Assert.Same(failure, results[1].Error);
        Assert.Null(results[1].Request);
        Assert.Equal(1, exotel.Calls);
    }

    public static TheoryData<string, RowEnding> Failures => new()
    {
        { "validation", RowEnding.Rejected },
        { "rejected", RowEnding.Rejected },
        { "forbidden", RowEnding.Rejected },
        { "rate-limited", RowEnding.Rejected },
        { "unreachable", RowEnding.Rejected },
        { "outcome-unknown", RowEnding.OutcomeUnknown },
        { "timeout", RowEnding.OutcomeUnknown },
        { "unexpected", RowEnding.OutcomeUnknown },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_maps_to_its_outcome(string failure, RowEnding expected)
    {
        Exception thrown = failure switch
        {
            "validation" => new ExotelValidationException(new[] { new ValidationFailure("To", "1", "too short") }),
            "rejected" => FakeExotel.ApiError(ExotelErrorKind.Rejected),
            "forbidden" => FakeExotel.ApiError(ExotelErrorKind.Forbidden),
            "rate-limited" => FakeExotel.ApiError(ExotelErrorKind.RateLimited),
            "unreachable" => FakeExotel.ApiError(ExotelErrorKind.Unreachable),
            "outcome-unknown" => FakeExotel.ApiError(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true),
            "timeout" => new TaskCanceledException("HttpClient.Timeout elapsed"),
            _ => new InvalidOperationException("boom"),
        };
        var exotel = new FakeExotel((_, _) => Task.FromException<ExotelCall>(thrown));
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync);

        dispatcher.Post(0, FakeExotel.Request(0));
        var result = Assert.Single(dispatcher.TakeAll());

        Assert.Equal(expected, result.Ending);
        Assert.Equal(expected == RowEnding.OutcomeUnknown, result.MayHaveBeenPlaced);
        Assert.NotNull(result.Error);
        Assert.Equal(expected == RowEnding.OutcomeUnknown, result.Error!.MayHaveBeenPlaced);
        if (thrown is ExotelException)
        {
            Assert.Same(thrown, result.Error);
        }
        else
        {
            Assert.Equal(ExotelErrorKind.OutcomeUnknown, result.Error.Kind);
            Assert.Same(thrown, result.Error.InnerException);
        }
    }

    [Fact]
    public async Task Stopping_settles_every_input_at_once_and_sends_nothing_new()
    {
        // Calls that ignore cancellation: stopping must not wait for them.
        var exotel = new FakeExotel((_, _) => new TaskCompletionSource<ExotelCall>().Task);
        using var stop = new CancellationTokenSource();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 2 }, cancellationToken: stop.Token);
        for (var row = 0; row < 6; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
        }

        exotel.WaitForCalls(2);
        stop.Cancel();
        var results = await Task.Run(() => dispatcher.TakeAll().ToList()).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 6), results.Select(r => r.Input));
        Assert.All(results.Take(2), r => Assert.Equal(RowEnding.OutcomeUnknown, r.Ending));
        Assert.All(results.Skip(2), r =>
        {
            Assert.Equal(RowEnding.NotSent, r.Ending);
            Assert.IsType<RowEndingException>(r.Error);
        });
        Assert.Equal(2, exotel.Calls);
        Assert.All(exotel.Tokens, token => Assert.True(token.IsCancellationRequested));
        Assert.Throws<OperationCanceledException>(() => dispatcher.Post(6, FakeExotel.Request(6)));
        Assert.Equal(2, exotel.Calls);
        var progress = dispatcher.Progress;
        Assert.Equal(6, progress.Completed);
        Assert.Equal(0, progress.InFlight);
    }

    [Fact]
    public void Dispose_stops_the_run_like_the_token()
    {
        var exotel = new FakeExotel();
        var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 1 });
        dispatcher.Post(0, FakeExotel.Request(0));
        dispatcher.Post(1, FakeExotel.Request(1));
        exotel.WaitForCalls(1);

        dispatcher.Dispose();

        Assert.True(exotel.Tokens.Single().IsCancellationRequested);
        Assert.Equal(1, exotel.Calls);
        Assert.Throws<ObjectDisposedException>(() => dispatcher.Post(2, FakeExotel.Request(2)));
    }

    [Fact]
    public void TakeAll_returns_early_when_its_token_is_cancelled()
    {
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync);
        dispatcher.Post(0, FakeExotel.Request(0));
        dispatcher.Post(1, FakeExotel.Request(1));
        exotel.WaitForCalls(2);
        exotel.Answer(0);
        Eventually.True(() => dispatcher.Progress.Completed == 1, "row 0 finished");

        var results = dispatcher.TakeAll(new CancellationToken(canceled: true)).ToList();

        Assert.Equal(new[] { 0 }, results.Select(r => r.Input));
        exotel.Answer(1);
        Assert.Equal(new[] { 1 }, dispatcher.TakeAll().Select(r => r.Input));
    }

    [Fact]
    public void Nothing_can_be_posted_after_Complete()
    {
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync);
        dispatcher.Complete();

        Assert.Throws<InvalidOperationException>(() => dispatcher.Post(0, FakeExotel.Request(0)));
        Assert.Empty(dispatcher.TakeAll());
    }

    [Fact]
    public void Progress_figures_add_up()
    {
        var exotel = new FakeExotel();
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 10 });
        var invalid = FakeExotel.Request(4);
        invalid.CallerId = null;
        for (var row = 0; row < 4; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
        }

        dispatcher.Post(4, invalid);
        exotel.WaitForCalls(4);
        exotel.Answer(0);
        exotel.Fail(1, FakeExotel.ApiError(ExotelErrorKind.Forbidden));
        Eventually.True(() => dispatcher.Progress.Completed == 3, "rows 0, 1 and the invalid row finished");

        var midway = dispatcher.Progress;
        Assert.Equal(5, midway.Posted);
        Assert.Equal(3, midway.Completed);
        Assert.Equal(1, midway.Placed);
        Assert.Equal(2, midway.Failed);
        Assert.Equal(0, midway.Skipped);
        Assert.Equal(2, midway.InFlight);
        Assert.True(midway.Elapsed > TimeSpan.Zero);
        Assert.True(midway.RatePerMinute > 0);
        Assert.NotNull(midway.EstimatedRemaining);
        Assert.True(midway.EstimatedRemaining > TimeSpan.Zero);

        exotel.Answer(2);
        exotel.Fail(3, FakeExotel.ApiError(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true));
        Assert.Equal(5, dispatcher.TakeAll().Count());

        var done = dispatcher.Progress;
        Assert.Equal(5, done.Completed);
        Assert.Equal(done.Completed, done.Placed + done.Failed + done.Skipped);
        Assert.Equal(2, done.Placed);
        Assert.Equal(0, done.InFlight);
        Assert.Equal(TimeSpan.Zero, done.EstimatedRemaining);
    }

    [Fact]
    public async Task RunAsync_keeps_the_same_guarantees()
    {
        const int rows = 500;
        var random = new Random(7);
        var delays = Enumerable.Range(0, rows).Select(_ => random.Next(0, 3)).ToArray();
        var exotel = new FakeExotel(async (request, token) =>
        {
            var row = int.Parse(request.CustomField!, System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(delays[row], token);
            return FakeExotel.CallFor(request);
        });
        var unreadable = new ExotelValidationException(new[] { new ValidationFailure("To", "", "missing") });

        var results = new List<DispatchResult<int>>();
        await foreach (var result in CallDispatcher<int>.RunAsync(
            Enumerable.Range(0, rows),
            row => row == 42 ? throw unreadable : FakeExotel.Request(row),
            exotel.PlaceCallAsync,
            new DispatcherOptions { MaxInFlight = 8, MaxBacklog = 32 }))
        {
            results.Add(result);
        }

        Assert.Equal(Enumerable.Range(0, rows), results.Select(r => r.Input));
        Assert.Same(unreadable, results[42].Error);
        Assert.Equal(rows - 1, results.Count(r => r.Ending == RowEnding.Placed));
        Assert.Equal(rows - 1, exotel.Calls);
        Assert.InRange(exotel.MaxRunning, 1, 8);
    }

    [Fact]
    public async Task RunAsync_when_cancelled_reports_what_it_read_then_throws()
    {
        var exotel = new FakeExotel();
        using var stop = new CancellationTokenSource();
        var read = 0;
        IEnumerable<int> Inputs()
        {
            for (var row = 0; ; row++)
            {
                read = row + 1;
                yield return row;
            }
        }

        var results = new List<DispatchResult<int>>();
        var run = Task.Run(async () =>
        {
            await foreach (var result in CallDispatcher<int>.RunAsync(
                Inputs(), FakeExotel.Request, exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 2, MaxBacklog = 4 }, cancellationToken: stop.Token))
            {
                results.Add(result);
            }
        });
        exotel.WaitForCalls(2);
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));
        Assert.Equal(2, exotel.Calls);
        Assert.Equal(Enumerable.Range(0, results.Count), results.Select(r => r.Input));
        Assert.InRange(results.Count, 4, read);
        Assert.All(results.Take(2), r => Assert.Equal(RowEnding.OutcomeUnknown, r.Ending));
        Assert.All(results.Skip(2), r => Assert.IsType<RowEndingException>(r.Error));
    }

    private static RowEnding ExpectedOutcome(int row) =>
        row % 7 == 3 ? RowEnding.Rejected : row % 11 == 5 ? RowEnding.OutcomeUnknown : RowEnding.Placed;
}

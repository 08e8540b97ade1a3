using System.Text;
using System.Text.Json;

namespace ExotelPS.Client.Tests.Bulk;

public sealed class CallJournalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-journal-").FullName;

    private string JournalPath => Path.Combine(folder, "calls.jsonl");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Each_row_is_flushed_to_the_file_before_its_result_is_handed_on()
    {
        var exotel = new FakeExotel((request, _) => (int.Parse(request.CustomField!, System.Globalization.CultureInfo.InvariantCulture) % 3) switch
        {
            0 => Task.FromResult(FakeExotel.CallFor(request)),
            1 => Task.FromException<ExotelCall>(FakeExotel.ApiError(ExotelErrorKind.Forbidden)),
            _ => Task.FromException<ExotelCall>(FakeExotel.ApiError(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true)),
        });
        // The journal is locked while open, so each result notes how long the file was when it was handed on;
        // its line must lie within that length.
        var handedOn = new List<(DispatchResult<int> Result, long Length)>();
        using (var journal = CallJournal.Open(JournalPath))
        using (var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 4 }, journal))
        {
            for (var row = 0; row < 30; row++)
            {
                dispatcher.Post(row, FakeExotel.Request(row));
                handedOn.AddRange(dispatcher.TakeReady().Select(result => (result, new FileInfo(JournalPath).Length)));
            }

            dispatcher.Complete();
            handedOn.AddRange(dispatcher.TakeAll().Select(result => (result, new FileInfo(JournalPath).Length)));
        }

        var content = File.ReadAllBytes(JournalPath);
        foreach (var (result, length) in handedOn)
        {
            // Another row's line may have been half written at that moment: only lines whose newline was there count.
            var before = Encoding.UTF8.GetString(content, 0, (int)length);
            var written = before.Substring(0, before.LastIndexOf('\n') + 1).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(text => JsonDocument.Parse(text).RootElement.Clone())
                .Where(l => l.GetProperty("outcome").GetString() != "sending");
            var line = written.Single(l => l.GetProperty("key").GetString() == CallJournal.IdentityOf(result.Request!));
            var expected = result.Ending switch
            {
                RowEnding.Placed => "placed",
                RowEnding.Rejected => "rejected",
                _ => "unknown",
            };
            Assert.Equal(expected, line.GetProperty("outcome").GetString());
            if (result.Ending == RowEnding.Placed)
            {
                Assert.Equal(result.CallSid, line.GetProperty("sid").GetString());
            }
            else
            {
                Assert.Equal(result.Error!.Message, line.GetProperty("reason").GetString());
            }
        }

        Assert.Equal(30, handedOn.Count);
    }

    [Fact]
    public void A_line_names_the_row_readably_in_utc()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using (var journal = CallJournal.Open(JournalPath))
        {
            Run(exotel, journal, FakeExotel.Request(7));
        }

        var text = File.ReadAllText(JournalPath);
        var line = Lines().Last();
        Assert.Equal("placed", line.GetProperty("outcome").GetString());
        Assert.Equal("sid-7", line.GetProperty("sid").GetString());
        Assert.Equal("09900000001", line.GetProperty("from").GetString());
        Assert.Equal("09000000007", line.GetProperty("target").GetString());
        Assert.Equal("08030752400", line.GetProperty("callerId").GetString());
        Assert.Equal(TimeSpan.Zero, line.GetProperty("at").GetDateTimeOffset().Offset);
        Assert.Contains("\"key\":\"+919900000001|+919000000007|+918030752400|7\"", text);
    }

    [Fact]
    public void A_rerun_skips_placed_rows_with_their_sid_retries_rejected_rows_and_skips_unknown_ones()
    {
        var first = new FakeExotel((request, _) => request.CustomField switch
        {
            "2" => Task.FromException<ExotelCall>(FakeExotel.ApiError(ExotelErrorKind.RateLimited)),
            "3" => Task.FromException<ExotelCall>(FakeExotel.ApiError(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true)),
            _ => Task.FromResult(FakeExotel.CallFor(request)),
        });
        using (var journal = CallJournal.Open(JournalPath))
        {
            Run(first, journal, Rows(0, 4));
        }

        var second = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        List<DispatchResult<int>> results;
        using (var journal = CallJournal.Open(JournalPath))
        {
            results = Run(second, journal, Rows(0, 5));
        }

        Assert.Equal(
            new[] { RowEnding.SkippedPlaced, RowEnding.SkippedPlaced, RowEnding.Placed, RowEnding.SkippedInDoubt, RowEnding.Placed },
            results.Select(r => r.Ending));
        Assert.Equal("sid-0", results[0].CallSid);
        Assert.Equal("sid-1", results[1].CallSid);
        Assert.Contains("-RetryUnknown", results[3].Error!.Message);
        Assert.True(results[3].Error!.MayHaveBeenPlaced);
        Assert.Equal(new[] { "2", "4" }, second.Received.Select(r => r.CustomField).OrderBy(f => f));
    }

    // Was RetryUnknown_places_rows_whose_earlier_outcome_is_unknown: a row in doubt is no longer placed on request,
    // only once reconciliation has proven it was not placed (issue 13).
    [Fact]
    public async Task A_row_in_doubt_is_placed_again_only_once_reconciliation_has_proven_it_was_not_placed()
    {
        var first = new FakeExotel((_, _) => Task.FromException<ExotelCall>(FakeExotel.ApiError(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true)));
        using (var journal = CallJournal.Open(JournalPath))
        {
            Run(first, journal, Rows(0, 1));
        }

        var second = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using (var journal = CallJournal.Open(JournalPath))
        {
            Assert.Equal(RowEnding.SkippedInDoubt, Assert.Single(Run(second, journal, Rows(0, 1))).Ending);
            await journal.RecordAsync(CallJournal.IdentityOf(FakeExotel.Request(0)), Resolution.NotPlaced());
        }

        using (var journal = CallJournal.Open(JournalPath))
        {
            var result = Assert.Single(Run(second, journal, Rows(0, 1)));
            Assert.Equal(RowEnding.Placed, result.Ending);
        }

        var third = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using (var journal = CallJournal.Open(JournalPath))
        {
            var result = Assert.Single(Run(third, journal, Rows(0, 1)));
            Assert.Equal(RowEnding.SkippedPlaced, result.Ending);
            Assert.Equal("sid-0", result.CallSid);
        }

        Assert.Equal(1, second.Calls);
        Assert.Equal(0, third.Calls);
    }

    [Fact]
    public async Task A_row_cut_off_while_sending_counts_as_outcome_unknown()
    {
        var request = FakeExotel.Request(0);
        using (var journal = CallJournal.Open(JournalPath))
        {
            // What a process killed mid-call leaves: the line written before sending, and no answer.
            await journal.RecordSendingAsync(CallJournal.IdentityOf(request), request);
        }

        var exotel = new FakeExotel((r, _) => Task.FromResult(FakeExotel.CallFor(r)));
        using (var journal = CallJournal.Open(JournalPath))
        {
            var result = Assert.Single(Run(exotel, journal, request));
            Assert.Equal(RowEnding.SkippedInDoubt, result.Ending);
            Assert.Contains("-RetryUnknown", result.Error!.Message);
        }

        Assert.Equal(0, exotel.Calls);
    }

    [Fact]
    public void A_row_skipped_as_in_doubt_is_one_fact_for_the_result_and_the_progress()
    {
        var inDoubt = FakeExotel.Request(0);
        var placed = FakeExotel.Request(1);
        File.WriteAllText(JournalPath, Line(inDoubt, "sending", "-") + Line(placed, "placed", "sid-1"));
        var exotel = new FakeExotel((r, _) => Task.FromResult(FakeExotel.CallFor(r)));

        using var journal = CallJournal.Open(JournalPath);
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal);
        dispatcher.Post(0, inDoubt);
        dispatcher.Post(1, placed);
        dispatcher.Complete();
        var results = dispatcher.TakeAll().ToList();

        Assert.Equal(new[] { RowEnding.SkippedInDoubt, RowEnding.SkippedPlaced }, results.Select(r => r.Ending));
        Assert.Equal(new[] { true, false }, results.Select(r => r.MayHaveBeenPlaced));
        var progress = dispatcher.Progress;
        Assert.Equal((2, 1, 0), (progress.Skipped, progress.SkippedInDoubt, progress.Failed));
    }

    [Fact]
    public async Task Only_rows_that_went_on_the_wire_are_journaled_as_sending_and_the_rest_are_not_sent()
    {
        // At 1 a minute the first request goes and the others wait for the rate limit when the run is stopped.
        await using var server = await Client.RecordingServer.StartAsync(200, Client.Answers.Call("call-1"));
        using var client = new ExotelClient(server.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = 1 });
        List<DispatchResult<int>> results;
        using (var stop = new CancellationTokenSource())
        using (var journal = CallJournal.Open(JournalPath))
        using (var dispatcher = new CallDispatcher<int>(client, new DispatcherOptions { MaxInFlight = 4 }, journal, stop.Token))
        {
            foreach (var row in Enumerable.Range(0, 4))
            {
                dispatcher.Post(row, FakeExotel.Request(row));
            }

            Eventually.True(() => dispatcher.Progress.Placed >= 1, "a first call placed");
            await Task.Delay(300);
            stop.Cancel();
            results = dispatcher.TakeAll().ToList();
        }

        var sent = server.Requests.Count;
        Assert.InRange(sent, 1, 3);
        Assert.Equal(sent, Lines().Count(line => line.GetProperty("outcome").GetString() == "sending"));
        // Rows race for the one start slot, so which row went first is not fixed; that each row that went is the one
        // journaled as sending, and every other is NotSent, is.
        var placed = results.Where(r => r.Ending == RowEnding.Placed).ToList();
        Assert.Equal(sent, placed.Count);
        var sendingKeys = Lines().Where(line => line.GetProperty("outcome").GetString() == "sending").Select(line => line.GetProperty("key").GetString());
        Assert.Equal(placed.Select(r => CallJournal.IdentityOf(r.Request!)).OrderBy(key => key), sendingKeys.OrderBy(key => key));
        Assert.All(results.Except(placed), r => Assert.Equal((RowEnding.NotSent, ExotelErrorKind.NotSent), (r.Ending, r.Error!.Kind)));
    }

    [Fact]
    public void A_torn_last_line_is_ignored_and_removed()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using (var journal = CallJournal.Open(JournalPath))
        {
            Run(exotel, journal, Rows(0, 1));
        }

        File.AppendAllText(JournalPath, "{\"at\":\"2025-01-01T00:00:00Z\",\"key\":\"+919900000001|+91900000");
        using (var journal = CallJournal.Open(JournalPath))
        {
            Assert.Contains(journal.Warnings, w => w.Contains("last line", StringComparison.Ordinal));
            var results = Run(exotel, journal, Rows(0, 2));
            Assert.Equal(new[] { RowEnding.SkippedPlaced, RowEnding.Placed }, results.Select(r => r.Ending));
        }

        Assert.All(File.ReadAllLines(JournalPath), line => JsonDocument.Parse(line).Dispose());
        Assert.Equal(2, exotel.Calls);
    }

    [Theory]
    [InlineData("this is not json\n")]
    [InlineData("{\"key\":\"x\",\"outcome\":\"exploded\"}\n")]
    public void A_damaged_line_before_the_last_stops_the_run_naming_the_line(string damaged)
    {
        // The damaged line may have been the 'placed' of the second row: ignoring it would ring that person again.
        var first = FakeExotel.Request(0);
        var second = FakeExotel.Request(1);
        File.WriteAllText(JournalPath, Line(first, "placed", "sid-a") + damaged + Line(second, "placed", "sid-b"));

        var error = Assert.Throws<InvalidDataException>(() => CallJournal.Open(JournalPath));

        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        CallJournal.Open(Path.Combine(folder, "other.jsonl")).Dispose();
        File.WriteAllText(JournalPath, Line(first, "placed", "sid-a"));
        CallJournal.Open(JournalPath).Dispose();
    }

    [Fact]
    public void The_journal_records_how_rows_are_identified_and_refuses_a_run_that_identifies_them_otherwise()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using (var journal = CallJournal.Open(JournalPath, identifiedBy: "property:OrderId"))
        using (var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal))
        {
            dispatcher.Post(0, FakeExotel.Request(0), identity: "order-17");
            dispatcher.Complete();
            Assert.Equal(RowEnding.Placed, dispatcher.TakeAll().Single().Ending);
        }

        Assert.Equal("property:OrderId", Lines().Last().GetProperty("by").GetString());
        var byDefault = Assert.Throws<JournalIdentityException>(() => CallJournal.Open(JournalPath));
        Assert.Equal("property:OrderId", byDefault.RecordedIdentity);
        Assert.Equal(CallJournal.DefaultIdentity, byDefault.RequestedIdentity);
        Assert.Throws<JournalIdentityException>(() => CallJournal.Open(JournalPath, identifiedBy: "property:Phone"));
        CallJournal.Open(JournalPath, identifiedBy: "property:orderid").Dispose();

        // Asked explicitly: from then on the journal identifies rows the new way.
        using (var journal = CallJournal.Open(JournalPath, allowIdentityChange: true))
        {
            Run(exotel, journal, FakeExotel.Request(1));
        }

        CallJournal.Open(JournalPath).Dispose();
        Assert.Throws<JournalIdentityException>(() => CallJournal.Open(JournalPath, identifiedBy: "property:OrderId"));
    }

    [Fact]
    public void A_custom_identity_with_a_lone_surrogate_is_refused_before_anything_is_sent()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using var journal = CallJournal.Open(JournalPath);
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal);

        dispatcher.Post(0, FakeExotel.Request(0), identity: "order-\uD83D");
        dispatcher.Complete();
        var result = dispatcher.TakeAll().Single();

        Assert.Equal(RowEnding.Invalid, result.Ending);
        Assert.Equal(ExotelErrorKind.InvalidInput, result.Error!.Kind);
        Assert.Equal(0, exotel.Calls);
    }

    [Fact]
    public void Duplicate_rows_in_one_run_ring_once_the_second_waits_for_the_first()
    {
        var exotel = new FakeExotel();
        using var journal = CallJournal.Open(JournalPath);
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 5 }, journal);
        dispatcher.Post(0, FakeExotel.Request(0));
        dispatcher.Post(1, FakeExotel.Request(0));
        dispatcher.Post(2, FakeExotel.Request(2));
        dispatcher.Post(3, FakeExotel.Request(0));

        exotel.WaitForCalls(2);
        exotel.Answer(2);
        Eventually.True(() => dispatcher.Progress.Completed == 1, "row 2 finished");
        Assert.Equal(new[] { "0", "2" }, exotel.Received.Select(r => r.CustomField).OrderBy(f => f));

        exotel.Answer(0);
        var results = dispatcher.TakeAll().ToList();

        Assert.Equal(new[] { RowEnding.Placed, RowEnding.SkippedPlaced, RowEnding.Placed, RowEnding.SkippedPlaced }, results.Select(r => r.Ending));
        Assert.Equal("sid-0", results[1].CallSid);
        Assert.Equal("sid-0", results[3].CallSid);
        Assert.Equal(2, exotel.Calls);
    }

    [Theory]
    [InlineData("rejected", 2)]
    [InlineData("unknown", 1)]
    public void A_duplicate_is_sent_again_only_when_the_first_was_rejected(string firstOutcome, int expectedCalls)
    {
        var exotel = new FakeExotel();
        using var journal = CallJournal.Open(JournalPath);
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal);
        dispatcher.Post(0, FakeExotel.Request(0));
        dispatcher.Post(1, FakeExotel.Request(0));
        exotel.WaitForCalls(1);

        exotel.Fail(0, firstOutcome == "rejected"
            ? FakeExotel.ApiError(ExotelErrorKind.Unreachable)
            : FakeExotel.ApiError(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true));
        var results = dispatcher.TakeAll().ToList();

        Assert.Equal(expectedCalls, exotel.Calls);
        Assert.Equal(expectedCalls == 2 ? RowEnding.Rejected : RowEnding.SkippedInDoubt, results[1].Ending);
    }

    [Fact]
    public void Identity_compares_phone_numbers_as_numbers()
    {
        static ConnectCallOptions Call(string from, string to, string? custom = null) =>
            new() { From = from, To = to, CallerId = "080 3075 2400", CustomField = custom };

        var identity = CallJournal.IdentityOf(Call("+91 99000 00001", "09876543210"));

        Assert.Equal(identity, CallJournal.IdentityOf(Call("+919900000001", "9876543210")));
        Assert.Equal(identity, CallJournal.IdentityOf(Call("099000-00001", "(+91) 98765 43210")));
        Assert.NotEqual(identity, CallJournal.IdentityOf(Call("+919900000001", "09876543211")));
        Assert.NotEqual(identity, CallJournal.IdentityOf(Call("+919900000001", "09876543210", "order-1")));
        Assert.NotEqual(identity, CallJournal.IdentityOf(new FlowCallOptions { From = "+919900000001", FlowId = "926", CallerId = "08030752400" }));
    }

    [Fact]
    public void A_rerun_recognises_a_row_written_differently()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        var written = FakeExotel.Request(5);
        using (var journal = CallJournal.Open(JournalPath))
        {
            Run(exotel, journal, written);
        }

        var rewritten = FakeExotel.Request(5);
        rewritten.From = "+91 99000 00001";
        rewritten.To = "9000000005";
        using (var journal = CallJournal.Open(JournalPath))
        {
            Assert.Equal(RowEnding.SkippedPlaced, Assert.Single(Run(exotel, journal, rewritten)).Ending);
        }

        Assert.Equal(1, exotel.Calls);
    }

    [Fact]
    public void A_custom_identity_key_replaces_the_default_one()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using (var journal = CallJournal.Open(JournalPath))
        using (var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal))
        {
            dispatcher.Post(0, FakeExotel.Request(0), identity: "order-17");
            Assert.Equal(RowEnding.Placed, dispatcher.TakeAll().Single().Ending);
        }

        using (var journal = CallJournal.Open(JournalPath))
        using (var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal))
        {
            dispatcher.Post(0, FakeExotel.Request(1), identity: "order-17");
            dispatcher.Post(1, FakeExotel.Request(0), identity: "order-18");
            dispatcher.Complete();
            var results = dispatcher.TakeAll().ToList();
            Assert.Equal(new[] { RowEnding.SkippedPlaced, RowEnding.Placed }, results.Select(r => r.Ending));
            Assert.Equal("sid-0", results[0].CallSid);
        }

        Assert.Equal(new[] { "0", "0" }, exotel.Received.Select(r => r.CustomField));
    }

    [Fact]
    public void A_second_writer_fails_clearly_until_the_first_closes()
    {
        using (var journal = CallJournal.Open(JournalPath))
        {
            var error = Assert.Throws<IOException>(() => CallJournal.Open(JournalPath));
            Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
            Assert.Contains("in use", error.Message, StringComparison.Ordinal);
        }

        CallJournal.Open(JournalPath).Dispose();
    }

    [Theory]
    [InlineData("symbolic")]
    [InlineData("hard")]
    public void A_second_writer_through_a_link_is_refused(string kind)
    {
        var link = Path.Combine(folder, "link.jsonl");
        using (var journal = CallJournal.Open(JournalPath))
        {
            MakeLink(kind, link, JournalPath);
            var error = Assert.Throws<IOException>(() => CallJournal.Open(link));
            Assert.Contains("in use", error.Message, StringComparison.Ordinal);
        }

        CallJournal.Open(link).Dispose();
    }

    [Fact]
    public void A_journal_in_a_missing_folder_says_the_folder_is_missing()
    {
        var path = Path.Combine(folder, "no-such-folder", "calls.jsonl");

        var error = Assert.Throws<DirectoryNotFoundException>(() => CallJournal.Open(path));

        Assert.Contains(Path.GetDirectoryName(path)!, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_that_cannot_be_written_stops_the_run_before_anything_is_sent()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        var journal = CallJournal.Open(JournalPath);
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal);
        journal.Dispose();

        dispatcher.Post(0, FakeExotel.Request(0));
        var results = new List<DispatchResult<int>>();
        var error = Assert.Throws<JournalWriteException>(() => results.AddRange(dispatcher.TakeAll()));

        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        var result = Assert.Single(results);
        Assert.Equal(RowEnding.NotSent, result.Ending);
        Assert.Equal(ExotelErrorKind.NotSent, Assert.IsType<RowEndingException>(result.Error).Kind);
        Assert.Equal(0, exotel.Calls);
        Assert.Throws<JournalWriteException>(() => dispatcher.Post(1, FakeExotel.Request(1)));
    }

    private static void MakeLink(string kind, string link, string target)
    {
        if (kind == "symbolic")
        {
            File.CreateSymbolicLink(link, target);
            return;
        }

        var windows = OperatingSystem.IsWindows();
        using var process = System.Diagnostics.Process.Start(windows ? "cmd.exe" : "ln", windows ? $"/c mklink /H \"{link}\" \"{target}\"" : $"\"{target}\" \"{link}\"")!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static PlaceCallOptions[] Rows(int from, int count) =>
        Enumerable.Range(from, count).Select(row => (PlaceCallOptions)FakeExotel.Request(row)).ToArray();

    private static List<DispatchResult<int>> Run(FakeExotel exotel, CallJournal journal, params PlaceCallOptions[] requests) =>
        Run(exotel, journal, new DispatcherOptions(), requests);

    private static List<DispatchResult<int>> Run(FakeExotel exotel, CallJournal journal, DispatcherOptions options, params PlaceCallOptions[] requests)
    {
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, options, journal);
        for (var row = 0; row < requests.Length; row++)
        {
            dispatcher.Post(row, requests[row]);
        }

        dispatcher.Complete();
        return dispatcher.TakeAll().ToList();
    }

    private static string Line(PlaceCallOptions request, string outcome, string sid) =>
        JsonSerializer.Serialize(new { at = "2025-01-01T10:00:00Z", key = CallJournal.IdentityOf(request), outcome, sid }) + "\n";

    // Reads the journal once it is closed (an open journal is locked).
    private List<JsonElement> Lines() =>
        File.ReadAllLines(JournalPath, Encoding.UTF8).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
}

using System.Text.Json;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Reconciliation;

/// <summary>
/// Reconciliation with a journal, over the sandbox's listing on a manual clock: at the end of a run (the dispatcher)
/// and at the start of a rerun (<see cref="JournalReconciler"/>). Faults strike on both sides of the placement, drawn
/// per row; what the simulator recorded is the truth each row is checked against.
/// </summary>
public sealed class JournalReconciliationTests : IDisposable
{
    private const int Rows = 12;
    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-reconcile-").FullName;
    private readonly SkipAheadTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly ExotelSimulator simulator;
    private readonly ExotelClient client;
    private readonly CallReconciler reconciler;

    public JournalReconciliationTests()
    {
        simulator = new ExotelSimulator(new SimulatorOptions
        {
            TimeProvider = clock, RingDelay = TimeSpan.FromMilliseconds(10), TalkTime = TimeSpan.FromMilliseconds(10), Seed = 13,
            RequestsPerMinute = 100_000,
        });
        client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 100_000 });
        reconciler = new CallReconciler(client, new ReconcileOptions { SettleMargin = TimeSpan.FromSeconds(1) }, clock);
    }

    private string JournalPath => Path.Combine(folder, "calls.jsonl");

    public void Dispose()
    {
        client.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static ConnectCallOptions Row(int n) => new()
    {
        From = "09800000001", To = $"+9199000002{n:d2}", CallerId = "08030752400", TimeOut = 1, TimeLimit = 2, CustomField = $"row-{n}",
    };

    private string? SidOf(int row) => simulator.Calls.SingleOrDefault(call => call.Field("CustomField") == $"row-{row}")?.Sid;

    private List<DispatchResult<int>> Run(CallJournal journal, out CallDispatcher<int> dispatcher)
    {
        dispatcher = new CallDispatcher<int>(client, journal: journal);
        for (var row = 0; row < Rows; row++)
        {
            dispatcher.Post(row, Row(row));
        }

        dispatcher.Complete();
        return dispatcher.TakeAll().ToList();
    }

    private IEnumerable<JsonElement> Lines() =>
        File.ReadAllLines(JournalPath).Select(line => JsonDocument.Parse(line).RootElement.Clone());

    [Fact]
    public async Task At_the_end_of_a_run_each_row_in_doubt_is_found_with_its_Sid_or_proven_not_placed_once_certain()
    {
        simulator.Faults = new FaultSettings { AnswerLostRate = 0.5, DropBeforePlacingRate = 0.5 };
        var journal = CallJournal.Open(JournalPath);
        var results = Run(journal, out var dispatcher);
        using (journal)
        using (dispatcher)
        {
            Assert.All(results, result => Assert.Equal(RowEnding.OutcomeUnknown, result.Ending));
            Assert.Equal(Rows, dispatcher.RowsInDoubt);

            var reconciled = await dispatcher.ReconcileUnknownAsync(reconciler, TimeSpan.FromMinutes(1));

            Assert.Equal(Enumerable.Range(0, Rows), reconciled.Rows.Select(row => row.Result.Input));
            foreach (var row in reconciled.Rows)
            {
                var sid = SidOf(row.Result.Input);
                Assert.True(row.Reconciled);
                Assert.Equal(sid is null ? RowEnding.NotPlaced : RowEnding.Found, row.Resolution.Ending);
                Assert.Equal(sid, row.Resolution.Sid);
            }
        }

        Assert.True(clock.GetUtcNow() >= results.Max(result => reconciler.CertainAt(CallInDoubt.Of(result.Request!, clock.Start))), "not placed before certainty");
        Assert.Contains(simulator.InjectedFaults, fault => fault.CallRecorded);
        Assert.Contains(simulator.InjectedFaults, fault => !fault.CallRecorded);
        var resolutions = Lines().Where(line => line.GetProperty("outcome").GetString() is "found" or "notplaced").ToList();
        Assert.Equal(Rows, resolutions.Count);
        Assert.All(Lines().Where(line => line.GetProperty("outcome").GetString() == "sending"), line =>
            Assert.Equal((1, 2), (line.GetProperty("timeOut").GetInt32(), line.GetProperty("timeLimit").GetInt32())));
    }

    [Fact]
    public async Task A_rerun_skips_found_rows_with_their_Sid_keeps_the_rest_in_doubt_until_certain_then_places_only_those_not_placed()
    {
        simulator.Faults = new FaultSettings { AnswerLostRate = 0.5, DropBeforePlacingRate = 0.5 };
        using (var journal = CallJournal.Open(JournalPath))
        {
            Run(journal, out var first).ForEach(result => Assert.Equal(RowEnding.OutcomeUnknown, result.Ending));
            first.Dispose();
        }

        simulator.Faults = new FaultSettings();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var lost = Enumerable.Range(0, Rows).Where(row => SidOf(row) is not null).ToList();
        List<DispatchResult<int>> early;
        using (var journal = CallJournal.Open(JournalPath))
        {
            var found = await JournalReconciler.ReconcileAsync(journal, reconciler, TimeSpan.Zero);
            Assert.Equal((lost.Count, 0, Rows - lost.Count), (found.Found, found.NotPlaced, found.StillInDoubt));
            early = Run(journal, out var second);
            second.Dispose();
        }

        Assert.Equal(lost, early.Where(result => result.Ending == RowEnding.SkippedPlaced && !result.MayHaveBeenPlaced).Select(result => result.Input));
        Assert.All(early.Where(result => lost.Contains(result.Input)), result => Assert.Equal(SidOf(result.Input), result.CallSid));
        Assert.All(early.Where(result => !lost.Contains(result.Input)), result => Assert.Contains("would list any by", result.Error!.Message));
        Assert.Equal(lost.Count, simulator.CallCount);

        using (var journal = CallJournal.Open(JournalPath))
        {
            var found = await JournalReconciler.ReconcileAsync(journal, reconciler, TimeSpan.FromMinutes(1));
            Assert.Equal((0, Rows - lost.Count, 0), (found.Found, found.NotPlaced, found.StillInDoubt));
            var last = Run(journal, out var third);
            third.Dispose();
            Assert.Equal(Rows - lost.Count, last.Count(result => result.Ending == RowEnding.Placed));
        }

        Assert.All(simulator.Calls.GroupBy(call => call.Field("CustomField")), row => Assert.Single(row));
        Assert.Equal(Rows, simulator.Calls.Count);
        var lastLines = Lines().GroupBy(line => line.GetProperty("key").GetString()).Select(row => row.Last().GetProperty("outcome").GetString());
        Assert.All(lastLines, outcome => Assert.True(outcome is "placed" or "found", outcome));
    }

    [Fact]
    public async Task A_call_the_journal_knows_as_another_rows_is_never_taken_for_a_row_in_doubt()
    {
        // Two rows ring the same customer: the first is placed, the second's answer is lost before any call.
        var twice = new[] { Row(1), Row(1) };
        twice[1].CustomField = "again";
        using var journal = CallJournal.Open(JournalPath);
        using var dispatcher = new CallDispatcher<int>(client, journal: journal);
        var results = new List<DispatchResult<int>>();
        dispatcher.Post(0, twice[0]);
        Eventually.True(() => { results.AddRange(dispatcher.TakeReady()); return results.Count == 1; }, "the first row's result");
        simulator.Faults = new FaultSettings { DropBeforePlacingRate = 1 };
        dispatcher.Post(1, twice[1]);
        dispatcher.Complete();
        results.AddRange(dispatcher.TakeAll());
        Assert.Equal(new[] { RowEnding.Placed, RowEnding.OutcomeUnknown }, results.Select(result => result.Ending));
        clock.Advance(TimeSpan.FromMilliseconds(100));

        var reconciled = await dispatcher.ReconcileUnknownAsync(reconciler, TimeSpan.FromMinutes(1));

        Assert.Equal(RowEnding.NotPlaced, Assert.Single(reconciled.Rows).Resolution.Ending);
    }
}

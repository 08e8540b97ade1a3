using System.Diagnostics;
using System.Globalization;
using ExotelPS.Benchmarks.Worker;
using ExotelPS.Client.Sandbox;
using Xunit.Abstractions;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>
/// The faulty campaign in another process, killed outright partway, then run again on its journal: across both runs
/// no one is rung twice, every row not in doubt ends placed exactly once (or rejected, unplaced), and the rows in
/// doubt at the kill are left alone.
/// </summary>
public sealed class KillRestartSoakTests : IDisposable
{
    private const int Rows = 2000;
    private const int KillAfterOutcomes = Rows / 3;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-kill-").FullName;
    private readonly ITestOutputHelper output;

    public KillRestartSoakTests(ITestOutputHelper output) => this.output = output;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_killed_run_restarted_on_its_journal_places_every_row_once_and_skips_the_rows_in_doubt()
    {
        await using var emulator = await EmulatorHost.StartAsync(options =>
        {
            options.RequestsPerMinute = 1_000_000;
            options.Seed = 4;

            // Answers slow enough that calls are always in flight when the kill comes.
            options.Faults = FaultMix.With(latency: TimeSpan.FromMilliseconds(60), slowBodyTime: TimeSpan.FromSeconds(1));
        });
        var journalPath = Path.Combine(folder, "campaign.jsonl");
        var worker = Worker(emulator, journalPath);

        using (var first = worker.Start())
        {
            await WaitForCallsAsync(first, emulator);
            await first.KillAsync();
        }

        // Requests already on the wire may still land: let them, then take what the kill left.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var callsAtKill = emulator.Simulator.Calls.Select(call => call.Sid).ToHashSet();
        var atKill = JournalFile.Read(journalPath).ByRow();
        var placedAtKill = atKill.Where(row => row.Any(line => line.Outcome == "placed"))
            .ToDictionary(row => row.Key, row => row.Single(line => line.Outcome == "placed").Sid);
        var inDoubt = atKill.Where(row => row.Last().Outcome is "sending" or "unknown").Select(row => row.Key).ToHashSet();
        var rejectedAtKill = atKill.Where(row => row.Last().Outcome == "rejected").Select(row => row.Key).ToHashSet();
        Assert.Contains(atKill, row => row.Last().Outcome == "sending");
        Assert.True(placedAtKill.Count < Rows, "the first run finished before it was killed");

        // As a kill during a write would leave it: half a line, no newline. The restart must drop it.
        var torn = atKill[inDoubt.First()].Last().Text;
        File.AppendAllText(journalPath, torn.Substring(0, torn.Length / 2));

        List<WorkerResult> results;
        string errors;
        using (var second = worker.Start())
        {
            results = WorkerResult.ParseAll(await second.WaitForSuccessAsync(Patience));
            errors = await second.ErrorsAsync();
        }

        output.WriteLine($"at the kill: {placedAtKill.Count} placed, {rejectedAtKill.Count} rejected, {inDoubt.Count} in doubt; "
            + $"rerun: {errors.Trim()}; faults: {string.Join(", ", emulator.Simulator.InjectedFaults.GroupBy(f => f.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.Contains("was incomplete", errors);
        Assert.Equal(Enumerable.Range(0, Rows), results.Select(r => r.Row));
        var callsByRow = emulator.Simulator.Calls.ToLookup(SoakCampaign.RowOf);
        var rungTwice = callsByRow.Where(row => row.Count() > 1).Select(row => row.Key).ToList();
        Assert.True(rungTwice.Count == 0, $"rows placed more than once across the two runs: {string.Join(", ", rungTwice)}");

        foreach (var result in results)
        {
            var calls = callsByRow[result.Row].ToList();
            if (placedAtKill.TryGetValue(result.Row, out var sidAtKill))
            {
                // Placed before the kill: skipped, with the Sid the first run got.
                Assert.Equal(("SkippedPlaced", sidAtKill), (result.Ending, result.Sid));
                Assert.Equal(sidAtKill, Assert.Single(calls).Sid);
            }
            else if (inDoubt.Contains(result.Row))
            {
                // In doubt at the kill: placed at most once (by the first run), reported in doubt, not sent again.
                Assert.True(result.Ending == "SkippedInDoubt" && result.MayHaveBeenPlaced, $"row {result.Row} was in doubt but the rerun reported {result.Ending}");
                Assert.All(calls, call => Assert.Contains(call.Sid, callsAtKill));
            }
            else
            {
                AssertSentOnceByTheRerun(result, calls);
            }
        }

        // Each row was sent once across both runs (a 429 is retried within one send), except that a row rejected
        // before the kill was not placed and so is tried again.
        var lines = JournalFile.Read(journalPath).ByRow();
        Assert.All(Enumerable.Range(0, Rows), row =>
            Assert.Equal(rejectedAtKill.Contains(row) ? 2 : 1, lines[row].Count(line => line.Outcome == "sending")));
    }

    // A row the first run had not finished: the rerun placed it once, Exotel refused it, or its outcome is unknown.
    private static void AssertSentOnceByTheRerun(WorkerResult result, IReadOnlyList<RecordedCall> calls)
    {
        switch (result.Ending)
        {
            case "Placed":
                Assert.Equal(result.Sid, Assert.Single(calls).Sid);
                break;
            case "Rejected":
                Assert.Empty(calls);
                Assert.True(SoakCampaign.IsDoNotCall(result.Row), $"row {result.Row} was rejected although Exotel accepts its number");
                break;
            case "OutcomeUnknown":
                Assert.True(result.MayHaveBeenPlaced, $"row {result.Row}: outcome unknown without MayHaveBeenPlaced");
                break;
            default:
                Assert.Fail($"row {result.Row} was not finished by the first run, yet the rerun reported {result.Ending}");
                break;
        }
    }

    private static WorkerProcess.Launcher Worker(EmulatorHost emulator, string journalPath) =>
        WorkerProcess.Launcher.For(emulator, journalPath, Rows);

    // Waits until the emulator shows a good part of the campaign placed (the journal is locked while the worker runs).
    private static async Task WaitForCallsAsync(WorkerProcess worker, EmulatorHost emulator)
    {
        var waited = Stopwatch.StartNew();
        while (emulator.Simulator.Calls.Count < KillAfterOutcomes)
        {
            if (worker.HasExited)
            {
                Assert.Fail($"the worker exited before it was killed; its errors: {await worker.ErrorsAsync()}");
            }

            Assert.True(waited.Elapsed < Patience, $"the emulator did not record {KillAfterOutcomes} calls within {Patience}");
            await Task.Delay(50);
        }
    }
}

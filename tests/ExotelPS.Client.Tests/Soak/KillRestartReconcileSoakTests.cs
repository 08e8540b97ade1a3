using System.Diagnostics;
using ExotelPS.Benchmarks.Worker;
using ExotelPS.Client.Sandbox;
using Xunit.Abstractions;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>
/// The campaign in another process with faults on both sides of the placement (answers lost after the call was
/// created, connections dropped before), killed outright partway, then restarted on its journal with reconciliation:
/// no row is left in doubt, every row is placed exactly once by the emulator's record, and the rows whose answers
/// were lost carry the Sid the emulator gave them.
/// </summary>
public sealed class KillRestartReconcileSoakTests : IDisposable
{
    private const int Rows = 600;
    private const int KillAfterCalls = Rows / 3;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-reconcile-kill-").FullName;
    private readonly ITestOutputHelper output;

    public KillRestartReconcileSoakTests(ITestOutputHelper output) => this.output = output;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_killed_faulty_run_restarted_with_reconciliation_leaves_no_row_in_doubt_and_places_each_once()
    {
        await using var emulator = await EmulatorHost.StartAsync(options =>
        {
            options.RequestsPerMinute = 1_000_000;
            options.Seed = 9;
            options.Faults = new FaultSettings { AnswerLostRate = 0.1, DropBeforePlacingRate = 0.1, Latency = TimeSpan.FromMilliseconds(40) };
        });
        var journalPath = Path.Combine(folder, "campaign.jsonl");

        // Calls of one second's ring and one second's talk, so certainty comes 4 s after sending (1 s settle margin).
        var worker = WorkerProcess.Launcher.For(emulator, journalPath, Rows, "--call-seconds", "1", "--reconcile", "60");
        using (var first = worker.Start())
        {
            var waited = Stopwatch.StartNew();
            while (emulator.Simulator.Calls.Count < KillAfterCalls)
            {
                Assert.False(first.HasExited, "the worker exited before it was killed");
                Assert.True(waited.Elapsed < Patience, $"the emulator did not record {KillAfterCalls} calls within {Patience}");
                await Task.Delay(50);
            }

            await first.KillAsync();
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        emulator.Simulator.Faults = new FaultSettings();
        var callsAtKill = emulator.Simulator.Calls.ToDictionary(SoakCampaign.RowOf, call => call.Sid);
        var inDoubtAtKill = JournalFile.Read(journalPath).ByRow().Where(row => row.Last().Outcome is "sending" or "unknown").Select(row => row.Key).ToList();
        Assert.NotEmpty(inDoubtAtKill);
        Assert.Contains(emulator.Simulator.InjectedFaults, fault => fault.CallRecorded);
        Assert.Contains(emulator.Simulator.InjectedFaults, fault => !fault.CallRecorded);

        List<WorkerResult> results;
        using (var second = worker.Start())
        {
            results = WorkerResult.ParseAll(await second.WaitForSuccessAsync(Patience));
            output.WriteLine($"at the kill: {inDoubtAtKill.Count} in doubt; rerun: {(await second.ErrorsAsync()).Trim()}");
        }

        Assert.Equal(Enumerable.Range(0, Rows), results.Select(result => result.Row));
        Assert.DoesNotContain(results, result => result.MayHaveBeenPlaced);
        var callsByRow = emulator.Simulator.Calls.ToLookup(SoakCampaign.RowOf);
        foreach (var result in results)
        {
            var calls = callsByRow[result.Row].ToList();
            if (SoakCampaign.IsDoNotCall(result.Row))
            {
                Assert.Empty(calls);
                continue;
            }

            var call = Assert.Single(calls);
            Assert.Equal(call.Sid, result.Sid);
        }

        var lines = JournalFile.Read(journalPath).ByRow();
        foreach (var row in inDoubtAtKill)
        {
            // A row whose call existed at the kill is found with its Sid; one with none is proven not placed, then placed once.
            var resolution = lines[row].Last(line => line.Outcome is "found" or "notplaced" or "indoubt");
            var expected = callsAtKill.TryGetValue(row, out var sid) ? ("found", sid) : ("notplaced", (string?)null);
            Assert.Equal(expected, (resolution.Outcome, resolution.Sid));
        }

        Assert.Contains(inDoubtAtKill, row => callsAtKill.ContainsKey(row));
        Assert.Contains(inDoubtAtKill, row => !callsAtKill.ContainsKey(row));
    }
}

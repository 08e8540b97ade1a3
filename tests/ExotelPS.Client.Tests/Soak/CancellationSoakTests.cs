using System.Diagnostics;
using ExotelPS.Benchmarks.Worker;
using ExotelPS.Client.Sandbox;
using Xunit.Abstractions;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>Cancelling a large run while Exotel hangs: the run ends at once, nothing more is sent, all is accounted for.</summary>
public sealed class CancellationSoakTests : IDisposable
{
    private const int Rows = 5000;
    private const int InFlight = 16;
    private const int CancelAfterResults = 300;

    // Used only as a timeout: a dispatcher that waited for the hanging answers would take a minute.
    private static readonly TimeSpan ReturnBound = TimeSpan.FromSeconds(10);

    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-cancel-").FullName;
    private readonly ITestOutputHelper output;

    public CancellationSoakTests(ITestOutputHelper output) => this.output = output;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Cancelling_mid_run_returns_promptly_sends_nothing_more_and_reports_every_accepted_call()
    {
        await using var emulator = await EmulatorHost.StartAsync(options =>
        {
            options.RequestsPerMinute = 1_000_000;
            options.Faults = new FaultSettings { Latency = TimeSpan.FromMilliseconds(10), LatencyJitter = TimeSpan.FromMilliseconds(30) };
        });
        var account = emulator.CreateAccount();
        var clientOptions = new ExotelClientOptions
        {
            RequestsPerMinute = 600_000,
            // Room beyond the dispatcher's own bound, so the client's gate cannot hide a send after cancellation.
            MaxConcurrency = InFlight * 4,
            RequestTimeout = TimeSpan.FromMinutes(2),
        };
        using var client = new ExotelClient(account, clientOptions);
        var journalPath = Path.Combine(folder, "campaign.jsonl");
        using var cancel = new CancellationTokenSource();
        var results = new List<DispatchResult<int>>();
        var sinceCancel = new Stopwatch();

        using (var journal = CallJournal.Open(journalPath))
        {
            var run = Task.Run(async () =>
            {
                var rows = CallDispatcher<int>.RunAsync(
                    Enumerable.Range(0, Rows), SoakCampaign.Request, client.PlaceCallAsync, new DispatcherOptions { MaxInFlight = InFlight }, journal, cancel.Token);
                await foreach (var result in rows)
                {
                    results.Add(result);
                    if (results.Count == CancelAfterResults)
                    {
                        await CancelWhileCallsHang(emulator.Simulator, cancel, sinceCancel);
                    }
                }
            });

            var ended = await Record.ExceptionAsync(() => run.WaitAsync(TimeSpan.FromMinutes(3)));
            Assert.True(sinceCancel.IsRunning, $"the run ended before it was cancelled: {ended}");
            Assert.True(ended is OperationCanceledException, $"the cancelled run should end in OperationCanceledException, not {ended?.ToString() ?? "success"}");
            Assert.True(sinceCancel.Elapsed < ReturnBound, $"the run took {sinceCancel.Elapsed} to return after cancellation");
        }

        output.WriteLine($"returned {sinceCancel.Elapsed} after cancellation; " + Summary.Of(results, emulator.Simulator));

        // Nothing new reaches Exotel after the run returned (a short grace lets aborted sockets finish closing).
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var requestsAtEnd = emulator.Simulator.RequestCount;
        var calls = emulator.Simulator.Calls;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(requestsAtEnd, emulator.Simulator.RequestCount);
        Assert.Equal(calls.Count, emulator.Simulator.Calls.Count);

        // One result for each row read, in order; the rows never sent were not placed and are not journaled.
        Assert.Equal(Enumerable.Range(0, results.Count), results.Select(r => r.Input));
        Assert.True(results.Count < Rows, "the run read every row although it was cancelled");
        var callsByRow = calls.ToLookup(SoakCampaign.RowOf);
        Assert.All(callsByRow, row => Assert.Single(row));
        var lines = JournalFile.Read(journalPath).ByRow();
        foreach (var result in results.Where(r => r.Error is RowEndingException { MayHaveBeenPlaced: false }))
        {
            Assert.Equal(RowEnding.NotSent, result.Ending);
            Assert.Empty(callsByRow[result.Input]);
            Assert.Empty(lines[result.Input]);
        }

        // Every call Exotel accepted is reported: placed with its Sid, or outcome unknown; and the journal has it.
        foreach (var call in calls)
        {
            var row = SoakCampaign.RowOf(call);
            Assert.True(row < results.Count, $"row {row} was placed but has no result");
            var result = results[row];
            Assert.True(
                result.Ending == RowEnding.OutcomeUnknown || (result.Ending == RowEnding.Placed && result.CallSid == call.Sid),
                $"row {row} was placed as {call.Sid} but reported {result.Ending} {result.CallSid}");
            Assert.Contains(lines[row], line => line.Sid == call.Sid || line.Outcome == "sending");
        }

        // The hanging calls were accepted but never answered: they are the ones reported outcome unknown.
        Assert.Contains(calls, call => results[SoakCampaign.RowOf(call)].Ending == RowEnding.OutcomeUnknown);
    }

    // Exotel stops answering (a minute's delay from now on); once a full set of requests hangs, the run is cancelled.
    private static async Task CancelWhileCallsHang(ExotelSimulator simulator, CancellationTokenSource cancel, Stopwatch sinceCancel)
    {
        var faults = simulator.Faults;
        faults.Latency = TimeSpan.FromMinutes(1);
        simulator.Faults = faults;
        var requestsBefore = simulator.RequestCount;

        // The results are not taken meanwhile, but the backlog lets the dispatcher keep sending. Every request counted
        // from here hangs; half the slots are enough to prove the point without racing the last ones.
        var waited = Stopwatch.StartNew();
        while (simulator.RequestCount < requestsBefore + (InFlight / 2))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "the dispatcher never filled its in-flight slots with hanging calls");
            await Task.Delay(20);
        }

        sinceCancel.Start();
        cancel.Cancel();
    }
}

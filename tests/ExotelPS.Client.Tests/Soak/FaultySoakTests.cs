using ExotelPS.Benchmarks.Worker;
using ExotelPS.Client.Sandbox;
using Xunit.Abstractions;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>
/// Thousands of rows through the dispatcher and a real <see cref="ExotelClient"/> over HTTP to the emulator, with 429s,
/// 500s, dropped connections and answers slower than the client waits: no row is rung twice, none is lost.
/// </summary>
public sealed class FaultySoakTests : IDisposable
{
    private const int Rows = 2000;

    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-soak-").FullName;
    private readonly ITestOutputHelper output;

    public FaultySoakTests(ITestOutputHelper output) => this.output = output;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Every_row_ends_once_and_no_one_is_rung_twice_through_throttling_errors_drops_and_slow_answers()
    {
        await using var emulator = await EmulatorHost.StartAsync(options =>
        {
            options.RequestsPerMinute = 1_000_000;
            options.Seed = 20261123;

            // Slow answers take longer than the client's RequestTimeout: a timeout after the call was placed.
            options.Faults = FaultMix.With(latency: TimeSpan.FromMilliseconds(2), slowBodyTime: TimeSpan.FromSeconds(3));
        });
        var account = emulator.CreateAccount();
        var clientOptions = new ExotelClientOptions
        {
            RequestsPerMinute = 600_000,
            MaxConcurrency = 32,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(2),
        };
        using var client = new ExotelClient(account, clientOptions);
        var journalPath = Path.Combine(folder, "campaign.jsonl");

        List<DispatchResult<int>> results;
        using (var journal = CallJournal.Open(journalPath))
        {
            results = await Task.Run(() => RunAsTheCmdletDoes(client, journal));
        }

        output.WriteLine(Summary.Of(results, emulator.Simulator));

        // Exactly one result per row, in order, each placed, rejected or outcome unknown (rows are unique: none skipped).
        Assert.Equal(Enumerable.Range(0, Rows), results.Select(r => r.Input));
        Assert.All(results, r => Assert.Contains(r.Ending, new[] { RowEnding.Placed, RowEnding.Rejected, RowEnding.OutcomeUnknown }));

        var calls = emulator.Simulator.Calls;
        var callsByRow = calls.ToLookup(SoakCampaign.RowOf);
        var rungTwice = callsByRow.Where(row => row.Count() > 1).Select(row => row.Key).ToList();
        Assert.True(rungTwice.Count == 0, $"rows placed more than once: {string.Join(", ", rungTwice)}");

        foreach (var result in results)
        {
            var placed = callsByRow[result.Input].ToList();
            switch (result.Ending)
            {
                case RowEnding.Placed:
                    Assert.Equal(result.CallSid, Assert.Single(placed).Sid);
                    break;
                case RowEnding.Rejected:
                    Assert.Empty(placed);

                    // Only Exotel's do-not-call refusal rejects a row: a 429 is retried, never handed on.
                    Assert.True(SoakCampaign.IsDoNotCall(result.Input), $"row {result.Input} was rejected: {result.Error?.Message}");
                    break;
                default:
                    Assert.True(result.Error!.MayHaveBeenPlaced, $"row {result.Input}: outcome unknown without MayHaveBeenPlaced");
                    break;
            }
        }

        AssertJournalAgrees(journalPath, results);
        Assert.False(account.Reveals(File.ReadAllText(journalPath)), "the journal holds the account's secrets");

        // The faults really happened, and some struck after the call was placed: the case that must not be retried.
        var faults = emulator.Simulator.InjectedFaults;
        Assert.All(Enum.GetValues<FaultKind>(), kind => Assert.Contains(faults, fault => fault.Kind == kind));
        Assert.Contains(faults, fault => fault.CallRecorded);
        Assert.Contains(results, r => r.Ending == RowEnding.OutcomeUnknown);
        Assert.Contains(calls, call => results[SoakCampaign.RowOf(call)].Ending == RowEnding.OutcomeUnknown);
    }

    // What the cmdlets do: post from one thread, take ready results as they come, then complete and take the rest.
    private static List<DispatchResult<int>> RunAsTheCmdletDoes(ExotelClient client, CallJournal journal)
    {
        var results = new List<DispatchResult<int>>();
        using var dispatcher = new CallDispatcher<int>(
            client.PlaceCallAsync, new DispatcherOptions { MaxInFlight = 32, MaxBacklog = 200 }, journal);
        for (var row = 0; row < Rows; row++)
        {
            dispatcher.Post(row, SoakCampaign.Request(row));
            results.AddRange(dispatcher.TakeReady());
        }

        dispatcher.Complete();
        results.AddRange(dispatcher.TakeAll());
        return results;
    }

    // Each row was sent once: one 'sending' line first, then one outcome line that says what its result says.
    private static void AssertJournalAgrees(string journalPath, IReadOnlyList<DispatchResult<int>> results)
    {
        var lines = JournalFile.Read(journalPath).ByRow();
        foreach (var result in results)
        {
            var rowLines = lines[result.Input].ToList();
            var expected = result.Ending switch
            {
                RowEnding.Placed => "placed",
                RowEnding.Rejected => "rejected",
                _ => "unknown",
            };
            Assert.True(
                rowLines.Count == 2 && rowLines[0].Outcome == "sending" && rowLines[1].Outcome == expected,
                $"row {result.Input} ({result.Ending}) has journal lines: {string.Join(" | ", rowLines.Select(line => line.Text))}");
            Assert.Equal(result.CallSid, rowLines[1].Sid);
        }
    }
}

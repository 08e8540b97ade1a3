using System.Globalization;
using ExotelPS.Client.Sandbox;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Bulk;

/// <summary>The dispatcher driving a real <see cref="ExotelClient"/> against the emulator on 127.0.0.1.</summary>
public sealed class DispatcherEmulatorTests : IDisposable
{
    private const int Rows = 500;

    // Exotel's own limit, on a clock 20 times faster than real time shared by the emulator and the client: the
    // sliding minute fills after 3 real seconds, so the limit binds for most of the run (2.5 emulated minutes).
    private const int RequestsPerMinute = ExotelClientOptions.ExotelRequestsPerMinute;
    private const double Speedup = 20;

    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-bulk-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Five_hundred_calls_are_each_placed_once_inside_the_rate_limit_and_a_rerun_sends_none()
    {
        var clock = new ScaledTimeProvider(Speedup);
        var started = clock.GetTimestamp();
        await using var emulator = await EmulatorHost.StartAsync(options =>
        {
            options.RequestsPerMinute = RequestsPerMinute;
            options.TimeProvider = clock;
        });
        var account = emulator.CreateAccount();
        var clientOptions = new ExotelClientOptions { RequestsPerMinute = RequestsPerMinute, MaxConcurrency = 20, TimeProvider = clock };
        using var client = new ExotelClient(account, clientOptions, httpClient: null, new AccountThrottle(RequestsPerMinute, 20, clock));
        var journalPath = Path.Combine(folder, "campaign.jsonl");
        var options = new DispatcherOptions { MaxInFlight = 20, MaxBacklog = 100 };

        List<DispatchResult<int>> first;
        using (var journal = CallJournal.Open(journalPath))
        {
            first = await Collect(CallDispatcher<int>.RunAsync(Enumerable.Range(0, Rows), Request, client.PlaceCallAsync, options, journal));
        }

        Assert.Equal(Enumerable.Range(0, Rows), first.Select(r => r.Input));
        // No 429 reaches the caller. The emulator may still send one or two: at 20x speed, 10 ms of thread scheduling
        // is 200 ms of emulated arrival jitter; the client honours them and retries (docs/performance.md has real-time figures).
        Assert.All(first, r => Assert.Equal(RowEnding.Placed, r.Ending));
        Assert.True(
            clock.GetElapsedTime(started) > TimeSpan.FromMinutes(2),
            $"the run took {clock.GetElapsedTime(started)} of emulated time: under two minutes, the limit never bound and the test proves nothing");
        var placedRows = emulator.Simulator.Calls.Select(call => call.Field("CustomField")).ToList();
        Assert.Equal(Rows, placedRows.Count);
        Assert.Equal(Rows, placedRows.Distinct().Count());
        Assert.Equal(first.Select(r => r.CallSid).OrderBy(s => s), emulator.Simulator.Calls.Select(c => c.Sid).OrderBy(s => s));

        List<DispatchResult<int>> rerun;
        using (var journal = CallJournal.Open(journalPath))
        {
            rerun = await Collect(CallDispatcher<int>.RunAsync(Enumerable.Range(0, Rows), Request, client.PlaceCallAsync, options, journal));
        }

        Assert.All(rerun, r => Assert.Equal(RowEnding.SkippedPlaced, r.Ending));
        Assert.Equal(first.Select(r => r.CallSid), rerun.Select(r => r.CallSid));
        Assert.Equal(Rows, emulator.Simulator.Calls.Count);
    }

    // Numbers ending in 0 complete in the emulator (its test numbers end 403, 404, 480, 486).
    private static PlaceCallOptions Request(int row) => new ConnectCallOptions
    {
        From = "09900000001",
        To = "09" + (row * 10).ToString("D9", CultureInfo.InvariantCulture),
        CallerId = "08030752400",
        CustomField = row.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<List<DispatchResult<int>>> Collect(IAsyncEnumerable<DispatchResult<int>> results)
    {
        var list = new List<DispatchResult<int>>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }
}

using System.Globalization;

namespace ExotelPS.Client.Tests.Bulk;

/// <summary>The dispatcher driving a real <see cref="ExotelClient"/> against the emulator on 127.0.0.1.</summary>
public sealed class DispatcherEmulatorTests : IDisposable
{
    private const int Rows = 500;

    // Scaled down from Exotel's 200 a minute so 500 calls take seconds, the same on both sides.
    private const int RequestsPerMinute = 1200;

    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-bulk-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Five_hundred_calls_are_each_placed_once_inside_the_rate_limit_and_a_rerun_sends_none()
    {
        await using var emulator = await EmulatorHost.StartAsync(options => options.RequestsPerMinute = RequestsPerMinute);
        using var client = new ExotelClient(emulator.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = RequestsPerMinute, MaxConcurrency = 20 });
        var journalPath = Path.Combine(folder, "campaign.jsonl");
        var options = new DispatcherOptions { MaxInFlight = 20, MaxBacklog = 100 };

        List<DispatchResult<int>> first;
        using (var journal = CallJournal.Open(journalPath))
        {
            first = await Collect(CallDispatcher<int>.RunAsync(Enumerable.Range(0, Rows), Request, client.PlaceCallAsync, options, journal));
        }

        Assert.Equal(Enumerable.Range(0, Rows), first.Select(r => r.Input));
        Assert.All(first, r => Assert.Equal(DispatchOutcome.Placed, r.Outcome));
        Assert.Equal(0, emulator.Simulator.RateLimitedCount);
        var placedRows = emulator.Simulator.Calls.Select(call => call.Field("CustomField")).ToList();
        Assert.Equal(Rows, placedRows.Count);
        Assert.Equal(Rows, placedRows.Distinct().Count());
        Assert.Equal(first.Select(r => r.CallSid).OrderBy(s => s), emulator.Simulator.Calls.Select(c => c.Sid).OrderBy(s => s));

        List<DispatchResult<int>> rerun;
        using (var journal = CallJournal.Open(journalPath))
        {
            rerun = await Collect(CallDispatcher<int>.RunAsync(Enumerable.Range(0, Rows), Request, client.PlaceCallAsync, options, journal));
        }

        Assert.All(rerun, r => Assert.Equal(DispatchOutcome.Skipped, r.Outcome));
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

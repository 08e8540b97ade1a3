using System.Text;
using ExotelPS.Client.Tests.Bulk;

namespace ExotelPS.Client.Tests.Journal;

/// <summary>Azurite stopped and started again mid-run, keeping its data in a folder as Azure keeps it.</summary>
public sealed class BlobJournalRestartTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-azurite-").FullName;
    private readonly Azurite azurite;

    public BlobJournalRestartTests() => azurite = Azurite.Start(folder);

    public void Dispose()
    {
        azurite.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Storage_that_goes_away_and_comes_back_mid_run_loses_no_line_and_rings_each_row_once()
    {
        var container = azurite.CreateContainer();
        var exotel = new FakeExotel(async (request, token) =>
        {
            await Task.Delay(50, token);
            return FakeExotel.CallFor(request);
        });
        var restarted = Task.Run(() =>
        {
            exotel.WaitForCalls(10);
            azurite.Stop(graceful: true);
            Thread.Sleep(TimeSpan.FromSeconds(2));
            azurite.Start();
        });

        List<DispatchResult<int>> results;
        using (var journal = CallJournal.Open(azurite.JournalUrl(container)))
        {
            results = BlobJournalTests.Run(exotel, journal, 0, 60, new DispatcherOptions { MaxInFlight = 4 });
        }

        // The run needs storage for every line, so it could end only after storage came back: the outage was mid-run.
        Assert.True(restarted.IsCompleted, "the run ended before storage was stopped");
        await restarted;
        Assert.Equal(new string('P', 60), BlobJournalTests.Endings(results));
        Assert.Equal(60, exotel.Received.Select(request => request.CustomField).Distinct().Count());
        Assert.Equal(60, exotel.Calls);
        var lines = Encoding.UTF8.GetString(azurite.Read(container, "calls.journal")!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(120, lines.Length);
        Assert.Equal(120, lines.Distinct().Count());
    }
}

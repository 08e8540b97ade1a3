using System.Text;
using ExotelPS.Client.Tests.Bulk;

namespace ExotelPS.Client.Tests.Journal;

/// <summary>The blob journal against Azurite on 127.0.0.1: the file journal's promises, the lease, faults, roll-over.</summary>
public sealed class BlobJournalTests : IDisposable
{
    private readonly Azurite azurite = Azurite.Start();
    private readonly string container;

    public BlobJournalTests() => container = azurite.CreateContainer();

    public void Dispose() => azurite.Dispose();

    [Fact]
    public void A_rerun_on_the_same_url_skips_what_the_first_run_placed()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using (var journal = CallJournal.Open(azurite.JournalUrl(container)))
        {
            Assert.Equal(new string('P', 20), Endings(Run(exotel, journal, 0, 20)));
        }

        using (var journal = CallJournal.Open(azurite.JournalUrl(container)))
        {
            Assert.Equal(new string('S', 20) + new string('P', 5), Endings(Run(exotel, journal, 0, 25)));
        }

        Assert.Equal(25, exotel.Calls);
        var lines = Encoding.UTF8.GetString(azurite.Read(container, "calls.journal")!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(50, lines.Length); // a sending and a placed line per call
    }

    [Fact]
    public void A_second_run_is_refused_while_the_first_holds_the_lease_and_admitted_once_it_ends()
    {
        var url = azurite.JournalUrl(container);
        using (CallJournal.Open(url))
        {
            var refused = Assert.Throws<IOException>(() => CallJournal.Open(url));
            Assert.Contains("in use by another run", refused.Message, StringComparison.Ordinal);
            Assert.Contains("at most 15 seconds", refused.Message, StringComparison.Ordinal);
        }

        using (CallJournal.Open(url))
        {
        }
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong signature")]
    [InlineData("read only")]
    [InlineData("missing container")]
    public void A_bad_sas_is_one_clear_error_at_open_that_never_shows_the_sas(string kind)
    {
        var sas = kind switch
        {
            "expired" => Azurite.Sas(expiry: DateTimeOffset.UtcNow.AddMinutes(-5)),
            "wrong signature" => Azurite.Sas().Replace("sig=", "sig=AAAA", StringComparison.Ordinal),
            "read only" => Azurite.Sas("rl"),
            _ => Azurite.Sas(),
        };
        var url = azurite.JournalUrl(kind == "missing container" ? "nosuchcontainer" : container, sas: sas);

        var error = Assert.Throws<IOException>(() => CallJournal.Open(url));

        var expected = kind switch
        {
            "expired" => "expired at",
            "wrong signature" => "The SAS was not accepted",
            "read only" => "lacks a permission",
            _ => "The container does not exist",
        };
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(url.Substring(0, url.IndexOf('?', StringComparison.Ordinal)), error.Message, StringComparison.Ordinal);
        var signature = Uri.UnescapeDataString(sas.Split('&').Single(part => part.StartsWith("sig=", StringComparison.Ordinal)).Substring(4));
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(sas, e.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(signature, e.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://storage.example.com/c/calls.journal?sv=1&sig=abc", "plain http is allowed only for loopback")]
    [InlineData("https://account.blob.core.windows.net/calls.journal?sv=1&sig=abc", "must name a container and a blob")]
    [InlineData("https://account.blob.core.windows.net/c/calls.journal", "carries no SAS token")]
    public void A_url_that_cannot_be_a_journal_is_refused_before_any_request(string url, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => CallJournal.Open(url));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=abc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_append_whose_answer_was_lost_is_resent_under_its_position_and_written_once()
    {
        var faults = new StorageFaults();
        var options = new BlobStoreOptions { Handler = faults };
        using (var journal = OpenWith(options))
        {
            faults.LoseAnswersOfAppends(1);
            await journal.RecordSendingAsync("row-1", FakeExotel.Request(1));
            await journal.RecordSendingAsync("row-2", FakeExotel.Request(2));
        }

        var text = Encoding.UTF8.GetString(azurite.Read(container, "calls.journal")!);
        Assert.Equal(1, CountOf(text, "\"key\":\"row-1\""));
        Assert.Equal(1, CountOf(text, "\"key\":\"row-2\""));
        Assert.True(faults.Appends >= 3, "the first append was sent again");
    }

    [Fact]
    public async Task A_journal_past_its_blob_block_limit_goes_on_in_the_next_blob_and_reads_back_whole()
    {
        var options = new BlobStoreOptions { BlocksPerBlob = 3 };
        using (var journal = OpenWith(options))
        {
            for (var row = 0; row < 10; row++)
            {
                await journal.RecordAsync("row-" + row, RowEnding.Placed, FakeExotel.Request(row), "sid-" + row, null);
            }
        }

        Assert.NotNull(azurite.Read(container, "calls.journal.3"));
        Assert.Null(azurite.Read(container, "calls.journal.4"));
        using var reopened = OpenWith(options);
        Assert.All(Enumerable.Range(0, 10), row => Assert.Equal("sid-" + row, reopened.Find("row-" + row)?.Sid));
    }

    [Fact]
    public void Lines_ready_together_go_in_one_append_even_with_latency_on_every_request()
    {
        var faults = new StorageFaults(TimeSpan.FromMilliseconds(100));
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        using (var journal = OpenWith(new BlobStoreOptions { Handler = faults }))
        {
            Assert.Equal(new string('P', 60), Endings(Run(exotel, journal, 0, 60, new DispatcherOptions { MaxInFlight = 20 })));
        }

        Assert.Equal(60, exotel.Calls);
        Assert.True(faults.Appends < 120 / 2, $"{faults.Appends} appends for 120 lines");
    }

    [Fact]
    public void Storage_out_of_reach_stops_the_run_before_the_call_goes_out()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        var journal = OpenWith(new BlobStoreOptions { RetryBudget = TimeSpan.FromSeconds(2) });
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal);
        azurite.Stop();

        dispatcher.Post(0, FakeExotel.Request(0));
        var results = new List<DispatchResult<int>>();
        var error = Assert.Throws<JournalWriteException>(() => results.AddRange(dispatcher.TakeAll()));

        Assert.Equal(RowEnding.NotSent, Assert.Single(results).Ending);
        Assert.Equal(0, exotel.Calls);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        journal.Dispose();
    }

    private CallJournal OpenWith(BlobStoreOptions options) =>
        CallJournal.Open(BlobJournalStore.Open(BlobJournalAddress.Parse(azurite.JournalUrl(container)), options), TimeProvider.System);

    internal static List<DispatchResult<int>> Run(FakeExotel exotel, CallJournal journal, int from, int count, DispatcherOptions? options = null)
    {
        using var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, options ?? new DispatcherOptions(), journal);
        for (var row = from; row < from + count; row++)
        {
            dispatcher.Post(row, FakeExotel.Request(row));
        }

        dispatcher.Complete();
        return dispatcher.TakeAll().ToList();
    }

    internal static string Endings(IEnumerable<DispatchResult<int>> results) =>
        string.Concat(results.Select(result => result.Ending switch { RowEnding.Placed => 'P', RowEnding.SkippedPlaced => 'S', _ => '?' }));

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}

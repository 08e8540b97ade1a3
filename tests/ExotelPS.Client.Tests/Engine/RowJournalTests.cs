using ExotelPS.Client.Tests.Bulk;

namespace ExotelPS.Client.Tests.Engine;

public sealed class RowJournalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-rowjournal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_row_waits_behind_an_unfinished_row_of_its_identity_and_is_handed_back_when_that_one_finishes()
    {
        var rows = new RowJournal<string>(journal: null);

        Assert.False(rows.WaitsBehind("order-1", "first"));
        Assert.True(rows.WaitsBehind("order-1", "second"));
        Assert.False(rows.WaitsBehind("order-2", "other"));

        Assert.Equal("second", rows.Finished("order-1", "first"));
        Assert.Null(rows.Finished("order-1", "second"));
        Assert.False(rows.WaitsBehind("order-1", "third"));
    }

    [Fact]
    public async Task Without_a_journal_rows_have_no_identity_no_history_and_nothing_is_written()
    {
        var rows = new RowJournal<string>(journal: null);

        Assert.Null(rows.IdentityOf(FakeExotel.Request(0), given: null));
        Assert.Null(rows.History("order-1"));
        Assert.True(await rows.TryRecordSendingAsync(identity: null, FakeExotel.Request(0)));
        Assert.Empty(rows.EarlierPlacedCalls());
    }

    [Fact]
    public async Task What_it_records_is_the_rows_history_and_a_line_it_cannot_write_is_kept_as_its_fault()
    {
        var journal = CallJournal.Open(Path.Combine(folder, "calls.jsonl"));
        var rows = new RowJournal<string>(journal);
        var request = FakeExotel.Request(0);
        var identity = rows.IdentityOf(request, given: null)!;

        Assert.True(await rows.TryRecordSendingAsync(identity, request));
        Assert.Equal((null, true), (rows.History(identity)!.Ending, rows.History(identity)!.IsInDoubt));
        Assert.True(await rows.TryRecordOutcomeAsync(identity, new DispatchResult<int>(0, 0, request, RowEnding.Placed, FakeExotel.CallFor(request), null, null)));
        Assert.Equal((RowEnding.Placed, "sid-0"), (rows.History(identity)!.Ending, rows.History(identity)!.Sid));

        journal.Dispose();
        Assert.False(await rows.TryRecordSendingAsync(identity, request));
        Assert.Contains(journal.Path, rows.Fault!.Message, StringComparison.Ordinal);
    }
}

using System.Text;

namespace ExotelPS.Client.Tests.Bulk;

public sealed class CheckedRequestTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-checked-").FullName;

    private string JournalPath => Path.Combine(folder, "calls.jsonl");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Check_names_the_rows_own_failures_and_the_requests_in_one_list()
    {
        using var dispatcher = new CallDispatcher<int>(new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request))).PlaceCallAsync);
        var request = FakeExotel.Request(0);
        request.To = "09900ABC006";
        var rowFailure = new ValidationFailure("Record", "maybe", "Record 'maybe' is not true or false.");

        var checkedRequest = dispatcher.Check(request, rowFailures: new[] { rowFailure });

        Assert.False(checkedRequest.IsValid);
        Assert.Equal(new[] { "Record", "To" }, checkedRequest.Failures.Select(failure => failure.Field));
    }

    [Fact]
    public void An_invalid_row_ends_invalid_in_its_turn_with_nothing_sent_or_journaled()
    {
        var exotel = new FakeExotel((request, _) => Task.FromResult(FakeExotel.CallFor(request)));
        var invalid = FakeExotel.Request(1);
        invalid.TimeOut = 99;
        List<DispatchResult<int>> results;
        using (var journal = CallJournal.Open(JournalPath))
        using (var dispatcher = new CallDispatcher<int>(exotel.PlaceCallAsync, journal: journal))
        {
            dispatcher.Post(0, FakeExotel.Request(0));
            dispatcher.Post(1, dispatcher.Check(invalid));
            dispatcher.Post(2, FakeExotel.Request(2));
            dispatcher.Complete();
            results = dispatcher.TakeAll().ToList();
        }

        Assert.Equal(new[] { RowEnding.Placed, RowEnding.Invalid, RowEnding.Placed }, results.Select(result => result.Ending));
        Assert.Equal(ExotelErrorKind.InvalidInput, results[1].Error!.Kind);
        Assert.Equal(2, exotel.Calls);
        Assert.DoesNotContain(File.ReadAllLines(JournalPath, Encoding.UTF8), line => line.Contains(CallJournal.IdentityOf(invalid), StringComparison.Ordinal));
    }
}

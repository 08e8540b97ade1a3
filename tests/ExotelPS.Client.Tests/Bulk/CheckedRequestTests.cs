using System.Text;
using ExotelPS.Client.Pacing;
using ExotelPS.Client.Sandbox;

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

    [Fact]
    public void A_checked_row_is_sent_with_the_form_its_check_made_not_checked_again()
    {
        var simulator = new ExotelSimulator(new SimulatorOptions { RequestsPerMinute = 100_000 });
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 100_000 });
        using var dispatcher = new CallDispatcher<int>(client);
        var request = FakeExotel.Request(0);
        request.TimeOut = 30;
        var checkedRequest = dispatcher.Check(request);

        // Were the row checked again as it is sent, this would refuse it.
        request.TimeOut = 99;
        dispatcher.Post(0, checkedRequest);
        dispatcher.Complete();

        Assert.Equal(RowEnding.Placed, Assert.Single(dispatcher.TakeAll()).Ending);
        Assert.Equal(1, simulator.CallCount);
    }

    [Fact]
    public void A_pool_row_is_sent_with_the_agent_it_was_given_though_its_check_found_no_from()
    {
        var simulator = new ExotelSimulator(new SimulatorOptions { RequestsPerMinute = 100_000 });
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 100_000 });
        var pacing = new PacingOptions { AgentPool = new List<string> { "09800000007" } };
        using var dispatcher = new CallDispatcher<int>(client, new DispatcherOptions { Pacing = pacing });
        var request = FakeExotel.Request(0);
        request.From = null;

        dispatcher.Post(0, request);
        dispatcher.Complete();

        var result = Assert.Single(dispatcher.TakeAll());
        Assert.Equal(RowEnding.Placed, result.Ending);
        var form = Assert.Single(simulator.Calls).Form;
        Assert.Equal("+919800000007", PhoneNumber.Canonical(form.Single(field => field.Key == "From").Value));
        Assert.Equal("From", form[0].Key);
    }
}

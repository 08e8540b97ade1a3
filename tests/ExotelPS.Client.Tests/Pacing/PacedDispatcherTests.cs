using System.Globalization;
using ExotelPS.Client.Pacing;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Pacing;

/// <summary>
/// The dispatcher as a progressive dialer against the simulated Exotel, in real (short) time: the simulator's own
/// record of when each call started and ended proves no From ever had more live calls than allowed.
/// </summary>
public sealed class PacedDispatcherTests
{
    private static readonly string[] Agents = { "09800000001", "09800000002", "09800000003" };

    [Fact]
    public void Three_agents_and_60_rows_every_row_placed_once_and_no_agent_ever_on_two_calls()
    {
        var simulator = Simulator();
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 10_000 });
        var results = Run(client, Pacing(pool: Agents), Enumerable.Range(0, 60).Select(row => Customer(row, from: null)));

        Assert.Equal(Enumerable.Range(0, 60), results.Select(result => result.Input));
        Assert.All(results, result => Assert.Equal(RowEnding.Placed, result.Ending));
        Assert.All(results, result => Assert.Contains(result.Request!.From, Agents));
        var calls = simulator.Calls;
        Assert.Equal(60, calls.Count);
        Assert.Equal(60, calls.Select(call => call.Field("CustomField")).Distinct().Count());
        Assert.Equal(Agents.OrderBy(agent => agent), calls.Select(call => call.Field("From")).Distinct().OrderBy(agent => agent));
        Assert.All(calls.GroupBy(call => call.Field("From")), agent => Assert.Equal(1, MostAtOnce(agent)));
    }

    [Fact]
    public void A_row_whose_From_is_busy_waits_while_rows_for_other_numbers_pass_it_and_output_keeps_input_order()
    {
        var simulator = Simulator();
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 10_000 });
        var rows = Enumerable.Range(0, 4).Select(row => Customer(row, from: "09800000001")).Append(Customer(4, from: "+919800000002")).ToList();

        var results = Run(client, Pacing(), rows);

        Assert.Equal(Enumerable.Range(0, 5), results.Select(result => result.Input));
        var calls = simulator.Calls.OrderBy(call => call.Created).ToList();
        var other = calls.Single(call => call.Field("CustomField") == "4");
        var secondOfTheBusyOne = calls.Where(call => call.Field("From") == "09800000001").ElementAt(1);
        Assert.True(other.Created < secondOfTheBusyOne.Created, "the row for the free number waited behind the busy one");
        Assert.Equal(1, MostAtOnce(calls.Where(call => call.Field("From") == "09800000001")));
    }

    [Fact]
    public void MaxCallsPerFrom_lets_a_trunk_carry_that_many_and_the_wrap_up_rests_a_From_between_calls()
    {
        var simulator = Simulator();
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 10_000 });
        var trunk = Pacing();
        trunk.MaxCallsPerFrom = 2;
        Run(client, trunk, Enumerable.Range(0, 8).Select(row => Customer(row, from: "08030752400")));
        Assert.Equal(2, MostAtOnce(simulator.Calls));

        simulator.Reset();
        var rested = Pacing();
        rested.WrapUp = TimeSpan.FromMilliseconds(300);
        Run(client, rested, Enumerable.Range(0, 3).Select(row => Customer(row, from: "09800000001")));
        var calls = simulator.Calls.OrderBy(call => call.Created).ToList();
        for (var next = 1; next < calls.Count; next++)
        {
            Assert.True(calls[next].Created - calls[next - 1].EndsAt >= rested.WrapUp, $"call {next} came {calls[next].Created - calls[next - 1].EndsAt} after the last ended");
        }
    }

    [Fact]
    public void A_rerun_does_not_ring_an_agent_whose_call_from_the_earlier_run_is_still_live()
    {
        var simulator = Simulator();
        simulator.Options.TalkTime = TimeSpan.FromSeconds(1.5);
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 10_000 });
        var path = Path.Combine(Path.GetTempPath(), "exotelps-pacing-" + Guid.NewGuid().ToString("N") + ".journal");
        try
        {
            using (var journal = CallJournal.Open(path))
            {
                Assert.Equal(RowEnding.Placed, Run(client, Pacing(pool: Agents.Take(1)), new[] { Customer(0, from: null) }, journal).Single().Ending);
            }

            using (var journal = CallJournal.Open(path))
            {
                var rerun = Run(client, Pacing(pool: Agents.Take(1)), new[] { Customer(0, from: null), Customer(1, from: null) }, journal);
                Assert.Equal(new[] { RowEnding.SkippedPlaced, RowEnding.Placed }, rerun.Select(result => result.Ending));

                // The skipped customer's output says which agent the earlier run gave it.
                Assert.Equal(Agents[0], rerun[0].Request!.From);
            }

            var calls = simulator.Calls.OrderBy(call => call.Created).ToList();
            Assert.Equal(2, calls.Count);
            Assert.True(calls[1].Created >= calls[0].EndsAt, "the agent was rung while the earlier run's call was live");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Progress_shows_the_agents_busy_and_the_rows_waiting_for_one()
    {
        var simulator = Simulator();
        simulator.Options.TalkTime = TimeSpan.FromSeconds(1);
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 10_000 });
        using var dispatcher = new CallDispatcher<int>(client, new DispatcherOptions { Pacing = Pacing(pool: Agents.Take(2)) });
        for (var row = 0; row < 5; row++)
        {
            dispatcher.Post(row, Customer(row, from: null));
        }

        Eventually.True(() => dispatcher.Progress is { FromsBusy: 2, WaitingForFrom: 3 }, "2 agents busy, 3 rows waiting");
        dispatcher.Complete();
        Assert.Equal(5, dispatcher.TakeAll().Count());
        Assert.Equal(0, dispatcher.Progress.WaitingForFrom);
    }

    [Fact]
    public void Taking_the_results_reports_while_rows_wait_for_a_busy_agent()
    {
        var simulator = Simulator();
        simulator.Options.TalkTime = TimeSpan.FromSeconds(0.5);
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 10_000 });
        using var dispatcher = new CallDispatcher<int>(client, new DispatcherOptions { Pacing = Pacing(pool: Agents.Take(1)) });
        dispatcher.Post(0, Customer(0, from: null));
        dispatcher.Post(1, Customer(1, from: null));
        dispatcher.Complete();
        var idle = 0;

        var results = dispatcher.TakeAll(TimeSpan.FromMilliseconds(50), () => idle++).ToList();

        Assert.Equal(new[] { 0, 1 }, results.Select(result => result.Input));
        Assert.True(idle > 0, "never told while the second row waited for the agent");
    }

    private static ExotelSimulator Simulator() => new(new SimulatorOptions
    {
        RequestsPerMinute = 10_000,
        RingDelay = TimeSpan.FromMilliseconds(50),
        RingDelaySpread = TimeSpan.FromMilliseconds(50),
        TalkTime = TimeSpan.FromMilliseconds(100),
        TalkTimeSpread = TimeSpan.FromMilliseconds(150),
    });

    private static PacingOptions Pacing(IEnumerable<string>? pool = null) =>
        new() { AgentPool = (pool ?? Array.Empty<string>()).ToList(), MinPollInterval = TimeSpan.FromMilliseconds(50) };

    private static ConnectCallOptions Customer(int row, string? from) => new()
    {
        From = from,
        To = "09" + (row * 10).ToString("D9", CultureInfo.InvariantCulture),
        CallerId = "08030752400",
        CustomField = row.ToString(CultureInfo.InvariantCulture),
    };

    private static List<DispatchResult<int>> Run(ExotelClient client, PacingOptions pacing, IEnumerable<ConnectCallOptions> rows, CallJournal? journal = null)
    {
        using var dispatcher = new CallDispatcher<int>(client, new DispatcherOptions { Pacing = pacing }, journal);
        var results = new List<DispatchResult<int>>();
        var row = 0;
        foreach (var request in rows)
        {
            dispatcher.Post(row++, request);
            results.AddRange(dispatcher.TakeReady());
        }

        dispatcher.Complete();
        results.AddRange(dispatcher.TakeAll());
        return results;
    }

    // The most calls live at one moment, by the simulator's own start and end of each.
    private static int MostAtOnce(IEnumerable<RecordedCall> calls)
    {
        var list = calls.ToList();
        return list.Max(call => list.Count(other => other.Created <= call.Created && call.Created < other.EndsAt));
    }
}

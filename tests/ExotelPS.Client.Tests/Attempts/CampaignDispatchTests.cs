using ExotelPS.Client.Campaigns;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Attempts;

/// <summary>
/// A campaign through the dispatcher, over the sandbox at 3600 times real speed (half an hour passes in half a
/// second): redials by the rules, the wait from the end of the previous attempt, the attempts bound, the run budget.
/// </summary>
public sealed class CampaignDispatchTests
{
    private const string Agent = "+919800000001";
    private const string CallerId = "08030000000";
    private const string Busy = "+919900000486";
    private const string Failed = "+919900000404";
    private const string Answers = "+919900000002";

    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(20);

    // Longer than the budget of the tests that end with a pending row, which is an hour (a second of real time).
    private static readonly TimeSpan LongWait = TimeSpan.FromHours(3);

    [Fact]
    public async Task A_busy_customer_is_redialled_after_the_wait_from_the_last_end_until_the_attempts_are_used_up()
    {
        var (results, simulator) = await RunAsync(new[] { Busy }, maxAttempts: 3);

        var calls = simulator.Calls;
        var result = Assert.Single(results);
        Assert.Equal(3, calls.Count);
        Assert.Equal(RowState.GaveUp, result.Decision!.State);
        Assert.Equal(GaveUpReason.AttemptsUsedUp, result.Decision.GaveUpBecause);
        Assert.Equal(3, result.Decision.CustomerAttempts);
        Assert.Null(result.Decision.NextAttemptAt);
        Assert.Equal(RowEnding.Placed, result.Ending);
        Assert.Equal(calls[2].Sid, result.CallSid);
        Assert.Equal(CallStatus.Busy, result.Call!.Status);
        for (var next = 1; next < calls.Count; next++)
        {
            // Exotel gives the end in whole seconds: the wait counts from the end it reports.
            var earliest = calls[next - 1].EndsAt + Wait - TimeSpan.FromSeconds(1);
            Assert.True(calls[next].Created >= earliest, $"attempt {next + 1} started {calls[next].Created:o}, before {earliest:o}");
        }
    }

    [Fact]
    public async Task An_answered_customer_is_reached_at_once_and_a_status_not_named_gives_up_after_one_attempt()
    {
        var (results, simulator) = await RunAsync(new[] { Answers, Failed }, maxAttempts: 5);

        Assert.Equal(2, simulator.Calls.Count);
        Assert.Equal(RowState.Reached, results[0].Decision!.State);
        Assert.Equal(1, results[0].Decision!.CustomerAttempts);
        Assert.Equal(RowState.GaveUp, results[1].Decision!.State);
        Assert.Equal(GaveUpReason.StatusNotRedialled, results[1].Decision!.GaveUpBecause);
    }

    [Fact]
    public async Task Past_the_run_budget_nothing_new_starts_and_the_row_is_pending_with_its_next_attempt()
    {
        var (results, simulator) = await RunAsync(new[] { Busy }, maxAttempts: 3, maxRunTime: TimeSpan.FromHours(1), wait: LongWait);

        var result = Assert.Single(results);
        var call = Assert.Single(simulator.Calls);
        Assert.Equal(RowState.Pending, result.Decision!.State);
        Assert.Equal(1, result.Decision.CustomerAttempts);
        // Exotel's times are whole seconds.
        Assert.InRange(result.Decision.NextAttemptAt!.Value, call.EndsAt + LongWait - TimeSpan.FromSeconds(1), call.EndsAt + LongWait);
    }

    [Fact]
    public async Task A_closed_window_the_budget_cannot_wait_for_leaves_every_row_pending_without_a_call()
    {
        var now = DateTimeOffset.UtcNow;
        var window = $"{now.AddHours(3):HH:mm}-{now.AddHours(4):HH:mm}";
        var (results, simulator) = await RunAsync(new[] { Busy, Answers }, maxAttempts: 3, maxRunTime: TimeSpan.FromHours(1), window: window);

        Assert.Empty(simulator.Calls);
        Assert.All(results, result => Assert.Equal(RowEnding.Deferred, result.Ending));
        Assert.All(results, result => Assert.Equal(RowState.Pending, result.Decision!.State));
        Assert.All(results, result => Assert.True(result.Decision!.NextAttemptAt > now.AddHours(2)));
    }

    [Fact]
    public async Task An_agent_who_does_not_answer_is_no_attempt_on_the_customer_and_the_row_goes_back_at_once_a_bounded_number_of_times()
    {
        var (results, simulator) = await RunAsync(new[] { Answers }, maxAttempts: 1, agent: "+919800000480");

        var calls = simulator.Calls;
        var result = Assert.Single(results);
        Assert.Equal(CampaignRules.MaxAgentMissPutBacks + 1, calls.Count);
        Assert.Equal(CampaignRules.MaxAgentMissPutBacks, result.Decision!.AgentMisses);
        Assert.Equal(1, result.Decision.CustomerAttempts);
        Assert.Equal(RowState.GaveUp, result.Decision.State);
        Assert.True(calls[1].Created < calls[0].EndsAt + Wait, "a row put back after an agent's miss does not wait -RedialAfter");
    }

    [Fact]
    public async Task A_rerun_on_the_journal_counts_the_earlier_attempts_waits_from_the_last_end_and_skips_a_finished_row()
    {
        var journal = Path.Combine(Path.GetTempPath(), $"campaign-{Guid.NewGuid():N}.journal");
        try
        {
            var (first, simulator) = await RunAsync(new[] { Busy }, maxAttempts: 3, maxRunTime: TimeSpan.FromHours(1), journalPath: journal, wait: LongWait);
            var (second, _) = await RunAsync(new[] { Busy }, maxAttempts: 3, simulator: simulator, journalPath: journal, wait: LongWait);
            var (third, _) = await RunAsync(new[] { Busy }, maxAttempts: 3, simulator: simulator, journalPath: journal, wait: LongWait);

            var calls = simulator.Calls;
            Assert.Equal(RowState.Pending, first[0].Decision!.State);
            Assert.Equal(3, calls.Count);
            Assert.True(calls[1].Created >= calls[0].EndsAt + LongWait - TimeSpan.FromSeconds(1));
            Assert.Equal(RowState.GaveUp, second[0].Decision!.State);
            Assert.Equal(3, second[0].Decision!.CustomerAttempts);
            Assert.Equal(RowEnding.SkippedPlaced, third[0].Ending);
            Assert.Equal(RowState.GaveUp, third[0].Decision!.State);
            Assert.Equal(calls[2].Sid, third[0].CallSid);
            Assert.Equal(3, File.ReadLines(journal).Count(line => line.Contains("\"outcome\":\"final\"", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(journal);
        }
    }

    [Fact]
    public async Task A_refused_row_is_an_error_in_its_place_and_its_refused_line_lets_the_journal_read_back_as_before()
    {
        var journal = Path.Combine(Path.GetTempPath(), $"campaign-{Guid.NewGuid():N}.journal");
        try
        {
            var (first, simulator) = await RunAsync(new[] { "not a number", Answers }, maxAttempts: 2, journalPath: journal);
            var (again, _) = await RunAsync(new[] { "not a number", Answers }, maxAttempts: 2, simulator: simulator, journalPath: journal);

            Assert.Equal(RowEnding.Invalid, first[0].Ending);
            Assert.Null(first[0].Decision);
            Assert.Equal(RowState.Reached, first[1].Decision!.State);
            // One per run that refused it.
            Assert.Equal(2, File.ReadLines(journal).Count(line => line.Contains("\"outcome\":\"refused\"", StringComparison.Ordinal)));
            Assert.Equal(RowEnding.Invalid, again[0].Ending);
            Assert.Equal(RowEnding.SkippedPlaced, again[1].Ending);
            Assert.Single(simulator.Calls);
        }
        finally
        {
            File.Delete(journal);
        }
    }

    [Fact]
    public async Task Rows_waiting_for_a_redial_do_not_hold_back_the_first_attempts_of_the_rows_behind_them()
    {
        // Rows 1 and 2 wait 20 minutes for their redial, yet rows 3 to 6 are dialled meanwhile.
        var agents = Agents(6);

        var (results, simulator) = await RunWithBacklogOfTwoAsync(agents, agent => Busy);

        Assert.Equal(agents, results.Select(result => result.Input));
        Assert.All(results, result => Assert.Equal(2, result.Decision!.CustomerAttempts));
        var firstRedial = simulator.Calls.GroupBy(call => call.Field("From")).Min(calls => calls.OrderBy(call => call.Created).ElementAt(1).Created);
        var firstAttempts = simulator.Calls.GroupBy(call => call.Field("From")).Select(calls => calls.Min(call => call.Created));
        Assert.All(firstAttempts, start => Assert.True(start < firstRedial, $"a first attempt started {start:o}, after the first redial {firstRedial:o}"));
    }

    [Fact]
    public async Task Rows_done_behind_a_row_waiting_for_its_redial_do_not_hold_back_the_first_attempts_of_the_rows_after_them()
    {
        // Row 1 waits 20 minutes for its redial, and the rows answered behind it wait to be written after it; rows 2 to 7
        // are all dialled meanwhile (at scale: 256 done rows once stopped the input for the rest of the oldest row's half
        // hour, and the agents idled).
        var agents = Agents(7);

        var (results, simulator) = await RunWithBacklogOfTwoAsync(agents, agent => agent == agents[0] ? Busy : Answers);

        Assert.Equal(agents, results.Select(result => result.Input));
        Assert.Equal(new[] { 2, 1, 1, 1, 1, 1, 1 }, results.Select(result => result.Decision!.CustomerAttempts));
        var redial = simulator.Calls.Where(call => call.Field("From") == agents[0]).Max(call => call.Created);
        var firstAttempts = simulator.Calls.Where(call => call.Field("From") != agents[0]).Select(call => call.Created);
        Assert.All(firstAttempts, start => Assert.True(start < redial, $"a first attempt started {start:o}, after the redial {redial:o}"));
    }

    private static List<string> Agents(int count) => Enumerable.Range(1, count).Select(n => $"+91980000000{n}").ToList();

    // One row per agent, each agent calling the customer given, two attempts 20 minutes apart, a backlog of 2 untaken results.
    private static async Task<(List<DispatchResult<string>> Results, ExotelSimulator Simulator)> RunWithBacklogOfTwoAsync(
        IReadOnlyList<string> agents, Func<string, string> customerOf)
    {
        var simulator = new ExotelSimulator(new SimulatorOptions { Speed = 3600, TimeProvider = TimeProvider.System });
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { TimeProvider = simulator.Time });
        var rules = new CampaignRules(RedialPolicy.Create(2, null, new[] { Wait }), CallingHours.Create(null, "UTC"));
        using var dispatcher = new CallDispatcher<string>(client, new DispatcherOptions { Campaign = rules, MaxBacklog = 2 });
        var results = await Task.Run(() =>
        {
            foreach (var agent in agents)
            {
                dispatcher.Post(agent, new ConnectCallOptions { From = agent, To = customerOf(agent), CallerId = CallerId });
            }

            dispatcher.Complete();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            return dispatcher.TakeAll(timeout.Token).ToList();
        });
        return (results, simulator);
    }

    private static async Task<(List<DispatchResult<string>> Results, ExotelSimulator Simulator)> RunAsync(
        string[] customers,
        int maxAttempts,
        TimeSpan? maxRunTime = null,
        string? window = null,
        string agent = Agent,
        ExotelSimulator? simulator = null,
        string? journalPath = null,
        TimeSpan? wait = null)
    {
        simulator ??= new ExotelSimulator(new SimulatorOptions { Speed = 3600, TimeProvider = TimeProvider.System });
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { TimeProvider = simulator.Time });
        using var journal = journalPath is null ? null : CallJournal.Open(journalPath, client);
        var rules = new CampaignRules(
            RedialPolicy.Create(maxAttempts, null, new[] { wait ?? Wait }),
            CallingHours.Create(window is null ? null : new[] { window }, "UTC"));
        using var dispatcher = new CallDispatcher<string>(client, new DispatcherOptions { Campaign = rules, MaxRunTime = maxRunTime }, journal);
        foreach (var customer in customers)
        {
            dispatcher.Post(customer, new ConnectCallOptions { From = agent, To = customer, CallerId = CallerId });
        }

        dispatcher.Complete();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var results = await Task.Run(() => dispatcher.TakeAll(timeout.Token).ToList());
        Assert.Equal(customers.Length, results.Count);
        return (results, simulator);
    }
}

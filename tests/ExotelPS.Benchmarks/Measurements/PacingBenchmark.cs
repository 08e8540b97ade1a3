using System.Globalization;
using ExotelPS.Client;
using ExotelPS.Client.Pacing;
using ExotelPS.Emulator;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>
/// The progressive dialer against the emulator, in real time: A agents in a pool, calls that ring and talk for a drawn
/// time (mean L), every row a customer without a From. The goal: the rate the agents sustain is at least 95% of
/// min(cap, A / L), with no agent ever on two calls, every row placed once, and the finality polls shown as a share of the cap.
/// </summary>
internal static class PacingBenchmark
{
    /// <summary>Goal: at least this share of min(cap, A / L).</summary>
    public const double GoalShare = 0.95;

    private static readonly Scenario[] Scenarios =
    {
        new("agents bind", Cap: 600, Agents: 20, Ring: (1, 3), Talk: (14, 22), Cycles: 10),
        new("cap binds", Cap: 600, Agents: 300, Ring: (1, 3), Talk: (14, 22), Cycles: 7),
        new("Exotel's 200/min", Cap: 200, Agents: 15, Ring: (2, 6), Talk: (31, 51), Cycles: 5),
    };

    /// <summary>Runs every scenario; true when each met the goal.</summary>
    public static async Task<bool> RunAsync(TextWriter output)
    {
        output.WriteLine("## Pacing: agent pools through CallDispatcher + ExotelClient, defaults (one live call per agent, polls within 10% of the cap)");
        output.WriteLine();
        var table = new MarkdownTable(
            "scenario", "cap", "agents A", "mean call L", "min(cap, A/L)", "rows", "placed once", "most live per agent",
            "achieved rate", "share of min(cap, A/L)", "finality polls", "polls a minute", "polls as share of cap", "wall time", "goal");
        var allMet = true;
        foreach (var scenario in Scenarios)
        {
            output.WriteLine($"running {scenario.Name} ...");
            var run = await RunOneAsync(scenario);
            var share = run.AchievedPerMinute / scenario.ExpectedPerMinute;
            var met = share >= GoalShare && run.PlacedOnce == scenario.Rows && run.MostLivePerAgent == 1;
            allMet &= met;
            table.Add(
                scenario.Name,
                scenario.Cap.ToString("N0", CultureInfo.InvariantCulture) + "/min",
                scenario.Agents.ToString(CultureInfo.InvariantCulture),
                scenario.MeanCallSeconds.ToString("0", CultureInfo.InvariantCulture) + " s",
                scenario.ExpectedPerMinute.ToString("N0", CultureInfo.InvariantCulture) + "/min",
                scenario.Rows.ToString("N0", CultureInfo.InvariantCulture),
                run.PlacedOnce.ToString("N0", CultureInfo.InvariantCulture),
                run.MostLivePerAgent.ToString(CultureInfo.InvariantCulture),
                run.AchievedPerMinute.ToString("N1", CultureInfo.InvariantCulture) + "/min",
                share.ToString("P1", CultureInfo.InvariantCulture),
                run.Polls.ToString("N0", CultureInfo.InvariantCulture),
                run.PollsPerMinute.ToString("N1", CultureInfo.InvariantCulture),
                (run.PollsPerMinute / scenario.Cap).ToString("P1", CultureInfo.InvariantCulture),
                run.Wall.TotalSeconds.ToString("0 s", CultureInfo.InvariantCulture),
                met ? "met" : "MISSED");
        }

        output.WriteLine();
        table.Print(output);
        return allMet;
    }

    private static async Task<PacingRun> RunOneAsync(Scenario scenario)
    {
        await using var emulator = await EmulatorHost.StartAsync(options =>
        {
            options.RequestsPerMinute = scenario.Cap;
            options.RingDelay = TimeSpan.FromSeconds(scenario.Ring.Least);
            options.RingDelaySpread = TimeSpan.FromSeconds(scenario.Ring.Most - scenario.Ring.Least);
            options.TalkTime = TimeSpan.FromSeconds(scenario.Talk.Least);
            options.TalkTimeSpread = TimeSpan.FromSeconds(scenario.Talk.Most - scenario.Talk.Least);
        });
        using var client = new ExotelClient(emulator.CreateAccount(), new ExotelClientOptions { RequestsPerMinute = scenario.Cap });
        var agents = Enumerable.Range(1, scenario.Agents).Select(agent => "098" + agent.ToString("D8", CultureInfo.InvariantCulture)).ToList();
        var options = new DispatcherOptions { Pacing = new PacingOptions { AgentPool = agents } };

        var started = DateTimeOffset.UtcNow;
        await Task.Run(() =>
        {
            // As the cmdlets feed it: one thread posts each row and takes what is ready, then takes the rest.
            using var dispatcher = new CallDispatcher<int>(client, options);
            foreach (var row in CampaignRows.Stream(scenario.Rows))
            {
                var request = CampaignRows.Request(row);
                request.From = null;
                dispatcher.Post(row, request);
                _ = dispatcher.TakeReady().Count();
            }

            dispatcher.Complete();
            _ = dispatcher.TakeAll().Count();
        });
        var wall = DateTimeOffset.UtcNow - started;

        var calls = emulator.Simulator.Calls;
        var polls = emulator.Simulator.RequestCount - emulator.Simulator.CallCount;
        return new PacingRun(
            calls.Select(call => call.Field("CustomField")).Distinct().Count(),
            calls.GroupBy(call => call.Field("From")).Max(agent => MostAtOnce(agent.Select(call => (call.Created, call.EndsAt)))),
            SustainedPerMinute(calls.Select(call => (call.Field("From") ?? string.Empty, call.Created))),
            polls,
            polls / wall.TotalMinutes,
            wall);
    }

    /// <summary>
    /// The rate the agents sustained: each agent's calls after its first over the time from its first call to its last,
    /// summed. In a steady state that is the campaign's rate, without the burst of first calls when all agents start
    /// free, and without the tail when the rows run out.
    /// </summary>
    internal static double SustainedPerMinute(IEnumerable<(string Agent, DateTimeOffset Start)> calls) =>
        calls.GroupBy(call => call.Agent)
            .Select(agent => agent.Select(call => call.Start).Order().ToList())
            .Where(times => times.Count >= 2)
            .Sum(times => (times.Count - 1) / (times[^1] - times[0]).TotalMinutes);

    /// <summary>The most calls live at one moment among one agent's, by the start and end recorded of each.</summary>
    internal static int MostAtOnce(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> calls)
    {
        var list = calls.ToList();
        return list.Max(call => list.Count(other => other.Start <= call.Start && call.Start < other.End));
    }

    private sealed record Scenario(string Name, int Cap, int Agents, (double Least, double Most) Ring, (double Least, double Most) Talk, int Cycles)
    {
        public double MeanCallSeconds => ((Ring.Least + Ring.Most) / 2) + ((Talk.Least + Talk.Most) / 2);

        public double ExpectedPerMinute => Math.Min(Cap, Agents * 60 / MeanCallSeconds);

        // Enough rows for the agents to go round Cycles times at the expected rate.
        public int Rows => (int)(ExpectedPerMinute * MeanCallSeconds / 60 * Cycles);
    }

    private sealed record PacingRun(int PlacedOnce, int MostLivePerAgent, double AchievedPerMinute, long Polls, double PollsPerMinute, TimeSpan Wall);
}

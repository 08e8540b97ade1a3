using ExotelPS.Client;
using ExotelPS.Client.Campaigns;

namespace ExotelPS.Benchmarks.Reports;

/// <summary>
/// A made-up but lifelike campaign in IST: rows spread over one day's 09:00-21:00 window, a pool of agents (one of
/// them often away), up to three attempts 30 minutes apart, seen the next morning at 08:00 so some rows are pending.
/// The same seed gives the same campaign, so the page and its figures can be compared run to run. It is written as a
/// journal of <c>final</c> lines, by the journal's own writer, so the report reads it as it reads a run's.
/// </summary>
internal sealed class SampleCampaign
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
    private static readonly DateTimeOffset Opening = new(2026, 12, 7, 9, 0, 0, Ist);
    private readonly Random random = new(20261207);
    private readonly string[] agents;
    private int calls;

    public SampleCampaign(int agentCount)
    {
        agents = Enumerable.Range(1, agentCount).Select(agent => "0991000" + agent.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Schedule = new CampaignRules(RedialPolicy.Create(3, null, null), CallingHours.Create(new[] { "09:00-21:00" }, TimeZoneLookup.DefaultId));
        Now = Opening.AddHours(23);
    }

    /// <summary>The campaign's rules: three attempts, busy and no-answer redialled after 30 minutes, 09:00-21:00 IST.</summary>
    public CampaignRules Schedule { get; }

    /// <summary>The report's now: the next morning, before the window opens.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Writes the campaign's <paramref name="rows"/> to a new journal at <paramref name="path"/>; returns how many calls it holds.</summary>
    public int WriteJournal(string path, int rows)
    {
        var spacing = TimeSpan.FromTicks(TimeSpan.FromHours(12).Ticks / rows);
        using var journal = CallJournal.Open(path);
        for (var row = 0; row < rows; row++)
        {
            var key = "CUST-" + (row + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var call in RowCalls(row, Opening + TimeSpan.FromTicks(spacing.Ticks * row)))
            {
                journal.RecordFinalAsync(key, call).GetAwaiter().GetResult();
            }
        }

        return calls;
    }

    private List<JournalAttempt> RowCalls(int row, DateTimeOffset firstStart)
    {
        var rowCalls = new List<JournalAttempt>();
        var start = firstStart;
        while (start < Now)
        {
            var call = Call(agents[(row + rowCalls.Count) % agents.Length], start);
            rowCalls.Add(call);

            // Decided as the run did, when the call ended, not as the report sees it the next morning.
            var decision = Schedule.Decide(rowCalls.Select(call => call.ToCallAttempt()).ToList(), RunBudget.Start(null, new FixedTime(call.End)));
            if (decision.NextAttemptAt is not { } next)
            {
                break;
            }

            start = next;
        }

        calls += rowCalls.Count;
        return rowCalls;
    }

    private JournalAttempt Call(string agent, DateTimeOffset start)
    {
        var oftenAway = agent == agents[agents.Length - 1];
        var draw = random.NextDouble();
        var ring = 15 + random.Next(25);
        var sid = "sample" + calls.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (draw < (oftenAway ? 0.25 : 0.03))
        {
            return new JournalAttempt(sid, agent, start, start.AddSeconds(ring), "no-answer", isFlowCall: false) { Leg1 = "no-answer", Duration = ring };
        }

        var (status, leg2) = (draw - (oftenAway ? 0.25 : 0.03)) switch
        {
            < 0.48 => ("completed", "completed"),
            < 0.70 => ("busy", "busy"),
            < 0.95 => ("no-answer", "no-answer"),
            _ => ("failed", "failed"),
        };
        var talk = status == "completed" ? 20 + random.Next(280) : 0;
        var duration = ring + talk;
        return new JournalAttempt(sid, agent, start, start.AddSeconds(duration), status, isFlowCall: false)
        {
            Leg1 = "completed", Leg2 = leg2, Duration = duration, Talk = talk,
        };
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

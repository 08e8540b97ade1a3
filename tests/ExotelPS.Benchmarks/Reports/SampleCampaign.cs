using ExotelPS.Client;
using ExotelPS.Client.Campaigns;
using ExotelPS.Client.Campaigns.Reporting;

namespace ExotelPS.Benchmarks.Reports;

/// <summary>
/// A made-up but lifelike campaign in IST: rows spread over one day's 09:00-21:00 window, a pool of agents (one of
/// them often away), up to three attempts 30 minutes apart, seen the next morning at 08:00 so some rows are pending.
/// The same seed gives the same campaign, so the page and its figures can be compared run to run.
/// </summary>
internal sealed class SampleCampaign
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
    private static readonly DateTimeOffset Opening = new(2026, 12, 7, 9, 0, 0, Ist);
    private readonly Random random = new(20261207);
    private readonly string[] agents;

    public SampleCampaign(int agentCount)
    {
        agents = Enumerable.Range(1, agentCount).Select(agent => "0991000" + agent.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Schedule = new CampaignRules(RedialPolicy.Create(3, null, null), CallingHours.Create(new[] { "09:00-21:00" }, TimeZoneLookup.DefaultId));
        Budget = RunBudget.Start(null, new FixedTime(Opening.AddHours(23)));
    }

    /// <summary>The campaign's rules: three attempts, busy and no-answer redialled after 30 minutes, 09:00-21:00 IST.</summary>
    public CampaignRules Schedule { get; }

    /// <summary>The report's now: the next morning, before the window opens.</summary>
    public RunBudget Budget { get; }

    /// <summary>Each row's calls (null for a refused row), as a journal would give them back.</summary>
    public List<(string Key, List<ReportedCall>? Calls)> Calls(int rows)
    {
        var spacing = TimeSpan.FromTicks(TimeSpan.FromHours(12).Ticks / rows);
        var result = new List<(string, List<ReportedCall>?)>(rows);
        for (var row = 0; row < rows; row++)
        {
            var key = "CUST-" + (row + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            result.Add((key, random.NextDouble() < 0.005 ? null : RowCalls(row, Opening + TimeSpan.FromTicks(spacing.Ticks * row))));
        }

        return result;
    }

    /// <summary>The report's rows from the calls: what the wiring will do with a journal's lines.</summary>
    public IEnumerable<ReportedRow> Rows(List<(string Key, List<ReportedCall>? Calls)> calls) =>
        calls.Select((row, index) => row.Calls is null
            ? ReportedRow.Refused(index + 1, row.Key)
            : ReportedRow.Decide(index + 1, row.Key, row.Calls, Schedule, Budget));

    private List<ReportedCall> RowCalls(int row, DateTimeOffset firstStart)
    {
        var calls = new List<ReportedCall>();
        var start = firstStart;
        while (start < Budget.Now)
        {
            var call = Call(agents[(row + calls.Count) % agents.Length], start);
            calls.Add(call);

            // Decided as the run did, when the call ended, not as the report sees it the next morning.
            var decision = Schedule.Decide(calls.Select(call => call.Attempt).ToList(), RunBudget.Start(null, new FixedTime(call.Attempt.End)));
            if (decision.NextAttemptAt is not { } next)
            {
                break;
            }

            start = next;
        }

        return calls;
    }

    private ReportedCall Call(string agent, DateTimeOffset start)
    {
        var oftenAway = agent == agents[agents.Length - 1];
        var draw = random.NextDouble();
        var ring = TimeSpan.FromSeconds(15 + random.Next(25));
        if (draw < (oftenAway ? 0.25 : 0.03))
        {
            return new ReportedCall(new CallAttempt(start, start + ring, CallVerdict.OfConnectCall("no-answer", "no-answer", null)), agent, ring, null);
        }

        var (status, leg2) = (draw - (oftenAway ? 0.25 : 0.03)) switch
        {
            < 0.48 => ("completed", "completed"),
            < 0.70 => ("busy", "busy"),
            < 0.95 => ("no-answer", "no-answer"),
            _ => ("failed", "failed"),
        };
        var talk = status == "completed" ? TimeSpan.FromSeconds(20 + random.Next(280)) : (TimeSpan?)null;
        var duration = ring + (talk ?? TimeSpan.Zero);
        var verdict = CallVerdict.OfConnectCall(status, "completed", leg2);
        return new ReportedCall(new CallAttempt(start, start + duration, verdict), agent, duration, talk);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

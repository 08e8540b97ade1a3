namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>
/// How a campaign went, computed from its rows in one pass: the <see cref="Summary"/>, one <see cref="AgentSummary"/>
/// per From, attempts by hour of the day, the outcomes' counts and the first pending rows' next attempts. Holds only
/// what it shows, so a report of 100,000 rows stays small.
/// </summary>
public sealed class CampaignReport
{
    /// <summary>How many pending rows <see cref="NextAttempts"/> lists; the rest are counted in <see cref="NextAttemptsNotListed"/>.</summary>
    public const int ListedNextAttempts = 20;

    private CampaignReport(
        TimeZoneInfo zone,
        CampaignSummary summary,
        IReadOnlyList<AgentSummary> agents,
        IReadOnlyList<HourOfDay> hours,
        IReadOnlyList<OutcomeCount> outcomes,
        IReadOnlyList<PendingAttempt> nextAttempts,
        int nextAttemptsNotListed)
    {
        Zone = zone;
        Summary = summary;
        Agents = agents;
        Hours = hours;
        Outcomes = outcomes;
        NextAttempts = nextAttempts;
        NextAttemptsNotListed = nextAttemptsNotListed;
    }

    /// <summary>The campaign's time zone: hours of the day and times are read in it.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The whole campaign.</summary>
    public CampaignSummary Summary { get; }

    /// <summary>One per From, the busiest (most calls) first, then by number.</summary>
    public IReadOnlyList<AgentSummary> Agents { get; }

    /// <summary>All 24 hours of the day, 0 first.</summary>
    public IReadOnlyList<HourOfDay> Hours { get; }

    /// <summary>Reached, gave up (one per last status, most first; one with no status when none gave up), pending, refused.</summary>
    public IReadOnlyList<OutcomeCount> Outcomes { get; }

    /// <summary>The pending rows due soonest (then by position), at most <see cref="ListedNextAttempts"/>.</summary>
    public IReadOnlyList<PendingAttempt> NextAttempts { get; }

    /// <summary>Pending rows not in <see cref="NextAttempts"/>.</summary>
    public int NextAttemptsNotListed { get; }

    /// <summary>Computes the report of these rows, reading hours of the day in <paramref name="zone"/>.</summary>
    public static CampaignReport Create(IEnumerable<ReportedRow> rows, TimeZoneInfo zone)
    {
        var all = new CallTally();
        var agents = new Dictionary<string, CallTally>(StringComparer.Ordinal);
        var attemptsByHour = new int[24];
        var reachedByHour = new int[24];
        var gaveUpByStatus = new Dictionary<CallStatus, int>();
        var pending = new List<PendingAttempt>();
        int rowCount = 0, refused = 0;
        foreach (var row in rows)
        {
            rowCount++;
            foreach (var (call, isPutBack) in CampaignRules.Counted(row.Calls, call => call.Attempt))
            {
                all.Add(row, call, isPutBack);
                AgentTally(agents, call.Agent).Add(row, call, isPutBack);
                if (!isPutBack)
                {
                    var hour = TimeZoneInfo.ConvertTime(call.Attempt.Start, zone).Hour;
                    attemptsByHour[hour]++;
                    reachedByHour[hour] += call.Attempt.Verdict.Outcome == AttemptOutcome.CustomerAnswered ? 1 : 0;
                }
            }

            switch (row.Decision)
            {
                case null:
                    refused++;
                    break;
                case { State: RowState.GaveUp }:
                    var status = row.Calls[row.Calls.Count - 1].Attempt.Verdict.Status;
                    gaveUpByStatus[status] = (gaveUpByStatus.TryGetValue(status, out var count) ? count : 0) + 1;
                    break;
                case { NextAttemptAt: { } next } decision:
                    pending.Add(new PendingAttempt(row, decision, TimeZoneInfo.ConvertTime(next, zone)));
                    break;
            }
        }

        var soonest = pending.OrderBy(attempt => attempt.NextAttemptAt).ThenBy(attempt => attempt.Position).Take(ListedNextAttempts).ToList();
        var gaveUp = gaveUpByStatus.Values.Sum();
        var summary = new CampaignSummary(all, rowCount, gaveUp, pending.Count, refused, soonest.FirstOrDefault()?.NextAttemptAt);
        var outcomes = new List<OutcomeCount> { new(ReportOutcome.Reached, null, all.Reached) };
        outcomes.AddRange(gaveUpByStatus.Count == 0
            ? new[] { new OutcomeCount(ReportOutcome.GaveUp, null, 0) }
            : gaveUpByStatus.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key.Value, StringComparer.Ordinal)
                .Select(pair => new OutcomeCount(ReportOutcome.GaveUp, pair.Key, pair.Value)));
        outcomes.Add(new OutcomeCount(ReportOutcome.Pending, null, pending.Count));
        outcomes.Add(new OutcomeCount(ReportOutcome.Refused, null, refused));

        return new CampaignReport(
            zone,
            summary,
            agents.Select(pair => new AgentSummary(pair.Key, pair.Value))
                .OrderByDescending(agent => agent.Calls).ThenBy(agent => agent.Agent, StringComparer.Ordinal).ToList(),
            Enumerable.Range(0, 24).Select(hour => new HourOfDay(hour, attemptsByHour[hour], reachedByHour[hour])).ToList(),
            outcomes,
            soonest,
            pending.Count - soonest.Count);
    }

    private static CallTally AgentTally(Dictionary<string, CallTally> agents, string agent)
    {
        if (!agents.TryGetValue(agent, out var tally))
        {
            tally = new CallTally();
            agents.Add(agent, tally);
        }

        return tally;
    }
}

using ExotelPS.Client.Campaigns;
using ExotelPS.Client.Campaigns.Reporting;
using static ExotelPS.Client.Tests.Campaigns.ReportScenario;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class CampaignReportTests
{
    [Fact]
    public void Summary_counts_rows_by_outcome_and_attempts_as_the_schedule_does()
    {
        var summary = EveryOutcome().Report().Summary;

        // Reached A, B; gave up C (failed), D (3 attempts); pending E (agent miss put back), F (redial), G (new).
        Assert.Equal((8, 2, 2, 3, 1), (summary.Rows, summary.Reached, summary.GaveUp, summary.Pending, summary.Refused));
        Assert.Equal((8, 1, 9), (summary.Attempts, summary.AgentMisses, summary.Calls));
    }

    [Fact]
    public void AnswerRate_is_reached_over_rows_with_an_attempt_on_the_customer()
    {
        var summary = EveryOutcome().Report().Summary;

        // A, B, C, D, F: E had only an agent miss, G nothing, the refused row nothing.
        Assert.Equal(5, summary.RowsAttempted);
        Assert.Equal(0.4, summary.AnswerRate);
    }

    [Fact]
    public void Talk_time_comes_from_the_answered_calls_and_call_length_from_every_call()
    {
        var summary = EveryOutcome().Report().Summary;

        Assert.Equal(TimeSpan.FromSeconds(80 + 180), summary.TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(130), summary.TalkTimeMean);

        // 100 + 20 + 200 + 10 + 30 + 40 + 40 + 30 + 25 = 495 seconds over 9 calls.
        Assert.Equal(TimeSpan.FromSeconds(55), summary.MeanCallLength);
    }

    [Fact]
    public void First_and_last_call_and_the_earliest_next_attempt()
    {
        var summary = EveryOutcome().Report().Summary;

        Assert.Equal(At(10, 0), summary.FirstCall);
        Assert.Equal(At(14, 45, 25), summary.LastCall);

        // E's put-back and the new row G are due now, 15:00; F at 14:45:25 + 30 minutes.
        Assert.Equal(Now, summary.NextAttemptAt);
    }

    [Fact]
    public void Agents_carry_the_same_measures_busiest_first()
    {
        var agents = EveryOutcome().Report().Agents;

        Assert.Equal(new[] { "X", "Y" }, agents.Select(agent => agent.Agent));
        var x = agents[0];
        Assert.Equal((5, 5, 0, 1, 4), (x.Calls, x.Attempts, x.AgentMisses, x.Reached, x.RowsAttempted));
        Assert.Equal(0.25, x.AnswerRate);
        Assert.Equal((TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(43)), (x.TalkTime, x.TalkTimeMean, x.MeanCallLength));
        Assert.Equal((At(10, 0), At(14, 45, 25)), (x.FirstCall!.Value, x.LastCall!.Value));

        var y = agents[1];
        Assert.Equal((4, 3, 1, 1, 3), (y.Calls, y.Attempts, y.AgentMisses, y.Reached, y.RowsAttempted));
        Assert.Equal(1.0 / 3, y.AnswerRate);
        Assert.Equal((TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(70)), (y.TalkTime, y.MeanCallLength));
        Assert.Equal((At(10, 40), At(14, 0, 30)), (y.FirstCall!.Value, y.LastCall!.Value));
    }

    [Fact]
    public void Hours_of_the_day_count_attempts_on_customers_by_start_in_the_campaign_zone()
    {
        var hours = EveryOutcome().Report().Hours;

        Assert.Equal(Enumerable.Range(0, 24), hours.Select(hour => hour.Hour));
        var active = hours.Where(hour => hour.Attempts > 0).Select(hour => (hour.Hour, hour.Attempts, hour.Reached));

        // E's agent miss at 14:00 is no attempt on the customer.
        Assert.Equal(new[] { (10, 3, 2), (11, 3, 0), (12, 1, 0), (14, 1, 0) }, active);
    }

    [Fact]
    public void Hours_follow_the_zone_the_report_is_read_in()
    {
        var scenario = new ReportScenario().Row("A", Call(At(10, 0), 60, "X", Answered, talkSeconds: 50));

        // 10:00 IST is 04:30 UTC, 00:30 in New York (EDT, UTC-4) on 1 May.
        var utc = scenario.Report(TimeZoneInfo.Utc).Hours.Single(hour => hour.Attempts > 0);
        var newYork = scenario.Report(TimeZoneLookup.Platform.Find("America/New_York")).Hours.Single(hour => hour.Attempts > 0);

        Assert.Equal((4, 1), (utc.Hour, utc.Reached));
        Assert.Equal(0, newYork.Hour);
    }

    [Fact]
    public void Outcomes_split_gave_up_rows_by_their_last_status()
    {
        var outcomes = EveryOutcome().Report().Outcomes.Select(outcome => (outcome.Outcome, outcome.LastStatus?.Value, outcome.Count));

        Assert.Equal(
            new (ReportOutcome, string?, int)[]
            {
                (ReportOutcome.Reached, null, 2), (ReportOutcome.GaveUp, "failed", 1), (ReportOutcome.GaveUp, "no-answer", 1),
                (ReportOutcome.Pending, null, 3), (ReportOutcome.Refused, null, 1),
            },
            outcomes);
    }

    [Fact]
    public void Next_attempts_list_the_pending_rows_soonest_first_then_by_position()
    {
        var next = EveryOutcome().Report().NextAttempts.Select(row => (row.Position, row.Key, row.Attempts, row.LastStatus?.Value, row.NextAttemptAt));

        Assert.Equal(
            new (int, string, int, string?, DateTimeOffset)[]
            {
                (5, "E", 0, "no-answer", Now), (8, "G", 0, null, Now), (6, "F", 1, "busy", At(15, 15, 25)),
            },
            next);
    }

    [Fact]
    public void Next_attempts_are_capped_and_the_rest_counted()
    {
        var scenario = new ReportScenario();
        for (var row = 0; row < CampaignReport.ListedNextAttempts + 5; row++)
        {
            scenario.Row($"row {row}");
        }

        var report = scenario.Report();

        Assert.Equal(20, report.NextAttempts.Count);
        Assert.Equal(Enumerable.Range(1, 20), report.NextAttempts.Select(row => row.Position));
        Assert.Equal(5, report.NextAttemptsNotListed);
    }

    [Fact]
    public void No_rows_give_zeros_and_no_times()
    {
        var report = new ReportScenario().Report();

        Assert.Equal((0, 0, 0, 0, 0, 0), (report.Summary.Rows, report.Summary.Reached, report.Summary.GaveUp, report.Summary.Pending, report.Summary.Refused, report.Summary.Attempts));
        Assert.Equal(0.0, report.Summary.AnswerRate);
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (report.Summary.TalkTime, report.Summary.TalkTimeMean));
        Assert.Null(report.Summary.FirstCall);
        Assert.Null(report.Summary.NextAttemptAt);
        Assert.Empty(report.Agents);
        Assert.Empty(report.NextAttempts);
    }

    [Fact]
    public void All_refused_is_no_attempt_and_an_answer_rate_of_zero()
    {
        var summary = new ReportScenario().Refused("a").Refused("b").Refused("c").Report().Summary;

        Assert.Equal((3, 3, 0, 0), (summary.Rows, summary.Refused, summary.RowsAttempted, summary.Pending));
        Assert.Equal(0.0, summary.AnswerRate);
    }

    [Fact]
    public void None_answered_is_an_answer_rate_of_zero_not_NaN()
    {
        var report = new ReportScenario()
            .Row("a", Call(At(10, 0), 20, "X", Failed))
            .Row("b", Call(At(10, 1), 20, "X", Failed))
            .Report();

        Assert.Equal((2, 2, 0), (report.Summary.RowsAttempted, report.Summary.GaveUp, report.Summary.Reached));
        Assert.Equal(0.0, report.Summary.AnswerRate);
        Assert.Equal(0.0, report.Agents.Single().AnswerRate);
        Assert.Equal(TimeSpan.Zero, report.Summary.TalkTimeMean);
    }

    [Fact]
    public void Past_the_put_back_bound_agent_misses_count_as_attempts_in_the_report_too()
    {
        var misses = Enumerable.Range(0, CampaignRules.MaxAgentMissPutBacks + 1)
            .Select(i => Call(At(10, 2 * i), 30, "Z", AgentMissed)).ToArray();

        var report = new ReportScenario().Row("a", misses).Report();

        // The fourth miss rang nobody but counts against the customer, as Decide counts it.
        Assert.Equal((1, 3, 1, 1), (report.Summary.Attempts, report.Summary.AgentMisses, report.Summary.RowsAttempted, report.Agents.Single().Attempts));
        Assert.Equal(1, report.Hours.Sum(hour => hour.Attempts));
    }

    [Fact]
    public void An_answered_call_of_unknown_talk_time_does_not_lower_the_mean()
    {
        var summary = new ReportScenario()
            .Row("a", Call(At(10, 0), 90, "X", Answered, talkSeconds: 60))
            .Row("b", Call(At(10, 5), 90, "X", Answered, talkSeconds: null))
            .Report().Summary;

        Assert.Equal(2, summary.Reached);
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)), (summary.TalkTime, summary.TalkTimeMean));
    }

    [Fact]
    public void A_call_after_the_answered_one_is_not_counted()
    {
        var summary = new ReportScenario()
            .Row("a", Call(At(10, 0), 90, "X", Answered, talkSeconds: 60), Call(At(11, 0), 30, "X", Busy))
            .Report().Summary;

        Assert.Equal((1, 1, 1), (summary.Calls, summary.Attempts, summary.Reached));
        Assert.Equal(At(10, 1, 30), summary.LastCall);
    }

    [Fact]
    public void Agents_add_up_to_the_whole_campaign()
    {
        var report = EveryOutcome().Report();

        Assert.Equal(report.Summary.Attempts, report.Agents.Sum(agent => agent.Attempts));
        Assert.Equal(report.Summary.AgentMisses, report.Agents.Sum(agent => agent.AgentMisses));
        Assert.Equal(report.Summary.Reached, report.Agents.Sum(agent => agent.Reached));
        Assert.Equal(report.Summary.TalkTime, TimeSpan.FromTicks(report.Agents.Sum(agent => agent.TalkTime.Ticks)));
    }
}

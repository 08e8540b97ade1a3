using ExotelPS.Client.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class CampaignRulesTests
{
    private static readonly TimeSpan Ist = new(5, 30, 0);

    // 10:00 IST, inside the 09:00-21:00 window.
    private static readonly DateTimeOffset Morning = new(2024, 5, 1, 10, 0, 0, Ist);

    private static readonly CallVerdict Busy = CallVerdict.OfConnectCall("busy", "completed", "busy");
    private static readonly CallVerdict NoAnswer = CallVerdict.OfConnectCall("no-answer", "completed", "no-answer");
    private static readonly CallVerdict Answered = CallVerdict.OfConnectCall("completed", "completed", "completed");
    private static readonly CallVerdict AgentMissed = CallVerdict.OfConnectCall("no-answer", "no-answer", null);

    private readonly FakeTimeProvider time = new(Morning);

    [Fact]
    public void A_fresh_row_is_due_now_inside_the_window()
    {
        var decision = Schedule().Decide(Array.Empty<CallAttempt>(), RunBudget.Start(null, time));

        Assert.Equal(RowState.Scheduled, decision.State);
        Assert.Equal(Morning, decision.NextAttemptAt);
        Assert.Equal(0, decision.CustomerAttempts);
    }

    [Fact]
    public void A_fresh_row_at_a_closed_window_waits_for_it_while_the_budget_allows()
    {
        time.SetUtcNow(new DateTimeOffset(2024, 5, 1, 22, 0, 0, Ist));
        var tomorrowNine = new DateTimeOffset(2024, 5, 2, 9, 0, 0, Ist);

        var unlimited = Schedule().Decide(Array.Empty<CallAttempt>(), RunBudget.Start(null, time));
        var threeHours = Schedule().Decide(Array.Empty<CallAttempt>(), RunBudget.Start(TimeSpan.FromHours(3), time));

        Assert.Equal((RowState.Scheduled, tomorrowNine), (unlimited.State, unlimited.NextAttemptAt));
        Assert.Equal((RowState.Pending, tomorrowNine), (threeHours.State, threeHours.NextAttemptAt));
    }

    [Fact]
    public void Redial_waits_count_from_the_end_of_the_previous_attempt_and_the_last_one_repeats()
    {
        var schedule = Schedule(maxAttempts: 4, redialAfter: new[] { TimeSpan.FromMinutes(10), TimeSpan.FromHours(1) });
        var budget = RunBudget.Start(null, time);
        var attempts = new List<CallAttempt> { Attempt(Morning, minutes: 2, Busy) };

        Assert.Equal(Morning.AddMinutes(12), schedule.Decide(attempts, budget).NextAttemptAt);

        attempts.Add(Attempt(Morning.AddMinutes(12), minutes: 1, NoAnswer));
        Assert.Equal(Morning.AddMinutes(73), schedule.Decide(attempts, budget).NextAttemptAt);

        attempts.Add(Attempt(Morning.AddMinutes(73), minutes: 1, Busy));
        var third = schedule.Decide(attempts, budget);
        Assert.Equal(Morning.AddMinutes(134), third.NextAttemptAt);
        Assert.Equal(3, third.CustomerAttempts);
    }

    [Fact]
    public void Gives_up_after_MaxAttempts_attempts_on_the_customer()
    {
        var attempts = new[] { Attempt(Morning, 1, Busy), Attempt(Morning.AddMinutes(40), 1, NoAnswer) };

        var decision = Schedule(maxAttempts: 2).Decide(attempts, RunBudget.Start(null, time));

        Assert.Equal(RowState.GaveUp, decision.State);
        Assert.Equal(GaveUpReason.AttemptsUsedUp, decision.GaveUpBecause);
        Assert.Null(decision.NextAttemptAt);
        Assert.True(decision.IsFinished);
    }

    [Fact]
    public void Gives_up_on_a_status_RedialOn_does_not_name()
    {
        var failed = CallVerdict.OfConnectCall("failed", "completed", "failed");

        var byDefault = Schedule(maxAttempts: 5).Decide(new[] { Attempt(Morning, 1, failed) }, RunBudget.Start(null, time));
        var named = Schedule(maxAttempts: 5, redialOn: new[] { "failed" }).Decide(new[] { Attempt(Morning, 1, failed) }, RunBudget.Start(null, time));

        Assert.Equal((RowState.GaveUp, GaveUpReason.StatusNotRedialled), (byDefault.State, byDefault.GaveUpBecause));
        Assert.Equal(RowState.Scheduled, named.State);
    }

    [Fact]
    public void A_row_answered_is_reached_whatever_came_before()
    {
        var attempts = new[] { Attempt(Morning, 1, AgentMissed), Attempt(Morning.AddMinutes(2), 1, Busy), Attempt(Morning.AddMinutes(40), 5, Answered) };

        var decision = Schedule(maxAttempts: 3).Decide(attempts, RunBudget.Start(null, time));

        Assert.Equal(RowState.Reached, decision.State);
        Assert.Equal(2, decision.CustomerAttempts);
        Assert.Equal(1, decision.AgentMisses);
        Assert.Null(decision.NextAttemptAt);
    }

    [Fact]
    public void A_redial_falling_after_the_window_closes_waits_for_the_next_opening()
    {
        time.SetUtcNow(new DateTimeOffset(2024, 5, 1, 20, 51, 0, Ist));
        var attempts = new[] { Attempt(new DateTimeOffset(2024, 5, 1, 20, 49, 0, Ist), 1, Busy) };

        var decision = Schedule(maxAttempts: 2).Decide(attempts, RunBudget.Start(null, time));

        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 0, 0, Ist), decision.NextAttemptAt);
    }

    [Fact]
    public void A_redial_due_after_the_deadline_is_left_pending_for_a_later_run()
    {
        var attempts = new[] { Attempt(Morning, 1, Busy) };
        var schedule = Schedule(maxAttempts: 2);

        var withinRun = schedule.Decide(attempts, RunBudget.Start(TimeSpan.FromMinutes(32), time));
        var pastRun = schedule.Decide(attempts, RunBudget.Start(TimeSpan.FromMinutes(31), time));

        Assert.Equal((RowState.Scheduled, Morning.AddMinutes(31)), (withinRun.State, withinRun.NextAttemptAt));
        Assert.Equal((RowState.Pending, Morning.AddMinutes(31)), (pastRun.State, pastRun.NextAttemptAt));
        Assert.False(pastRun.IsFinished);
    }

    [Fact]
    public void A_rerun_after_the_wait_has_passed_redials_at_once()
    {
        time.SetUtcNow(Morning.AddDays(1));
        var attempts = new[] { Attempt(Morning, 1, NoAnswer) };

        var decision = Schedule(maxAttempts: 2).Decide(attempts, RunBudget.Start(TimeSpan.FromHours(2.75), time));

        Assert.Equal((RowState.Scheduled, Morning.AddDays(1)), (decision.State, decision.NextAttemptAt));
        Assert.Equal(1, decision.CustomerAttempts);
    }

    [Fact]
    public void An_agent_miss_is_put_back_at_once_and_not_counted_against_the_customer()
    {
        time.Advance(TimeSpan.FromMinutes(1));
        var attempts = new[] { Attempt(Morning, 1, AgentMissed) };

        var decision = Schedule(maxAttempts: 1).Decide(attempts, RunBudget.Start(null, time));

        Assert.Equal(RowState.Scheduled, decision.State);
        Assert.Equal(Morning.AddMinutes(1), decision.NextAttemptAt);
        Assert.Equal(0, decision.CustomerAttempts);
        Assert.Equal(1, decision.AgentMisses);
    }

    [Fact]
    public void An_agent_miss_put_back_still_waits_for_the_window()
    {
        var lateMiss = new DateTimeOffset(2024, 5, 1, 20, 59, 0, Ist);
        time.SetUtcNow(lateMiss.AddMinutes(1));

        var decision = Schedule().Decide(new[] { Attempt(lateMiss, 1, AgentMissed) }, RunBudget.Start(null, time));

        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 0, 0, Ist), decision.NextAttemptAt);
    }

    [Fact]
    public void Past_the_bound_an_agent_miss_counts_as_an_attempt_on_the_customer()
    {
        var misses = Enumerable.Range(0, CampaignRules.MaxAgentMissPutBacks + 1)
            .Select(i => Attempt(Morning.AddMinutes(2 * i), 1, AgentMissed))
            .ToList();

        var atBound = Schedule(maxAttempts: 1).Decide(misses.Take(CampaignRules.MaxAgentMissPutBacks).ToList(), RunBudget.Start(null, time));
        var pastBound = Schedule(maxAttempts: 1).Decide(misses, RunBudget.Start(null, time));
        var pastBoundWithRedials = Schedule(maxAttempts: 2).Decide(misses, RunBudget.Start(null, time));

        Assert.Equal(3, CampaignRules.MaxAgentMissPutBacks);
        Assert.Equal((RowState.Scheduled, 0, 3), (atBound.State, atBound.CustomerAttempts, atBound.AgentMisses));
        Assert.Equal((RowState.GaveUp, GaveUpReason.AttemptsUsedUp, 1), (pastBound.State, pastBound.GaveUpBecause, pastBound.CustomerAttempts));
        Assert.Equal(misses[3].End.AddMinutes(30), pastBoundWithRedials.NextAttemptAt);
    }

    [Fact]
    public void Legs_unread_count_the_call_against_the_customer()
    {
        var unread = CallVerdict.OfConnectCall("no-answer", null, null);

        var decision = Schedule(maxAttempts: 1).Decide(new[] { Attempt(Morning, 1, unread) }, RunBudget.Start(null, time));

        Assert.Equal((RowState.GaveUp, 1, 0), (decision.State, decision.CustomerAttempts, decision.AgentMisses));
    }

    [Fact]
    public void An_attempt_cannot_end_before_it_started() =>
        Assert.Throws<ArgumentException>(() => new CallAttempt(Morning, Morning.AddSeconds(-1), Busy));

    private static CampaignRules Schedule(int maxAttempts = 1, string[]? redialOn = null, TimeSpan[]? redialAfter = null) =>
        new(RedialPolicy.Create(maxAttempts, redialOn, redialAfter), CallingHours.Create(new[] { "09:00-21:00" }, "Asia/Kolkata"));

    private static CallAttempt Attempt(DateTimeOffset start, int minutes, CallVerdict verdict) => new(start, start.AddMinutes(minutes), verdict);
}

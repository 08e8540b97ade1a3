using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client.Tests.Attempts;

/// <summary>The campaign's schedule on a <see cref="FakeTimeProvider"/>: what a row entering the run needs, from its journal.</summary>
public sealed class CampaignScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_row_in_doubt_is_never_redialled_until_reconciliation_settles_it()
    {
        var decision = Schedule().Next(Entry(RowEnding.OutcomeUnknown), new[] { Attempt("sid-1", "busy", endedAgo: TimeSpan.FromHours(5)) });

        Assert.Equal(RowEnding.SkippedInDoubt, decision.Ending);
        Assert.Null(decision.Campaign);
    }

    [Fact]
    public void A_placed_call_without_its_end_in_the_journal_is_followed_before_the_row_is_decided()
    {
        var decision = Schedule().Next(Entry(RowEnding.Found, "sid-2"), new[] { Attempt("sid-1", "busy", endedAgo: TimeSpan.FromHours(5)) });

        Assert.True(decision.FollowsCall);
        Assert.Equal("sid-2", decision.Sid);
    }

    [Fact]
    public void A_missed_customer_is_due_the_wait_after_the_last_end_and_a_reached_one_is_done()
    {
        var missed = Schedule().Next(Entry(RowEnding.Placed, "sid-1"), new[] { Attempt("sid-1", "no-answer", endedAgo: TimeSpan.FromMinutes(10)) });
        var reached = Schedule().Next(Entry(RowEnding.Placed, "sid-1"), new[] { Attempt("sid-1", "completed", endedAgo: TimeSpan.FromMinutes(10)) });

        Assert.Equal(RowState.Scheduled, missed.Campaign!.State);
        Assert.Equal(Now + TimeSpan.FromMinutes(20), missed.Campaign.NextAttemptAt);
        Assert.Null(missed.Ending);
        Assert.Equal(RowState.Reached, reached.Campaign!.State);
        Assert.Equal((RowEnding.SkippedPlaced, "sid-1"), (reached.Ending, reached.Sid));
    }

    [Fact]
    public void A_row_due_only_after_the_deadline_is_left_pending_and_one_never_dialled_is_deferred()
    {
        var budget = TimeSpan.FromMinutes(15);
        var missed = Schedule(budget).Next(Entry(RowEnding.Placed, "sid-1"), new[] { Attempt("sid-1", "busy", endedAgo: TimeSpan.FromMinutes(1)) });
        var fresh = Schedule(budget, window: "22:00-23:00").Next(history: null, attempts: null);

        Assert.Equal(RowState.Pending, missed.Campaign!.State);
        Assert.Equal(RowEnding.SkippedPlaced, missed.Ending);
        Assert.Equal(RowState.Pending, fresh.Campaign!.State);
        Assert.Equal(RowEnding.Deferred, fresh.Ending);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 22, 0, 0, TimeSpan.Zero), fresh.Campaign.NextAttemptAt);
    }

    private static CampaignSchedule Schedule(TimeSpan? maxRunTime = null, string? window = null) => new(
        new CampaignRules(RedialPolicy.Create(3, null, new[] { TimeSpan.FromMinutes(30) }), CallingHours.Create(window is null ? null : new[] { window }, "UTC")),
        RunBudget.Start(maxRunTime, new FakeTimeProvider(Now)));

    private static JournalEntry Entry(RowEnding ending, string? sid = null) =>
        new(ending, sid, Now, fromEarlierRun: true) { From = "+919800000001" };

    private static JournalAttempt Attempt(string sid, string status, TimeSpan endedAgo) =>
        new(sid, "+919800000001", Now - endedAgo - TimeSpan.FromMinutes(1), Now - endedAgo, status, isFlowCall: false) { Leg1 = "completed", Leg2 = status };
}

using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class ProgressTests
{
    [Fact]
    public void The_status_line_shows_done_placed_failed_skipped_in_flight_and_rate()
    {
        var progress = new DispatchProgress { Posted = 60, Completed = 42, Placed = 37, Failed = 4, Skipped = 3, SkippedInDoubt = 2, NotSent = 5, InFlight = 9, RatePerMinute = 187.6 };

        var status = ProgressText.Status(progress);

        Assert.Contains("42 done", status);
        Assert.Contains("37 placed", status);
        Assert.Contains("4 failed", status);
        Assert.Contains("3 skipped (2 in doubt)", status);
        Assert.Contains("5 not sent", status);
        Assert.Contains("9 in flight", status);
        Assert.Contains("188 requests/min", status);
    }

    [Fact]
    public void A_paced_run_also_shows_the_agents_busy_and_the_rows_waiting_for_an_agent()
    {
        var progress = new DispatchProgress { Completed = 12, Placed = 12, InFlight = 1, FromsBusy = 3, WaitingForFrom = 40 };

        Assert.Contains("3 agents busy, 40 rows waiting for an agent", ProgressText.Status(progress, paced: true));
        Assert.DoesNotContain("agents busy", ProgressText.Status(progress));
    }

    [Fact]
    public void A_campaign_also_shows_the_agents_misses_the_rows_left_and_until_when_it_waits_for_the_next_attempt()
    {
        var next = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(5.5));
        var waiting = new DispatchProgress { Completed = 5, AgentMisses = 2, Deferred = 3, NextAttemptAt = next };

        var status = ProgressText.Status(waiting, campaign: true);

        Assert.Contains("2 agent misses, 3 left for a later run", status);
        Assert.Contains($"until {next.ToLocalTime():yyyy-MM-dd HH:mm:ss zzz}", status);
        Assert.DoesNotContain("until", ProgressText.Status(new DispatchProgress(), campaign: true));
        Assert.DoesNotContain("agent misses", ProgressText.Status(waiting));
    }

    [Fact]
    public void Time_left_is_whole_seconds_rounded_up_or_unknown()
    {
        Assert.Equal(13, ProgressText.SecondsRemaining(new DispatchProgress { EstimatedRemaining = TimeSpan.FromSeconds(12.2) }));
        Assert.Equal(0, ProgressText.SecondsRemaining(new DispatchProgress { EstimatedRemaining = TimeSpan.Zero }));
        Assert.Equal(-1, ProgressText.SecondsRemaining(new DispatchProgress()));
    }

    [Fact]
    public void Progress_is_throttled_to_once_per_interval_and_skipped_for_short_runs()
    {
        var throttle = new ProgressThrottle(TimeSpan.FromSeconds(1));

        Assert.False(throttle.IsDue(TimeSpan.FromMilliseconds(10)));
        Assert.False(throttle.IsDue(TimeSpan.FromMilliseconds(999)));
        Assert.False(throttle.HasReported);
        Assert.True(throttle.IsDue(TimeSpan.FromMilliseconds(1000)));
        Assert.False(throttle.IsDue(TimeSpan.FromMilliseconds(1500)));
        Assert.True(throttle.IsDue(TimeSpan.FromMilliseconds(2100)));
        Assert.False(throttle.IsDue(TimeSpan.FromMilliseconds(3000)));
        Assert.True(throttle.IsDue(TimeSpan.FromMilliseconds(3100)));
        Assert.True(throttle.HasReported);
    }
}

using ExotelPS.Client.Pacing;

namespace ExotelPS.Client.Tests.Pacing;

/// <summary>Per-From live calls: capacity, numbers compared as numbers, wrap-up, bounds, the agent pool, memory.</summary>
public sealed class FromTrackerTests
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(100);
    private static readonly TimeSpan Far = TimeSpan.FromHours(1);

    [Fact]
    public void A_From_with_a_live_call_has_no_room_until_that_call_is_final_while_other_numbers_go_on()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.Zero, Array.Empty<string>());

        var first = tracker.TryTake("09900000001", Start)!;
        Assert.Null(tracker.TryTake("09900000001", Start));
        Assert.NotNull(tracker.TryTake("09900000002", Start));

        tracker.Placed(first, "CA1", Start + Far);
        Assert.Null(tracker.TryTake("09900000001", Start));
        Assert.True(tracker.Ended("CA1", Start));
        Assert.NotNull(tracker.TryTake("09900000001", Start));
    }

    [Fact]
    public void The_same_number_written_three_ways_is_one_From()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.Zero, Array.Empty<string>());

        Assert.NotNull(tracker.TryTake("09900000001", Start));
        Assert.Null(tracker.TryTake("+919900000001", Start));
        Assert.Null(tracker.TryTake("99000 00001", Start));
        Assert.Equal(1, tracker.Busy);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(0, 50)]
    public void MaxCallsPerFrom_raises_the_limit_and_0_lifts_it(int max, int expectedRoom)
    {
        var tracker = new FromTracker(max, TimeSpan.Zero, Array.Empty<string>());

        var taken = Enumerable.Range(0, 50).Count(_ => tracker.TryTake("08030752400", Start) is not null);

        Assert.Equal(expectedRoom, taken);
    }

    [Fact]
    public void After_a_call_ends_its_From_rests_for_the_wrap_up_and_says_when_it_is_free()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.FromSeconds(5), Array.Empty<string>());
        tracker.Placed(tracker.TryTake("09900000001", Start)!, "CA1", Start + Far);

        tracker.Ended("CA1", Start + TimeSpan.FromSeconds(10));

        Assert.Null(tracker.TryTake("09900000001", Start + TimeSpan.FromSeconds(14.9)));
        Assert.Equal(Start + TimeSpan.FromSeconds(15), tracker.NextChange(Start + TimeSpan.FromSeconds(14.9)));
        Assert.NotNull(tracker.TryTake("09900000001", Start + TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public void The_next_change_is_the_earliest_bound_of_a_live_call_a_call_without_a_Sid_or_a_wrap_up_still_to_come()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.FromSeconds(30), Array.Empty<string>());
        tracker.Placed(tracker.TryTake("09900000001", Start)!, "CA1", Start + TimeSpan.FromMinutes(10));
        tracker.MayBeLive(tracker.TryTake("09900000002", Start)!, Start + TimeSpan.FromMinutes(5));
        tracker.Placed(tracker.TryTake("09900000003", Start)!, "CA3", Start + Far);
        Assert.Equal(Start + TimeSpan.FromMinutes(5), tracker.NextChange(Start));

        tracker.Ended("CA3", Start + TimeSpan.FromMinutes(1));

        Assert.Equal(Start + TimeSpan.FromSeconds(90), tracker.NextChange(Start + TimeSpan.FromMinutes(1)));
        Assert.Equal(Start + TimeSpan.FromMinutes(5), tracker.NextChange(Start + TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void A_request_that_placed_no_call_frees_its_From_at_once_without_wrap_up()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.FromMinutes(5), Array.Empty<string>());

        tracker.NotPlaced(tracker.TryTake("09900000001", Start)!);

        Assert.NotNull(tracker.TryTake("09900000001", Start));
    }

    [Fact]
    public void An_outcome_unknown_holds_its_From_until_its_bound_and_a_call_never_seen_final_ends_at_its_bound()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.Zero, Array.Empty<string>());
        tracker.MayBeLive(tracker.TryTake("09900000001", Start)!, Start + TimeSpan.FromSeconds(30));
        tracker.Placed(tracker.TryTake("09900000002", Start)!, "CA2", Start + TimeSpan.FromSeconds(60));

        Assert.False(tracker.Expire(Start + TimeSpan.FromSeconds(29)));
        Assert.Null(tracker.TryTake("09900000001", Start + TimeSpan.FromSeconds(29)));
        Assert.True(tracker.Expire(Start + TimeSpan.FromSeconds(30)));
        Assert.NotNull(tracker.TryTake("09900000001", Start + TimeSpan.FromSeconds(30)));

        Assert.Null(tracker.TryTake("09900000002", Start + TimeSpan.FromSeconds(59)));
        Assert.True(tracker.Expire(Start + TimeSpan.FromSeconds(60)));
        Assert.Empty(tracker.LiveSids);
        Assert.NotNull(tracker.TryTake("09900000002", Start + TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Rows_without_a_From_get_the_next_free_agent_in_turn_and_no_agent_twice()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.Zero, new[] { "09800000001", "09800000002", "+919800000003" });

        var leases = Enumerable.Range(0, 3).Select(_ => tracker.TryTake(from: "", Start)!).ToList();

        Assert.Equal(new[] { "09800000001", "09800000002", "+919800000003" }, leases.Select(lease => lease.AssignedAgent));
        Assert.Null(tracker.TryTake(from: null, Start));
        tracker.Placed(leases[1], "CA2", Start + Far);
        tracker.Ended("CA2", Start);
        Assert.Equal("09800000002", tracker.TryTake(from: " ", Start)!.AssignedAgent);
    }

    [Fact]
    public void A_row_naming_its_own_From_keeps_it_and_takes_that_agent_s_room()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.Zero, new[] { "09800000001", "09800000002" });

        var own = tracker.TryTake("+919800000001", Start)!;

        Assert.Null(own.AssignedAgent);
        Assert.Equal("09800000002", tracker.TryTake(from: "", Start)!.AssignedAgent);
        Assert.Null(tracker.TryTake(from: "", Start));
    }

    [Fact]
    public void An_earlier_run_s_live_call_holds_its_From_until_it_is_final()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.Zero, Array.Empty<string>());

        tracker.AddEarlier("09900000001", "CA-earlier", Start + Far);
        tracker.AddEarlier("09900000001", "CA-earlier", Start + Far);

        Assert.Null(tracker.TryTake("09900000001", Start));
        Assert.Equal(new[] { "CA-earlier" }, tracker.LiveSids);
        tracker.Ended("CA-earlier", Start);
        Assert.NotNull(tracker.TryTake("09900000001", Start));
    }

    [Fact]
    public void Froms_with_nothing_live_are_forgotten_so_memory_follows_the_live_calls()
    {
        var tracker = new FromTracker(maxPerFrom: 1, TimeSpan.FromSeconds(1), Array.Empty<string>());
        for (var i = 0; i < 1000; i++)
        {
            tracker.Placed(tracker.TryTake("099000" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), Start)!, "CA" + i, Start + Far);
            tracker.Ended("CA" + i, Start);
        }

        Assert.Equal(0, tracker.Busy);
        Assert.True(tracker.Expire(Start + TimeSpan.FromSeconds(1)));
        Assert.Null(tracker.NextChange(Start + TimeSpan.FromSeconds(1)));
        Assert.False(tracker.Expire(Start + TimeSpan.FromSeconds(2)));
    }
}

using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Emulator;

/// <summary>
/// The two placing faults the simulated Exotel tells apart, and reconciliation over its listing through
/// <see cref="ExotelClient"/>: a call whose answer was lost is found with its Sid, a request dropped before placing is
/// proven not placed once its certainty time has passed, and not before.
/// </summary>
public abstract partial class SimulatedExotelContract
{
    private static ConnectCallOptions Row(int n) => new()
    {
        From = Agent, To = $"+9199000001{n:d2}", CallerId = CallerId, TimeOut = 10, TimeLimit = 30, CustomField = $"row-{n}",
    };

    [Fact]
    public async Task A_lost_answer_leaves_its_call_recorded_and_a_drop_before_placing_leaves_none()
    {
        await using var exotel = await StartAsync();
        using var client = new ExotelClient(exotel.CreateAccount(), exotel.Http);

        exotel.Simulator.Faults = new FaultSettings { AnswerLostRate = 1 };
        var lost = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Row(1)));
        exotel.Simulator.Faults = new FaultSettings { DropBeforePlacingRate = 1 };
        var dropped = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Row(2)));

        Assert.True(lost.MayHaveBeenPlaced && dropped.MayHaveBeenPlaced, "neither answer says whether a call was placed");
        var call = Assert.Single(exotel.Simulator.Calls);
        Assert.Equal("row-1", call.Field("CustomField"));
        Assert.Equal(new[] { call.Sid, null }, exotel.Simulator.InjectedFaults.Select(fault => fault.CallSid));
        Assert.Equal(FaultKind.Drop, exotel.Simulator.InjectedFaults[1].Kind);
    }

    [Fact]
    public async Task A_simulated_call_ends_within_its_ring_time_and_time_limit()
    {
        await using var exotel = await StartAsync();
        using var client = new ExotelClient(exotel.CreateAccount(), exotel.Http);

        await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = "+919900000101", CallerId = CallerId, TimeOut = 1, TimeLimit = 5 });

        var call = Assert.Single(exotel.Simulator.Calls);
        Assert.True(call.EndsAt - call.Created <= TimeSpan.FromSeconds(1 + 1 + 5), $"ends {call.EndsAt - call.Created} after creation");
    }

    [Fact]
    public async Task Reconciliation_finds_the_call_whose_answer_was_lost_and_proves_a_dropped_one_not_placed_only_once_certain()
    {
        await using var exotel = await StartAsync();
        using var client = new ExotelClient(exotel.CreateAccount(), exotel.Http);
        var reconciler = new CallReconciler(client, new ReconcileOptions { SettleMargin = TimeSpan.FromSeconds(5) }, Clock);
        var sentAt = Clock.GetUtcNow();
        await client.ConnectAsync(Row(3));
        exotel.Simulator.Faults = new FaultSettings { AnswerLostRate = 1 };
        await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Row(1)));
        exotel.Simulator.Faults = new FaultSettings { DropBeforePlacingRate = 1 };
        await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(Row(2)));
        exotel.Simulator.Faults = new FaultSettings();
        var rows = new[] { CallInDoubt.Of(Row(1), sentAt), CallInDoubt.Of(Row(2), sentAt) };
        var lostSid = exotel.Simulator.Calls.Single(call => call.Field("CustomField") == "row-1").Sid;

        // The lost call is still ringing, so it is not listed yet: nothing is certain.
        var early = await reconciler.ReconcileAsync(rows, isClaimed: null, TimeSpan.Zero);
        Clock.Advance(TimeSpan.FromSeconds(40));
        var listed = await reconciler.ReconcileAsync(rows, isClaimed: null, TimeSpan.Zero);
        var waited = await reconciler.ReconcileAsync(rows, isClaimed: null, TimeSpan.FromMinutes(1));

        Assert.All(early.Resolutions, resolution => Assert.Equal(RowEnding.StillInDoubt, resolution.Ending));
        Assert.Equal((RowEnding.Found, lostSid), (listed.Resolutions[0].Ending, listed.Resolutions[0].Sid));
        Assert.Equal((RowEnding.StillInDoubt, (DateTimeOffset?)reconciler.CertainAt(rows[1])), (listed.Resolutions[1].Ending, listed.Resolutions[1].Until));
        Assert.Equal(lostSid, waited.Resolutions[0].Sid);
        Assert.Equal(RowEnding.NotPlaced, waited.Resolutions[1].Ending);
        Assert.True(Clock.GetUtcNow() >= reconciler.CertainAt(rows[1]), "not placed was decided before certainty came");
        Assert.Null(waited.Failure);
    }
}

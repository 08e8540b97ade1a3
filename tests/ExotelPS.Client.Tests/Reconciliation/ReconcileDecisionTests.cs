namespace ExotelPS.Client.Tests.Reconciliation;

/// <summary>The rule alone: which listed calls match a row in doubt, and when "none found" proves nothing was placed.</summary>
public sealed class ReconcileDecisionTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReconcileOptions Options = new() { ClockSkew = TimeSpan.FromMinutes(5), SettleMargin = TimeSpan.FromSeconds(30) };

    private static CallInDoubt Row(string to = "+919900000001", int? timeOut = 20, int? timeLimit = 60) =>
        new("+919800000001", to, "+918030752400", SentAt, timeOut, timeLimit);

    // As Exotel lists a call: national numbers, +05:30 times.
    private static ExotelCall Listed(string sid, string to = "09900000001", TimeSpan? after = null, string from = "09800000001", string callerId = "08030752400") => new()
    {
        Sid = sid,
        From = from,
        To = to,
        PhoneNumberSid = callerId,
        DateCreated = (SentAt + (after ?? TimeSpan.FromSeconds(1))).ToOffset(ExotelTime.Offset),
    };

    private static Resolution Decide(CallInDoubt row, DateTimeOffset now, params ExotelCall[] listed) =>
        Assert.Single(ReconcileDecision.Decide(new[] { row }, new[] { true }, listed, _ => false, now, Options));

    [Fact]
    public void Certainty_comes_after_both_legs_ring_time_the_time_limit_and_the_settle_margin()
    {
        Assert.Equal(SentAt + TimeSpan.FromSeconds(20 + 20 + 60 + 30), CertaintyRule.CertainAt(Row(), Options.SettleMargin));
        Assert.Equal(SentAt + TimeSpan.FromSeconds(60 + 60 + 14400), CertaintyRule.CertainAt(Row(timeOut: null, timeLimit: null), TimeSpan.Zero));
    }

    [Fact]
    public void One_matching_call_in_national_form_means_the_row_was_placed_whenever_it_is_found()
    {
        var resolution = Decide(Row(), SentAt + TimeSpan.FromSeconds(10), Listed("a"), Listed("other", to: "09900000002"));

        Assert.Equal(RowEnding.Found, resolution.Ending);
        Assert.Equal("a", resolution.Sid);
        Assert.False(resolution.IsInDoubt);
    }

    [Fact]
    public void No_match_is_in_doubt_until_certainty_comes_and_not_placed_only_from_then()
    {
        var certainAt = CertaintyRule.CertainAt(Row(), Options.SettleMargin);

        var before = Decide(Row(), certainAt - TimeSpan.FromSeconds(1), Listed("other", to: "09900000002"));
        var at = Decide(Row(), certainAt);

        Assert.Equal((RowEnding.StillInDoubt, (DateTimeOffset?)certainAt), (before.Ending, before.Until));
        Assert.Equal(RowEnding.NotPlaced, at.Ending);
    }

    [Fact]
    public void Several_matching_calls_are_all_reported_and_the_row_stays_in_doubt()
    {
        var resolution = Decide(Row(), SentAt + TimeSpan.FromHours(1), Listed("a"), Listed("b", after: TimeSpan.FromSeconds(3)));

        Assert.Equal(RowEnding.StillInDoubt, resolution.Ending);
        Assert.Equal(new[] { "a", "b" }, resolution.Sids);
        Assert.True(resolution.IsInDoubt);
        Assert.Null(resolution.Sid);
    }

    [Fact]
    public void A_call_known_as_another_rows_is_no_match()
    {
        var resolution = Assert.Single(ReconcileDecision.Decide(
            new[] { Row() }, new[] { true }, new[] { Listed("theirs"), Listed("mine") }, sid => sid == "theirs", SentAt + TimeSpan.FromHours(1), Options));

        Assert.Equal("mine", resolution.Sid);
    }

    [Fact]
    public void One_call_matching_two_rows_in_doubt_settles_neither()
    {
        var rows = new[] { Row(), Row() };

        var resolutions = ReconcileDecision.Decide(rows, new[] { true, true }, new[] { Listed("a") }, _ => false, SentAt + TimeSpan.FromHours(1), Options);

        Assert.All(resolutions, resolution => Assert.Equal((RowEnding.StillInDoubt, "a"), (resolution.Ending, Assert.Single(resolution.Sids))));
    }

    [Theory]
    [InlineData("09800000002", "09900000001", "08030752400", 1)]     // another agent
    [InlineData("09800000001", "09900000009", "08030752400", 1)]     // another customer
    [InlineData("09800000001", "09900000001", "08030752499", 1)]     // another ExoPhone
    [InlineData("09800000001", "09900000001", "08030752400", -400)]  // created before the request, beyond the clock skew
    [InlineData("09800000001", "09900000001", "08030752400", 4000)]  // created after the request's call must have ended
    public void A_call_differing_in_a_number_or_outside_the_rows_window_is_no_match(string from, string to, string callerId, int secondsAfterSending)
    {
        var listed = Listed("x", to, TimeSpan.FromSeconds(secondsAfterSending), from, callerId);

        Assert.False(ReconcileDecision.Matches(Row(), listed, Options));
    }

    [Fact]
    public void A_flow_call_is_found_by_its_agent_and_ExoPhone_as_Exotel_lists_it()
    {
        var flow = CallInDoubt.Of(new FlowCallOptions { From = "9800000001", CallerId = "08030752400", FlowId = "926", TimeOut = 10, TimeLimit = 30 }, SentAt);

        var resolution = Decide(flow, SentAt + TimeSpan.FromMinutes(1), Listed("flow-call", to: "08030752400"), Listed("connect", to: "09900000001"));

        Assert.Equal("flow-call", resolution.Sid);
    }

    [Fact]
    public void A_row_not_looked_at_or_beyond_the_listings_reach_is_never_called_not_placed()
    {
        var row = Row();
        var notLooked = Assert.Single(ReconcileDecision.Decide(new[] { row }, new[] { false }, Array.Empty<ExotelCall>(), _ => false, SentAt + TimeSpan.FromDays(1), Options));
        var tooOld = Decide(row, SentAt + ReconcileOptions.ListingHorizon + TimeSpan.FromDays(1));

        Assert.Equal(RowEnding.StillInDoubt, notLooked.Ending);
        Assert.Equal((RowEnding.StillInDoubt, (DateTimeOffset?)null), (tooOld.Ending, tooOld.Until));
    }

    [Fact]
    public void Rows_sharing_an_agent_share_a_query_of_at_most_five_numbers_per_filter()
    {
        var rows = Enumerable.Range(1, 12).Select(n => Row(to: $"+9199000000{n:d2}")).ToList();

        var queries = ListingPlan.Plan(rows, Enumerable.Range(0, rows.Count), Options);

        Assert.Equal(new[] { 5, 5, 2 }, queries.Select(query => query.Rows.Count));
        Assert.All(queries, query => Assert.Equal(new[] { "09800000001" }, query.Options.From));
        Assert.Equal(new[] { "09900000001", "09900000002", "09900000003", "09900000004", "09900000005" }, queries[0].Options.To);
        Assert.Equal(SentAt - Options.ClockSkew, queries[0].Options.CreatedAfter);
        Assert.Equal(CertaintyRule.CertainAt(rows[0], Options.SettleMargin) + Options.ClockSkew, queries[0].Options.CreatedBefore);
        Assert.Equal(CallDirection.OutboundApi, queries[0].Options.Direction);
    }
}

namespace ExotelPS.Client.Tests.Engine;

public sealed class SingleAttemptTests
{
    [Fact]
    public void A_row_never_tried_refused_or_proven_not_placed_gets_its_attempt()
    {
        Assert.Same(AttemptDecision.Attempt, SingleAttempt.Instance.Next(history: null));
        Assert.Same(AttemptDecision.Attempt, SingleAttempt.Instance.Next(Entry(RowEnding.Rejected)));
        Assert.Same(AttemptDecision.Attempt, SingleAttempt.Instance.Next(Entry(RowEnding.NotPlaced)));
    }

    [Theory]
    [InlineData(RowEnding.Placed)]
    [InlineData(RowEnding.Found)]
    public void A_row_whose_call_is_known_is_skipped_with_its_sid_and_agent_and_no_error(RowEnding recorded)
    {
        var decision = SingleAttempt.Instance.Next(Entry(recorded, sid: "sid-7"));

        Assert.Equal((RowEnding.SkippedPlaced, "sid-7", "+919800000001"), (decision.Ending, decision.Sid, decision.From));
        Assert.Null(decision.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(RowEnding.OutcomeUnknown)]
    [InlineData(RowEnding.StillInDoubt)]
    public void A_row_in_doubt_is_skipped_in_doubt_saying_why(RowEnding? recorded)
    {
        var decision = SingleAttempt.Instance.Next(Entry(recorded));

        Assert.Equal(RowEnding.SkippedInDoubt, decision.Ending);
        Assert.True(decision.Reason!.MayHaveBeenPlaced);
        Assert.Equal(ExotelErrorKind.OutcomeUnknown, decision.Reason.Kind);
    }

    private static JournalEntry Entry(RowEnding? ending, string? sid = null) =>
        new(ending, sid, DateTimeOffset.UtcNow, fromEarlierRun: true) { From = "+919800000001" };
}

using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class CallVerdictTests
{
    [Theory]
    // Both legs answered.
    [InlineData("completed", "completed", "completed", AttemptOutcome.CustomerAnswered, "completed")]
    [InlineData("completed", null, null, AttemptOutcome.CustomerAnswered, "completed")]
    // The agent answered, the customer did not: Exotel's overall Status is no-answer, as when the agent misses.
    [InlineData("no-answer", "completed", "no-answer", AttemptOutcome.CustomerMissed, "no-answer")]
    [InlineData("busy", "completed", "busy", AttemptOutcome.CustomerMissed, "busy")]
    [InlineData("failed", "completed", "failed", AttemptOutcome.CustomerMissed, "failed")]
    // The agent hung up while the customer's phone rang: overall failed, the customer's leg canceled.
    [InlineData("failed", "completed", "canceled", AttemptOutcome.CustomerMissed, "no-answer")]
    // The agent's leg never connected: the customer was not rung.
    [InlineData("no-answer", "no-answer", null, AttemptOutcome.AgentMissed, "no-answer")]
    [InlineData("busy", "busy", null, AttemptOutcome.AgentMissed, "busy")]
    [InlineData("failed", "failed", "", AttemptOutcome.AgentMissed, "failed")]
    [InlineData("no-answer", "canceled", null, AttemptOutcome.AgentMissed, "no-answer")]
    // Legs unreadable (absent or blank), or only the agent's: an attempt on the customer, by the overall status.
    [InlineData("no-answer", null, null, AttemptOutcome.CustomerMissed, "no-answer")]
    [InlineData("busy", "", "", AttemptOutcome.CustomerMissed, "busy")]
    [InlineData("failed", null, "no-answer", AttemptOutcome.CustomerMissed, "failed")]
    [InlineData("no-answer", "completed", null, AttemptOutcome.CustomerMissed, "no-answer")]
    // A customer leg "completed" on a call that did not complete: the overall status wins.
    [InlineData("no-answer", "completed", "completed", AttemptOutcome.CustomerMissed, "no-answer")]
    // Voice v3 statuses say whose miss it was in one word.
    [InlineData("from_leg_unanswered", null, null, AttemptOutcome.AgentMissed, "no-answer")]
    [InlineData("from_leg_no_dial", null, null, AttemptOutcome.AgentMissed, "failed")]
    [InlineData("to_leg_unanswered", null, null, AttemptOutcome.CustomerMissed, "no-answer")]
    [InlineData("to_leg_no_dial", null, null, AttemptOutcome.CustomerMissed, "failed")]
    [InlineData("from_leg_cancelled", null, null, AttemptOutcome.CustomerMissed, "no-answer")]
    public void Tells_whose_miss_a_connect_call_was(string status, string? leg1, string? leg2, AttemptOutcome outcome, string redialStatus)
    {
        var verdict = CallVerdict.OfConnectCall(status, Status(leg1), Status(leg2));

        Assert.Equal(outcome, verdict.Outcome);
        Assert.Equal(new CallStatus(redialStatus), verdict.Status);
    }

    [Theory]
    [InlineData("completed", AttemptOutcome.CustomerAnswered, "completed")]
    [InlineData("busy", AttemptOutcome.CustomerMissed, "busy")]
    [InlineData("no-answer", AttemptOutcome.CustomerMissed, "no-answer")]
    [InlineData("canceled", AttemptOutcome.CustomerMissed, "no-answer")]
    public void A_flow_call_rings_only_the_customer(string status, AttemptOutcome outcome, string redialStatus)
    {
        var verdict = CallVerdict.OfFlowCall(status);

        Assert.Equal(outcome, verdict.Outcome);
        Assert.Equal(new CallStatus(redialStatus), verdict.Status);
    }

    [Fact]
    public void An_unfamiliar_status_is_kept_so_no_redial_rule_matches_it()
    {
        var verdict = CallVerdict.OfConnectCall("rejected-by-carrier", null, null);

        Assert.Equal(AttemptOutcome.CustomerMissed, verdict.Outcome);
        Assert.False(RedialPolicy.Create(3, new[] { "busy", "no-answer", "failed" }, null).RedialsOn(verdict.Status));
    }

    private static CallStatus? Status(string? text) => text is null ? (CallStatus?)null : new CallStatus(text);
}

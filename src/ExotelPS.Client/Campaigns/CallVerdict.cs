namespace ExotelPS.Client.Campaigns;

/// <summary>Whom a finished call reached, as far as the campaign is concerned.</summary>
public enum AttemptOutcome
{
    /// <summary>The customer answered: the row is done.</summary>
    CustomerAnswered,

    /// <summary>The customer was rung (or may have been) and did not answer: an attempt on the customer.</summary>
    CustomerMissed,

    /// <summary>The agent's leg never connected, so the customer was not rung: not an attempt on the customer.</summary>
    AgentMissed,
}

/// <summary>
/// What a finished call means to its row: the outcome and the status a redial is decided on (busy, no-answer or
/// failed, matched against -RedialOn). The one place where Exotel's overall Status and leg statuses are read.
/// </summary>
public readonly struct CallVerdict : IEquatable<CallVerdict>
{
    // Leg statuses of a leg that was picked up.
    private static readonly CallStatus[] Connected = { CallStatus.Completed, CallStatus.InProgress, new("answered") };

    private static readonly CallStatus Canceled = new("canceled");

    private CallVerdict(AttemptOutcome outcome, CallStatus status)
    {
        Outcome = outcome;
        Status = status;
    }

    /// <summary>Whom the call reached.</summary>
    public AttemptOutcome Outcome { get; }

    /// <summary>The status a redial is decided on: completed when answered, else normally busy, no-answer or failed.</summary>
    public CallStatus Status { get; }

    /// <summary>
    /// A connect-two-numbers call, where Exotel rings the agent (From, leg 1) first and the customer (To, leg 2)
    /// only once the agent answers. Exotel's overall v1 Status cannot tell whose miss it was: it is no-answer both
    /// when the agent did not answer and when the agent answered and the customer did not, so the legs decide.
    /// Voice v3 says it in the overall status itself (from_leg_unanswered, to_leg_unanswered, ...). Without legs,
    /// the call counts as an attempt on the customer: never undercount what a customer was put through.
    /// </summary>
    public static CallVerdict OfConnectCall(CallStatus status, CallStatus? leg1Status, CallStatus? leg2Status)
    {
        if (status == CallStatus.Completed)
        {
            return new CallVerdict(AttemptOutcome.CustomerAnswered, status);
        }

        if (V3Verdict(status) is { } v3)
        {
            return v3;
        }

        if (IsKnown(leg1Status) && !Connected.Contains(leg1Status!.Value))
        {
            return new CallVerdict(AttemptOutcome.AgentMissed, RedialStatus(leg1Status.Value));
        }

        // The agent answered (or the legs are unknown): the customer was rung; their leg says best how it ended.
        // A customer leg "completed" on a call that did not complete contradicts itself: the overall status wins.
        var customerLeg = IsKnown(leg1Status) && IsKnown(leg2Status) && leg2Status!.Value != CallStatus.Completed ? leg2Status.Value : status;
        return new CallVerdict(AttemptOutcome.CustomerMissed, RedialStatus(customerLeg));
    }

    /// <summary>A call that connects the customer (From) to a call flow: only the customer is rung.</summary>
    public static CallVerdict OfFlowCall(CallStatus status) =>
        status == CallStatus.Completed
            ? new CallVerdict(AttemptOutcome.CustomerAnswered, status)
            : new CallVerdict(AttemptOutcome.CustomerMissed, RedialStatus(status));

    /// <inheritdoc/>
    public bool Equals(CallVerdict other) => Outcome == other.Outcome && Status == other.Status;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CallVerdict other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Outcome * 397) ^ Status.GetHashCode();

    /// <summary>E.g. <c>CustomerMissed (busy)</c>.</summary>
    public override string ToString() => $"{Outcome} ({Status})";

    private static bool IsKnown(CallStatus? status) => status is { } value && value.Value.Length > 0;

    // A leg cut off while it rang (the agent hung up first) was not answered: for a redial it is a no-answer.
    private static CallStatus RedialStatus(CallStatus status) => status == Canceled ? CallStatus.NoAnswer : status;

    // Voice v3's overall statuses (Call Details API); a cancelled call may have rung the customer, so it counts.
    private static CallVerdict? V3Verdict(CallStatus status) => status.Value switch
    {
        "from_leg_unanswered" => new CallVerdict(AttemptOutcome.AgentMissed, CallStatus.NoAnswer),
        "from_leg_no_dial" => new CallVerdict(AttemptOutcome.AgentMissed, CallStatus.Failed),
        "to_leg_unanswered" => new CallVerdict(AttemptOutcome.CustomerMissed, CallStatus.NoAnswer),
        "from_leg_cancelled" => new CallVerdict(AttemptOutcome.CustomerMissed, CallStatus.NoAnswer),
        "to_leg_no_dial" => new CallVerdict(AttemptOutcome.CustomerMissed, CallStatus.Failed),
        _ => null,
    };
}

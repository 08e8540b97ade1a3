namespace ExotelPS.Client.Campaigns;

/// <summary>
/// A campaign's rules for when a row is dialled: the <see cref="RedialPolicy"/> and the <see cref="CallingHours"/>.
/// Given a row's finished attempts and the run's <see cref="RunBudget"/>, it decides whether the row is reached,
/// given up, or due again and when. It holds no state of its own: a rerun that reads the same attempts back from
/// the journal reaches the same decision.
/// </summary>
public sealed class CampaignRules
{
    /// <summary>
    /// How many times a row may be put back because its agent never answered (the customer was not rung). Three
    /// covers an agent stepping away or a pool's unlucky draw, yet a number that somehow always fails on the agent's
    /// leg still ends: from the fourth agent miss on, each counts as an attempt on the customer.
    /// </summary>
    public const int MaxAgentMissPutBacks = 3;

    /// <summary>Combines the rules.</summary>
    public CampaignRules(RedialPolicy redials, CallingHours hours)
    {
        Redials = redials;
        Hours = hours;
    }

    /// <summary>How often and how soon a row is dialled again.</summary>
    public RedialPolicy Redials { get; }

    /// <summary>When attempts may start.</summary>
    public CallingHours Hours { get; }

    /// <summary>
    /// Decides a row from its finished attempts, oldest first (calls whose outcome is unknown are not in the list:
    /// they are settled by reconciliation first). A first attempt is due at the first open window from now; an agent
    /// miss put back is due at once (the window permitting); a missed customer, at the first open window at or after
    /// the end of the last attempt plus the wait -RedialAfter gives for the next attempt. A row due only after the
    /// budget's deadline is <see cref="RowState.Pending"/>.
    /// </summary>
    public RowDecision Decide(IReadOnlyList<CallAttempt> attempts, RunBudget budget)
    {
        var customerAttempts = 0;
        var agentMisses = 0;
        var lastWasPutBack = false;
        foreach (var (attempt, isPutBack) in Counted(attempts, attempt => attempt))
        {
            if (attempt.Verdict.Outcome == AttemptOutcome.CustomerAnswered)
            {
                return new RowDecision(RowState.Reached, customerAttempts + 1, agentMisses, null, GaveUpReason.None);
            }

            lastWasPutBack = isPutBack;
            if (lastWasPutBack)
            {
                agentMisses++;
            }
            else
            {
                customerAttempts++;
            }
        }

        DateTimeOffset earliest;
        if (attempts.Count == 0)
        {
            earliest = budget.Now;
        }
        else if (lastWasPutBack)
        {
            earliest = attempts[attempts.Count - 1].End;
        }
        else
        {
            var last = attempts[attempts.Count - 1];
            var gaveUpBecause =
                !Redials.RedialsOn(last.Verdict.Status) ? GaveUpReason.StatusNotRedialled
                : customerAttempts >= Redials.MaxAttempts ? GaveUpReason.AttemptsUsedUp
                : GaveUpReason.None;
            if (gaveUpBecause != GaveUpReason.None)
            {
                return new RowDecision(RowState.GaveUp, customerAttempts, agentMisses, null, gaveUpBecause);
            }

            earliest = last.End + Redials.WaitBefore(customerAttempts + 1);
        }

        var next = Hours.NextOpening(earliest > budget.Now ? earliest : budget.Now);
        var state = budget.AllowsStartAt(next) ? RowState.Scheduled : RowState.Pending;
        return new RowDecision(state, customerAttempts, agentMisses, next, GaveUpReason.None);
    }

    /// <summary>
    /// A row's calls, oldest first, each with whether it was an agent miss put back (true) or an attempt on the
    /// customer (false); it stops after the call the customer answered, as <see cref="Decide"/> does. The one
    /// place that says how a call counts, so a report adds up exactly what the schedule decided on.
    /// </summary>
    internal static IEnumerable<(T Call, bool IsPutBack)> Counted<T>(IEnumerable<T> calls, Func<T, CallAttempt> attemptOf)
    {
        var putBacks = 0;
        foreach (var call in calls)
        {
            var outcome = attemptOf(call).Verdict.Outcome;
            var isPutBack = outcome == AttemptOutcome.AgentMissed && putBacks < MaxAgentMissPutBacks;
            putBacks += isPutBack ? 1 : 0;
            yield return (call, isPutBack);
            if (outcome == AttemptOutcome.CustomerAnswered)
            {
                yield break;
            }
        }
    }
}

using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client;

/// <summary>
/// A campaign's schedule: asks <see cref="CampaignRules.Decide"/> with the row's finished attempts and the run's
/// <see cref="RunBudget"/>. A row in doubt waits for reconciliation (an unknown outcome is never redialled); a row
/// whose latest call is placed but has no recorded end (a run killed while following it, a journal from before
/// campaigns, a call reconciliation found) has that call followed first; any other row is reached, given up, due now
/// or later, or left for a later run.
/// </summary>
internal sealed class CampaignSchedule : IAttemptSchedule
{
    private readonly CampaignRules rules;

    public CampaignSchedule(CampaignRules rules, RunBudget budget)
    {
        this.rules = rules;
        Budget = budget;
    }

    /// <summary>The run's budget: its time, and its deadline.</summary>
    public RunBudget Budget { get; }

    /// <inheritdoc/>
    public AttemptDecision Next(JournalEntry? history, IReadOnlyList<JournalAttempt>? attempts = null)
    {
        attempts ??= Array.Empty<JournalAttempt>();
        if (history is { IsInDoubt: true })
        {
            return AttemptDecision.Skip(RowEnding.SkippedInDoubt, history, RowEndings.InDoubt(history));
        }

        if (history is { IsPlaced: true, Sid: { } sid } && !attempts.Any(attempt => attempt.Sid == sid))
        {
            return AttemptDecision.Follow(history);
        }

        var decision = Decide(attempts);
        return decision.State == RowState.Scheduled
            ? AttemptDecision.AttemptAt(decision)
            : AttemptDecision.End(decision, attempts.Count == 0 ? null : attempts[attempts.Count - 1]);
    }

    /// <summary>The rules' decision on these attempts, now.</summary>
    public RowDecision Decide(IReadOnlyList<JournalAttempt> attempts) =>
        rules.Decide(attempts.Select(attempt => attempt.ToCallAttempt()).ToList(), Budget);
}

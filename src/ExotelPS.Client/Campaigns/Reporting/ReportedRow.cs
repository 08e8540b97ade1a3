namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>
/// One input row of a campaign as a report sees it: refused as invalid, or its finished calls and the decision the
/// <see cref="CampaignRules"/> takes on them. The decision is computed here, from the calls, so a report can
/// never disagree with what a run would do next.
/// </summary>
public sealed class ReportedRow
{
    private ReportedRow(int position, string? key, IReadOnlyList<ReportedCall> calls, RowDecision? decision)
    {
        Position = position;
        Key = key ?? string.Empty;
        Calls = calls;
        Decision = decision;
    }

    /// <summary>The row's number in the input, counted from 1 as a user counts CSV rows.</summary>
    public int Position { get; }

    /// <summary>What identifies the row to a reader: the journal's key (CustomField or To); shown as data, encoded.</summary>
    public string Key { get; }

    /// <summary>The finished calls, oldest first; empty for a refused row or one not dialled yet.</summary>
    public IReadOnlyList<ReportedCall> Calls { get; }

    /// <summary>Where the row stands; null for a refused row.</summary>
    public RowDecision? Decision { get; }

    /// <summary>A row refused as invalid input.</summary>
    public static ReportedRow Refused(int position, string? key) => new(position, key, Array.Empty<ReportedCall>(), null);

    /// <summary>
    /// A row with its finished calls, oldest first, decided by the campaign's schedule at the budget's now. Without
    /// a deadline a row due again is <see cref="RowState.Scheduled"/>; the report counts it as pending either way.
    /// </summary>
    public static ReportedRow Decide(int position, string? key, IReadOnlyList<ReportedCall> calls, CampaignRules schedule, RunBudget budget)
    {
        var attempts = calls.Select(call => call.Attempt).ToList();
        return new ReportedRow(position, key, calls, schedule.Decide(attempts, budget));
    }
}

namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>
/// One agent's calls: what <c>Get-ExotelCampaignReport -By Agent</c> returns, one per From. A pool row redialled
/// by another agent is attempted by both, so the agents' RowsAttempted may add up to more than the campaign's; their
/// Attempts, AgentMisses, Calls, Reached and TalkTime add up exactly. Row states (gave up, pending, refused) belong
/// to rows, not agents, and are not split.
/// </summary>
public sealed class AgentSummary : CallMeasures
{
    internal AgentSummary(string agent, CallTally tally)
        : base(tally) => Agent = agent;

    /// <summary>The From number; empty for calls whose agent the journal did not record.</summary>
    public string Agent { get; }
}

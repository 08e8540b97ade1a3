namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>
/// One finished call of a row, as a campaign report reads it from the journal's <c>final</c> line: the attempt
/// (start, end, verdict), the agent who took it, and how long it lasted.
/// </summary>
public sealed class ReportedCall
{
    /// <summary>Records a finished call.</summary>
    /// <param name="attempt">When it started and ended, and what it meant (from status, leg1, leg2).</param>
    /// <param name="agent">The From number that took the call; a pool row may have another on each call.</param>
    /// <param name="duration">Exotel's Duration: the whole call, ringing included; null while Exotel has not filled it.</param>
    /// <param name="talkTime">
    /// How long the customer talked: ConversationDuration for a connect-two-numbers call, Duration for a call to a
    /// flow (only the customer is on it); null when not known.
    /// </param>
    public ReportedCall(CallAttempt attempt, string? agent, TimeSpan? duration, TimeSpan? talkTime)
    {
        Attempt = attempt;
        Agent = agent ?? string.Empty;
        Duration = duration;
        TalkTime = talkTime;
    }

    /// <summary>When the call started and ended, and whom it reached.</summary>
    public CallAttempt Attempt { get; }

    /// <summary>The From number that took the call; empty when the journal did not say.</summary>
    public string Agent { get; }

    /// <summary>The whole call, ringing included; null when not known.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>How long the customer talked; null when not known.</summary>
    public TimeSpan? TalkTime { get; }
}

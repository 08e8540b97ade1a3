using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client;

/// <summary>
/// Whether a row gets an attempt now, from what its journal shows of the attempts before: the one place a campaign's
/// attempt schedule lives. <see cref="SingleAttempt"/> places a row at most once, and a row that may have been placed
/// waits for reconciliation; <see cref="CampaignSchedule"/> counts a campaign's attempts, reads each one's final status
/// and says when the next may start.
/// </summary>
internal interface IAttemptSchedule
{
    /// <summary>
    /// The row's next step, given its identity's latest journal record (null: no attempt recorded) and its finished
    /// attempts, oldest first (a campaign's; none otherwise).
    /// </summary>
    AttemptDecision Next(JournalEntry? history, IReadOnlyList<JournalAttempt>? attempts = null);
}

/// <summary>What an <see cref="IAttemptSchedule"/> decided for a row: attempt it (now or later), follow its call, or end it without sending.</summary>
internal sealed class AttemptDecision
{
    /// <summary>Place the row's call now.</summary>
    public static readonly AttemptDecision Attempt = new(null, null, null, null);

    private AttemptDecision(RowEnding? ending, string? sid, string? from, RowEndingException? reason)
    {
        Ending = ending;
        Sid = sid;
        From = from;
        Reason = reason;
    }

    /// <summary>How the row ends without an attempt; null to attempt it (or follow its call).</summary>
    public RowEnding? Ending { get; }

    /// <summary>The call the journal recorded for the row, if any.</summary>
    public string? Sid { get; }

    /// <summary>The From the journal recorded (the agent a pool row was given).</summary>
    public string? From { get; }

    /// <summary>Why nothing is sent for the row, when that is an error (a row in doubt); null for a row already placed.</summary>
    public RowEndingException? Reason { get; }

    /// <summary>A campaign's decision on the row; null outside a campaign.</summary>
    public RowDecision? Campaign { get; private init; }

    /// <summary>True when the row's latest call (<see cref="Sid"/>) is placed but its end not yet recorded: follow it first.</summary>
    public bool FollowsCall { get; private init; }

    /// <summary>End the row now, as <paramref name="ending"/>, with what the journal recorded for it.</summary>
    public static AttemptDecision Skip(RowEnding ending, JournalEntry history, RowEndingException? reason = null) =>
        new(ending, history.Sid, history.From, reason);

    /// <summary>A campaign's row that gets its next attempt at <see cref="RowDecision.NextAttemptAt"/>.</summary>
    public static AttemptDecision AttemptAt(RowDecision decision) => new(null, null, null, null) { Campaign = decision };

    /// <summary>A campaign's row done for this run (reached, given up, or due only after the deadline), its last call <paramref name="last"/>.</summary>
    public static AttemptDecision End(RowDecision decision, JournalAttempt? last) =>
        new(last is null ? RowEnding.Deferred : RowEnding.SkippedPlaced, last?.Sid, last?.From, null) { Campaign = decision };

    /// <summary>A campaign's row whose call the journal shows placed and not yet ended: its end is learned before the row is decided.</summary>
    public static AttemptDecision Follow(JournalEntry history) => new(null, history.Sid, history.From, null) { FollowsCall = true };
}

namespace ExotelPS.Client;

/// <summary>
/// One campaign row's attempts: those the journal recorded (an earlier run's, this run's) and the last call as Exotel
/// reported it this run, which is what the row's output shows. Kept on the row while it is in the run, so a campaign
/// without a journal still counts its attempts.
/// </summary>
/// <remarks>Touched by one thread at a time: the row is either queued, on the wire, or held by the campaign.</remarks>
internal sealed class RowAttempts
{
    private readonly List<JournalAttempt> finished;

    /// <param name="earlier">The attempts the journal recorded for the row's identity, oldest first.</param>
    /// <param name="poolAgent">True when the row names no From: each attempt takes any free pool agent.</param>
    public RowAttempts(IReadOnlyList<JournalAttempt> earlier, bool poolAgent)
    {
        finished = earlier.ToList();
        IsPoolRow = poolAgent;
    }

    /// <summary>The finished attempts, oldest first.</summary>
    public IReadOnlyList<JournalAttempt> Finished => finished;

    /// <summary>True when the row names no From: a redial may get another agent.</summary>
    public bool IsPoolRow { get; }

    /// <summary>True once the row placed a call in this run.</summary>
    public bool PlacedThisRun { get; private set; }

    /// <summary>The row's latest call as Exotel reported it in this run (its end included); null before one ended.</summary>
    public ExotelCall? LastCall { get; private set; }

    /// <summary>The row's call was placed in this run.</summary>
    public void Placed() => PlacedThisRun = true;

    /// <summary>The row's call ended as <paramref name="call"/> reports; returns the attempt, now the row's latest.</summary>
    /// <param name="call">The final call (with its legs, when they were read).</param>
    /// <param name="from">The From it was placed with (the agent), when the call does not say.</param>
    /// <param name="now">The run's time: the end of a call whose end Exotel does not give.</param>
    /// <param name="isFlowCall">True for a call to a flow, whose legs mean nothing to the verdict.</param>
    public JournalAttempt Ended(ExotelCall call, string? from, DateTimeOffset now, bool isFlowCall)
    {
        var end = call.EndTime ?? now;
        var attempt = new JournalAttempt(call.Sid, call.From ?? from, call.StartTime ?? call.DateCreated ?? end, end, call.Status.Value, isFlowCall)
        {
            Leg1 = call.Details?.Leg1Status?.Value,
            Leg2 = call.Details?.Leg2Status?.Value,
            Duration = call.Duration,
            Talk = call.Details?.ConversationDuration,
        };
        finished.Add(attempt);
        LastCall = call;
        return attempt;
    }

    /// <summary>The row's last call: this run's as Exotel reported it, else the journal's record of it; null when none.</summary>
    public ExotelCall? LastKnownCall() => LastCall ?? (finished.Count == 0 ? null : CallOf(finished[finished.Count - 1]));

    // What the journal recorded of the call: no more than its line holds.
    private static ExotelCall CallOf(JournalAttempt attempt) => new()
    {
        Sid = attempt.Sid,
        From = attempt.From,
        Status = new CallStatus(attempt.Status),
        StartTime = attempt.Start,
        EndTime = attempt.End,
        Duration = attempt.Duration,
    };
}

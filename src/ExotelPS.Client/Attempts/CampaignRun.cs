using ExotelPS.Client.Campaigns;
using ExotelPS.Client.Pacing;

namespace ExotelPS.Client;

/// <summary>
/// A campaign in the dispatcher: holds each row between its attempts. A placed call is followed to its end
/// (<see cref="AttemptFollower"/>), its attempt journaled (<c>final</c>) and the row decided again (<see cref="CampaignSchedule"/>):
/// done for this run (handed on), due now (queued again; an agent's miss at the front, for the next free agent), or
/// due later (a <see cref="TimeProvider"/> timer queues it then). At the deadline, rows waiting for an attempt are
/// handed on as pending; live calls are still followed.
/// </summary>
/// <remarks>
/// Membership of <c>held</c> is the right to move a held row on: the follower's news, a timer, the deadline and a stop
/// each take the row out under the lock, and only the one that took it goes on. A held row stays claimed from its last
/// settling, so a stop's sweep of unsettled rows leaves it to <see cref="Stop"/>; it is reset when queued again.
/// </remarks>
internal sealed class CampaignRun<TInput>
{
    private readonly CampaignSchedule schedule;
    private readonly RowJournal<DispatchRow<TInput>> rows;
    private readonly DispatchTally tally;
    private readonly InFlightWindow<DispatchRow<TInput>> window;
    private readonly Func<RowPlacer<TInput>> placer;
    private readonly Func<RowPacing> pacing;
    private readonly AttemptFollower follower;
    private readonly TimeProvider time;
    private readonly ITimer? deadline;
    private readonly Action roomMade; // wakes a waiting poster; called under the gate (it takes no lock of ours)
    private readonly object gate = new();

    // Rows between attempts: a timer while waiting for their next one, null while their call is followed.
    private readonly Dictionary<DispatchRow<TInput>, (ITimer? Timer, DateTimeOffset? Due)> held = new();
    private readonly Dictionary<string, DispatchRow<TInput>> bySid = new(StringComparer.Ordinal);
    private bool stopped;

    public CampaignRun(
        CampaignSchedule schedule,
        ExotelClient client,
        PacingOptions polling,
        RowJournal<DispatchRow<TInput>> rows,
        DispatchTally tally,
        InFlightWindow<DispatchRow<TInput>> window,
        Func<RowPlacer<TInput>> placer,
        Func<RowPacing> pacing,
        Action roomMade)
    {
        this.roomMade = roomMade;
        this.schedule = schedule;
        this.rows = rows;
        this.tally = tally;
        this.window = window;
        this.placer = placer;
        this.pacing = pacing;
        time = client.TimeProvider;
        follower = new AttemptFollower(client, polling, EndedAsync);
        if (schedule.Budget.Remaining is { } remaining)
        {
            deadline = time.CreateTimer(_ => Sweep(), null, remaining, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The campaign's schedule, which the placer asks for each row that enters.</summary>
    public IAttemptSchedule Schedule => schedule;

    /// <summary>When the earliest row waiting for its next attempt is due; null when none waits.</summary>
    public DateTimeOffset? NextAttemptAt
    {
        get { lock (gate) { return held.Values.Min(entry => entry.Due); } }
    }

    /// <summary>How many rows the campaign holds between attempts (their call followed, or waiting for their time).</summary>
    public int Held
    {
        get { lock (gate) { return held.Count; } }
    }

    /// <summary>True while new attempts may start (the deadline has not passed).</summary>
    public bool MayStartNow => schedule.Budget.MayStartNow;

    /// <summary>The row's finished attempts: on its first entry read from the journal, then kept on the row.</summary>
    public IReadOnlyList<JournalAttempt> AttemptsOf(DispatchRow<TInput> row)
    {
        row.Attempts ??= new RowAttempts(rows.AttemptsOf(row.Identity), pacing().AssignsFrom(row.Request!));
        return row.Attempts.Finished;
    }

    /// <summary>A decision on an entering row: null when it is queued or waits for its time, else its result now.</summary>
    public DispatchResult<TInput>? Place(DispatchRow<TInput> row, RowDecision decision)
    {
        if (decision.State != RowState.Scheduled)
        {
            return row.Decided(decision);
        }

        WaitOrQueue(row, decision.NextAttemptAt!.Value, front: false);
        return null;
    }

    /// <summary>True when the campaign keeps a row whose attempt just settled (its call is followed); false to hand the result on.</summary>
    public bool Holds(DispatchRow<TInput> row, DispatchResult<TInput> result)
    {
        if (result.Ending != RowEnding.Placed || result.CallSid is null || row.Attempts is null)
        {
            return false;
        }

        row.Attempts.Placed();
        return Follow(row, result.CallSid);
    }

    /// <summary>The deadline: rows waiting for an attempt (queued, or for their time) are handed on as pending.</summary>
    public void Sweep()
    {
        if (MayStartNow)
        {
            // The deadline's timer fired early on its clock's scale: look again when it has passed.
            deadline?.Change(schedule.Budget.Remaining!.Value, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = window.TakeWaiting();
        lock (gate)
        {
            foreach (var waiting in held.Where(entry => entry.Value.Timer is not null).ToList())
            {
                waiting.Value.Timer!.Dispose();
                held.Remove(waiting.Key);
                due.Add(waiting.Key);
            }
        }

        due.ForEach(Finish);
    }

    /// <summary>A stop: every held row is handed on as it stands (pending); nothing more is followed.</summary>
    public void Stop()
    {
        List<DispatchRow<TInput>> rowsHeld;
        lock (gate)
        {
            stopped = true;
            rowsHeld = held.Keys.ToList();
            held.Values.ToList().ForEach(entry => entry.Timer?.Dispose());
            held.Clear();
            bySid.Clear();
        }

        follower.Dispose();
        deadline?.Dispose();
        rowsHeld.ForEach(Finish);
    }

    /// <summary>Follows the row's call to its end, then decides the row (false after a stop): a call this run placed, or one the journal shows placed without its end.</summary>
    public bool Follow(DispatchRow<TInput> row, string sid)
    {
        lock (gate)
        {
            if (stopped)
            {
                return false;
            }

            held[row] = (null, null);
            bySid[sid] = row;
            roomMade();
        }

        follower.Follow(sid, row.Request is ConnectCallOptions, LiveBound.Of(row.Request, sidKnown: true));
        return true;
    }

    // The follower's news: the call's final reading, or null when it was not seen final by its bound.
    private async Task EndedAsync(string sid, ExotelCall? call)
    {
        DispatchRow<TInput>? row;
        lock (gate)
        {
            if (!bySid.TryGetValue(sid, out row) || !held.Remove(row))
            {
                return;
            }

            bySid.Remove(sid);
        }

        pacing().CallsEnded(sid);
        if (call is null)
        {
            Finish(row);
            return;
        }

        var attempt = row.Attempts!.Ended(call, row.Request?.From, time.GetUtcNow(), row.Request is FlowCallOptions);
        if (!await rows.TryRecordFinalAsync(row.Identity, attempt).ConfigureAwait(false))
        {
            placer().Complete(row, row.Decided(schedule.Decide(row.Attempts.Finished)), journalFailed: true);
            return;
        }

        var verdict = attempt.ToCallAttempt().Verdict.Outcome;
        if (verdict == AttemptOutcome.AgentMissed)
        {
            tally.AgentMissed();
        }

        var decision = schedule.Decide(row.Attempts.Finished);
        if (decision.State == RowState.Scheduled)
        {
            WaitOrQueue(row, decision.NextAttemptAt!.Value, front: verdict == AttemptOutcome.AgentMissed);
        }
        else
        {
            placer().Complete(row, row.Decided(decision));
        }
    }

    // Queues the row now when it is due, else holds it on a timer until it is.
    private void WaitOrQueue(DispatchRow<TInput> row, DateTimeOffset due, bool front)
    {
        var wait = due - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            Queue(row, front);
            return;
        }

        lock (gate)
        {
            if (!stopped)
            {
                held[row] = (time.CreateTimer(_ => Due(row), null, wait, Timeout.InfiniteTimeSpan), due);
                roomMade();
                return;
            }
        }

        Finish(row);
    }

    // Queues the row for its next attempt (an agent's miss at the front), every step afresh; after a stop, hands it on.
    private void Queue(DispatchRow<TInput> row, bool front)
    {
        bool queued;
        lock (gate)
        {
            queued = !stopped;
            if (queued)
            {
                row.NextAttempt();
                window.Enqueue(row, front);
            }
        }

        if (queued)
        {
            placer().StartWhatMay();
        }
        else
        {
            Finish(row);
        }
    }

    private void Due(DispatchRow<TInput> row)
    {
        lock (gate)
        {
            if (!held.TryGetValue(row, out var entry) || entry.Timer is null)
            {
                return;
            }

            // A timer may fire a little early on its clock's scale (a millisecond is seconds of sped-up time): never
            // redial before the wait is over.
            var early = entry.Due!.Value - time.GetUtcNow();
            if (early > TimeSpan.Zero)
            {
                entry.Timer.Change(early, Timeout.InfiniteTimeSpan);
                return;
            }

            entry.Timer.Dispose();
            held.Remove(row);
        }

        if (MayStartNow)
        {
            Queue(row, front: false);
        }
        else
        {
            Finish(row);
        }
    }

    // Hands the row on as the rules now see it (pending, when its next attempt cannot be made in this run).
    private void Finish(DispatchRow<TInput> row) =>
        placer().Complete(row, row.Decided(schedule.Decide(AttemptsOf(row))));
}

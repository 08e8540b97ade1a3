using ExotelPS.Client.Pacing;

namespace ExotelPS.Client;

/// <summary>
/// Takes each admitted row to its result: the attempt schedule decides whether it is attempted; the window queues it
/// and starts it when it and its From have room; its <c>sending</c> line is written at the last moment before its
/// request goes on the wire; its ending is journaled, counted and handed to the in-order output, and the same-identity
/// row that waited on it is decided next. In a campaign (<see cref="CampaignRun{TInput}"/>) a placed row is held until
/// its call ends and the rules decide it, and comes back here to be queued again or handed on. A stop settles every
/// posted row at once.
/// </summary>
/// <remarks>
/// It keeps no state of its own beyond what it was given, and holds no lock: each object it drives guards its own
/// state, and a row's steps are atomic on the row (<see cref="DispatchRow{TInput}"/>).
/// </remarks>
internal sealed class RowPlacer<TInput>
{
    private readonly Func<CheckedRequest, Func<Task>, CancellationToken, Task<ExotelCall>> placeCall;
    private readonly RowAdmission<TInput> admission;
    private readonly InFlightWindow<DispatchRow<TInput>> window;
    private readonly RowJournal<DispatchRow<TInput>> rows;
    private readonly IAttemptSchedule schedule;
    private readonly CampaignRun<TInput>? campaign;
    private readonly Func<RowPacing> pacing;
    private readonly UnknownOutcomes<TInput> unknown;
    private readonly DispatchTally tally;
    private readonly CancellationToken stopToken;
    private readonly Action stopRun;
    private readonly Func<DispatchRow<TInput>, bool> tryStart;

    /// <param name="pacing">The pacer, read when used (it is created after the window it answers).</param>
    /// <param name="stopRun">Cancels the run's stop token (the journal failed).</param>
    public RowPlacer(
        Func<CheckedRequest, Func<Task>, CancellationToken, Task<ExotelCall>> placeCall,
        RowAdmission<TInput> admission,
        InFlightWindow<DispatchRow<TInput>> window,
        RowJournal<DispatchRow<TInput>> rows,
        CampaignRun<TInput>? campaign,
        Func<RowPacing> pacing,
        UnknownOutcomes<TInput> unknown,
        DispatchTally tally,
        CancellationToken stopToken,
        Action stopRun)
    {
        this.placeCall = placeCall;
        this.admission = admission;
        this.window = window;
        this.rows = rows;
        this.campaign = campaign;
        schedule = campaign?.Schedule ?? SingleAttempt.Instance;
        this.pacing = pacing;
        this.unknown = unknown;
        this.tally = tally;
        this.stopToken = stopToken;
        this.stopRun = stopRun;
        tryStart = TryStart;
    }

    /// <summary>A row free of same-identity rows ahead of it: the schedule says whether it is attempted; it is queued, or ends now.</summary>
    public void Decide(DispatchRow<TInput> row)
    {
        if (Route(row) is { } result)
        {
            Settle(row, result);
        }
        else
        {
            StartWhatMay();
        }
    }

    // Either queues the row to be sent (null) or returns the result it gets without being sent.
    private DispatchResult<TInput>? Route(DispatchRow<TInput> row)
    {
        if (stopToken.IsCancellationRequested)
        {
            return row.Ending(RowEnding.NotSent, error: RowEndings.StoppedBeforeSending());
        }

        var decision = schedule.Next(rows.History(row.Identity), campaign?.AttemptsOf(row));
        if (decision.Campaign is { } campaignDecision)
        {
            return campaign!.Place(row, campaignDecision);
        }

        if (decision.FollowsCall)
        {
            campaign!.Follow(row, decision.Sid!);
            return null;
        }

        if (decision.Ending is { } ending)
        {
            // A pool row names no agent: it had the one the journal recorded, and its output says so.
            if (row.Request is { } request && string.IsNullOrWhiteSpace(request.From))
            {
                request.From = decision.From;
            }

            return row.Ending(ending, callSid: decision.Sid, error: decision.Reason);
        }

        window.Enqueue(row);
        return null;
    }

    /// <summary>Starts, in input order, the queued rows the window and their From have room for.</summary>
    public void StartWhatMay()
    {
        if (campaign is { MayStartNow: false })
        {
            // Past the campaign's deadline nothing new starts: what waits is handed on as pending.
            campaign.Sweep();
            return;
        }

        // Called at least twice a row: the delegate is made once, and the list is walked without boxing its enumerator.
        if (window.TakeStartable(tryStart) is not { } startable)
        {
            return;
        }

        foreach (var row in startable)
        {
            _ = Task.Run(() => PlaceAsync(row));
        }
    }

    // Whether a row's From has room (taking it, and starting the row).
    private bool TryStart(DispatchRow<TInput> row)
    {
        if (!pacing().TryTake(row))
        {
            return false;
        }

        row.Start();
        return true;
    }

    private async Task PlaceAsync(DispatchRow<TInput> row)
    {
        if (stopToken.IsCancellationRequested)
        {
            // Stopped between being cleared to go and reaching the thread pool: stopping already reported it.
            return;
        }

        DispatchResult<TInput> result;
        try
        {
            var call = await placeCall(row.Checked!, () => BeforeSendingAsync(row), stopToken).ConfigureAwait(false);
            result = row.Ending(RowEnding.Placed, call);
        }
        catch (Exception e) when (e is RowEndingException { Ending: RowEnding.NotSent } || (e is not ExotelException && !row.MayBeOnTheWire))
        {
            // Stopped (or the journal failed) before the request left, e.g. while it waited for the rate limit.
            result = row.Ending(RowEnding.NotSent, error: e as RowEndingException ?? RowEndings.StoppedBeforeSending());
        }
        catch (Exception e)
        {
            var error = RowEndings.AsExotelError(e);
            result = row.Ending(RowEndings.EndingOf(error), error: error);
        }

        if (row.TryClaim())
        {
            Settled(row, result, await RecordOutcomeAsync(row, result).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Called just before the row's request goes on the wire (each attempt). The first time, it writes the row's
    /// <c>sending</c> line, so a crash mid-call leaves the row "outcome unknown" rather than unrecorded; it throws, so
    /// that nothing is sent, when the run was stopped or that line could not be written. The row's one compare-and-swap
    /// decides a race with a stop: a row held back first writes no line; a row whose line was begun first is reported
    /// OutcomeUnknown by the stop (the line stands), and nothing is sent after it.
    /// </summary>
    private async Task BeforeSendingAsync(DispatchRow<TInput> row)
    {
        ThrowIfStopped();
        var step = row.BeginSending();
        if (step == DispatchRow<TInput>.SendStep.Again)
        {
            return;
        }

        if (step == DispatchRow<TInput>.SendStep.HeldBack)
        {
            throw RowEndings.StoppedBeforeSending();
        }

        if (!await rows.TryRecordSendingAsync(row.Identity, row.Request).ConfigureAwait(false))
        {
            row.SendingFailed();
            StopAfterJournalFault();
            throw RowEndings.JournalUnwritable();
        }

        // No stop check past this point: with its sending line written the row may be on the wire, so a stop now
        // must end it as outcome unknown (the send's own token does), never as not sent.
        LeftForTheWire(row);
    }

    private void ThrowIfStopped()
    {
        if (stopToken.IsCancellationRequested)
        {
            throw RowEndings.StoppedBeforeSending();
        }
    }

    /// <summary>
    /// Gives a row its result (first result wins: a call abandoned at stop may still answer later), journals it, then
    /// decides any same-identity row that waited on it and starts what may start.
    /// </summary>
    public void Settle(DispatchRow<TInput> row, DispatchResult<TInput> result)
    {
        if (row.TryClaim())
        {
            Settled(row, result, RecordOutcomeNow(row, result));
        }
    }

    // A claimed row's result, its outcome line written (journaled false: it could not be): counts it and hands it on,
    // then settles the same-identity rows that waited on it, in turn.
    private void Settled(DispatchRow<TInput> row, DispatchResult<TInput> result, bool journaled)
    {
        var journalFailed = !journaled;
        for (DispatchRow<TInput>? current = row; current is not null;)
        {
            var held = campaign is not null && campaign.Holds(current, result);
            Count(current, result, rowDone: !held);
            var follower = held ? null : HandOn(current, result);
            var followerResult = follower is null ? null : Route(follower);
            (current, result) = followerResult is not null && follower!.TryClaim() ? (follower, followerResult) : (null, result);
            journalFailed |= current is not null && !RecordOutcomeNow(current, result);
        }

        StartWhatMay();
        if (journalFailed)
        {
            StopAfterJournalFault();
        }
    }

    // A claimed row's request is done: its place goes back, then its outcome line is written.
    private Task<bool> RecordOutcomeAsync(DispatchRow<TInput> row, DispatchResult<TInput> result)
    {
        GiveBackPlace(row);
        return rows.TryRecordOutcomeAsync(row.Identity, result);
    }

    // Rows that end without an answer of their own (a skip, a refusal, a stop) are few beside placed rows: their
    // line is waited for on the caller's thread, which a file journal never blocks.
    private bool RecordOutcomeNow(DispatchRow<TInput> row, DispatchResult<TInput> result) =>
        RecordOutcomeAsync(row, result).GetAwaiter().GetResult();

    /// <summary>
    /// A campaign's row done for this run, after its call ended (or at the deadline, or a stop): hands its result on,
    /// then decides the same-identity row that waited on it. The caller took the row out of the campaign's hold or the
    /// queue, so no one else moves it. <paramref name="journalFailed"/>: its <c>final</c> line could not be written, so
    /// the run stops.
    /// </summary>
    public void Complete(DispatchRow<TInput> row, DispatchResult<TInput> result, bool journalFailed = false)
    {
        tally.CampaignRowDone(result.Ending, placedThisRun: row.Attempts is { PlacedThisRun: true });
        if (HandOn(row, result) is { } follower && Route(follower) is { } followerResult)
        {
            Settle(follower, followerResult);
        }

        StartWhatMay();
        if (journalFailed)
        {
            StopAfterJournalFault();
        }
    }

    // A started row's request is answered (or will never be sent): its place in flight goes back before its outcome
    // line is stored, since the account's window is sized for the requests alone, and slow storage must not hold places.
    private void GiveBackPlace(DispatchRow<TInput> row)
    {
        if (row.IsStarted)
        {
            LeftForTheWire(row);
            if (window.Finished())
            {
                StartWhatMay();
            }
        }
    }

    // Counts the result and frees the row's From.
    private void Count(DispatchRow<TInput> row, DispatchResult<TInput> result, bool rowDone)
    {
        tally.Settled(result.Ending, row.IsStarted, rowDone);
        unknown.Remember(result, row.Identity, rows.Journal is not null);
        pacing().Release(row, result);
    }

    // Hands the result on (after it was counted, so a taker that sees it also sees it counted); returns the same-identity row that waited on it.
    private DispatchRow<TInput>? HandOn(DispatchRow<TInput> row, DispatchResult<TInput> result)
    {
        admission.Fill(row, result);
        return rows.Finished(row.Identity, row);
    }

    // A started row no longer waits for the account's throttle: its request left, or it settled first.
    private void LeftForTheWire(DispatchRow<TInput> row)
    {
        if (row.TryStopAwaitingSend())
        {
            window.StoppedAwaitingSend();
        }
    }

    // Without the journal a rerun could ring people twice: stop sending, and say why once the results are taken.
    private void StopAfterJournalFault()
    {
        admission.Fail(rows.Fault!);
        stopRun();
    }

    /// <summary>The stop token's callback: settles every posted input now, so nothing waits on a call that may never answer.</summary>
    public void OnStopped()
    {
        campaign?.Stop();
        window.Close();
        pacing().Dispose();
        foreach (var row in admission.Unfilled())
        {
            Settle(row, row.TryHoldBack()
                ? row.Ending(RowEnding.NotSent, error: RowEndings.StoppedBeforeSending())
                : row.Ending(RowEnding.OutcomeUnknown, error: RowEndings.AsExotelError(new OperationCanceledException(stopToken))));
        }
    }
}

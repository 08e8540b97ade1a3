using ExotelPS.Client.Pacing;

namespace ExotelPS.Client;

/// <content>
/// Pacing per From number (<see cref="DispatcherOptions.Pacing"/>): a row starts only when its From has room; a pool
/// row is given a free agent as it starts; a From has room again once its call is final (plus wrap-up) or its bound
/// has passed. Without pacing every hook here lets everything through.
/// </content>
public sealed partial class CallDispatcher<TInput>
{
    private readonly CallPacing? pacing;

    // Rows started whose request waits for the account's rate limit (not yet on the wire); under the gate.
    private int awaitingRate;

    private CallPacing? StartPacing(PacingOptions? options, ExotelClient? client, CallJournal? journal)
    {
        if (options is null)
        {
            return null;
        }

        var finality = client ?? options.Client;
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<ExotelCall>>>? listFinal =
            finality is null ? null : (batch, cancellationToken) => FinalCalls.AmongAsync(finality, batch, cancellationToken);
        var time = finality?.TimeProvider ?? TimeProvider.System;
        var started = new CallPacing(options, time, listFinal, () => finality?.RequestsPerMinute ?? ExotelClientOptions.ExotelRequestsPerMinute, OnFromFreed);

        // A rerun must not ring an agent whose call from the earlier run is still live: those calls count first.
        started.AddEarlier(rows.EarlierPlacedCalls());
        return started;
    }

    // A row with no From is not refused for it when the pool will give it an agent (Check asks this).
    private IReadOnlyList<ValidationFailure> ValidateFor(PlaceCallOptions request)
    {
        var failures = request.Validate();
        return pacing?.AssignsFrom(request) == true
            ? failures.Where(failure => failure.Field != nameof(PlaceCallOptions.From)).ToList()
            : failures;
    }

    // Under the gate: takes room from the slot's From (giving a pool row its agent), or says it must wait.
    private bool FromHasRoom(Slot slot)
    {
        if (pacing is null)
        {
            return true;
        }

        slot.Lease = pacing.TryTake(slot.Request!);
        return slot.Lease is not null;
    }

    // Under the gate: the slot's result says whether its From is still held by a live call.
    private void FreeFrom(Slot slot, DispatchResult<TInput> result)
    {
        if (slot.Lease is { } lease)
        {
            pacing!.Settled(lease, result.Outcome, result.CallSid, slot.Request);
        }
    }

    // Under the gate: while requests wait for the rate limit, a freed agent would not be rung any sooner, so the pacer
    // spends no request on polling then.
    private void AwaitsRate(int change)
    {
        if (pacing is null || change == 0)
        {
            return;
        }

        awaitingRate += change;
        pacing.SetAwaitingRate(awaitingRate);
    }

    // From the pacer's poller (never under its lock or the gate): a From may have room, so start what may start.
    private void OnFromFreed()
    {
        List<Slot>? toStart = null;
        lock (gate)
        {
            TakeStartable(ref toStart);
        }

        Start(toStart);
    }
}

namespace ExotelPS.Client.Pacing;

/// <summary>
/// Per-From pacing as the dispatcher meets it (<see cref="DispatcherOptions.Pacing"/>): whether a row may start (its
/// From has room; a pool row is given a free agent as it starts), what a row's ending does to its From, and the counts
/// the poller reads. Without pacing every row passes and nothing is counted. Thread-safe: <see cref="CallPacing"/> holds
/// its own lock, and this keeps no state of its own beyond it.
/// </summary>
internal sealed class RowPacing : IDisposable
{
    private readonly CallPacing? pacing;
    private readonly Action onRoom;

    /// <param name="options">The pacing asked for; null: none.</param>
    /// <param name="finality">The client whose listing says when calls end; null: calls end only at their bound.</param>
    /// <param name="earlier">Calls an earlier run placed (from its journal) that may still be live: they count first.</param>
    /// <param name="onRoom">Told (never under a lock) when a From may have gained room.</param>
    /// <param name="followedElsewhere">True when a campaign follows every call to its end and says so (<see cref="CallsEnded"/>): no poller of its own.</param>
    public RowPacing(
        PacingOptions? options, ExotelClient? finality, IEnumerable<(string From, string Sid, DateTimeOffset At)> earlier, Action onRoom, bool followedElsewhere = false)
    {
        this.onRoom = onRoom;
        if (options is null)
        {
            return;
        }

        finality ??= options.Client;
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<ExotelCall>>>? listFinal =
            finality is null || followedElsewhere ? null : (batch, cancellationToken) => FinalCalls.AmongAsync(finality, batch, cancellationToken);
        var time = finality?.TimeProvider ?? TimeProvider.System;
        pacing = new CallPacing(options, time, listFinal, () => finality?.RequestsPerMinute ?? ExotelClientOptions.ExotelRequestsPerMinute, onRoom);

        // A rerun must not ring an agent whose call from the earlier run is still live.
        pacing.AddEarlier(earlier);
    }

    /// <summary>From numbers (agents) with a live call now; 0 without pacing.</summary>
    public int Busy => pacing?.Busy ?? 0;

    /// <summary>Rows the last look found waiting for their From; 0 without pacing.</summary>
    public int Waiting => pacing?.Waiting ?? 0;

    /// <summary>True when the request names no From and the pool gives it one when it starts: no From is then no failure.</summary>
    public bool AssignsFrom(PlaceCallOptions request) => pacing?.AssignsFrom(request) == true;

    /// <summary>Takes room for the row's call from its From (a pool row gets its agent here), or says it must wait.</summary>
    public bool TryTake<TInput>(DispatchRow<TInput> row)
    {
        if (pacing is null)
        {
            return true;
        }

        row.Lease = pacing.TryTake(row.Request!);
        if (row.Lease?.AssignedAgent is { } agent)
        {
            row.Checked!.AssignFrom(agent);
        }

        return row.Lease is not null;
    }

    /// <summary>How the row ended says whether its From stays held by a live call.</summary>
    public void Release<TInput>(DispatchRow<TInput> row, DispatchResult<TInput> result)
    {
        if (row.Lease is { } lease)
        {
            pacing!.Settled(lease, result.Ending, result.CallSid, row.Request);
        }
    }

    /// <summary>A campaign saw the call end: its From has room again (after its wrap-up).</summary>
    public void CallsEnded(string sid)
    {
        if (pacing?.EndedElsewhere(sid) == true)
        {
            onRoom();
        }
    }

    /// <summary>The rows the dispatcher found waiting for their From at the end of its look.</summary>
    public void SetWaiting(int rows) => pacing?.SetWaiting(rows);

    /// <summary>
    /// Requests started and not yet let onto the wire: while there are any, the rate, not the agents, holds rows back,
    /// so a freed agent would not be rung sooner and nothing is spent on polling.
    /// </summary>
    public void SetAwaitingSend(int requests) => pacing?.SetAwaitingRate(requests);

    /// <summary>Stops polling.</summary>
    public void Dispose() => pacing?.Dispose();
}

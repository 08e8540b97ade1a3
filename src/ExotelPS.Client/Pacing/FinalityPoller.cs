namespace ExotelPS.Client.Pacing;

/// <summary>
/// Learns when live calls end, cheaply: while rows wait for a From, one listing request per 100 live Sids
/// (<see cref="FinalCalls"/>, the same reading of finality as Wait-ExotelCall's), through the account's throttle,
/// at most once per interval the budget share allows. Also wakes when a wrap-up or a call's bound passes.
/// </summary>
/// <remarks>
/// With no row waiting nothing is polled: a call nobody waits for costs no request. A listing that fails is tried
/// again next round (the transport already retried it); a call never seen final is ended by its bound.
/// </remarks>
internal sealed class FinalityPoller : IDisposable
{
    private readonly CallPacing pacing;
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<ExotelCall>>>? listFinal;
    private readonly Func<int, TimeSpan> interval;
    private readonly Action onRoom;
    private readonly Alarm alarm;

    // Never disposed: the loop may still hold its token; cancelling is what matters.
    private readonly CancellationTokenSource stopping = new();
    private long requests;

    public FinalityPoller(
        CallPacing pacing,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<ExotelCall>>>? listFinal,
        Func<int, TimeSpan> interval,
        Action onRoom)
    {
        this.pacing = pacing;
        this.listFinal = listFinal;
        this.interval = interval;
        this.onRoom = onRoom;
        alarm = new Alarm(pacing.Time);
        _ = Task.Run(() => RunAsync(stopping.Token));
    }

    /// <summary>Listing requests sent so far.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Look again soon: a row is waiting, or a From's calls changed.</summary>
    /// <remarks>Rung from the thread pool: callers may hold the in-flight window's lock, and a woken loop must not run on under it.</remarks>
    public void Wake() => _ = Task.Run(alarm.Ring);

    public void Dispose() => stopping.Cancel();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var nextPoll = TimeSpan.Zero;
        try
        {
            while (true)
            {
                var view = pacing.Look();
                if (view.Gained)
                {
                    onRoom();
                }

                var polling = view.Sids.Count > 0 && listFinal is not null;
                if (polling && pacing.Now >= nextPoll)
                {
                    var batches = FinalCalls.Batches(view.Sids).ToList();
                    var ended = false;
                    foreach (var batch in batches)
                    {
                        ended |= await PollAsync(batch, cancellationToken).ConfigureAwait(false);
                    }

                    nextPoll = pacing.Now + interval(batches.Count);
                    if (ended)
                    {
                        onRoom();
                    }

                    continue;
                }

                var wakeAt = new[] { polling ? nextPoll : (TimeSpan?)null, view.NextChange }.Where(at => at is not null).Min();
                await alarm.SleepAsync(wakeAt - pacing.Now, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the run.
        }
    }

    private async Task<bool> PollAsync(IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        var final = new List<string>();
        try
        {
            final.AddRange((await listFinal!(batch, cancellationToken).ConfigureAwait(false)).Select(call => call.Sid));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Asked again next round (a failed listing must not end the polling); the calls' bounds end them if it never answers.
        }

        return pacing.Ended(final);
    }
}

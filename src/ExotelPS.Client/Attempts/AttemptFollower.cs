using ExotelPS.Client.Pacing;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client;

/// <summary>
/// Follows a campaign's calls to their end: one listing request per 100 followed Sids (<see cref="FinalCalls"/>, the
/// engine's one reading of finality), through the account's throttle, at most once per interval the polling share of
/// the budget allows (<see cref="CallPacing.PollInterval"/>). A final connect call that was not completed has its legs
/// read (<c>details=true</c>): only they tell the agent's miss from the customer's. Exotel fills them about two minutes
/// after the end, so a read that finds none is tried once more, <see cref="LegsLate"/> later; the call is then
/// reported as read (without legs it counts against the customer).
/// </summary>
/// <remarks>
/// A call not listed final by its bound is reported lost (null), so no row waits for ever. While it follows calls the
/// pacer's own poller is not needed: the follower tells the pacer which calls ended.
/// </remarks>
internal sealed class AttemptFollower : IDisposable
{
    /// <summary>How long after a call's end its legs are read again when the first read found none.</summary>
    public static readonly TimeSpan LegsLate = TimeSpan.FromMinutes(2);

    private readonly ExotelClient client;
    private readonly PacingOptions polling;
    private readonly Func<string, ExotelCall?, Task> ended;
    private readonly object gate = new();
    private readonly Dictionary<string, (bool ReadLegs, DateTimeOffset Bound)> followed = new(StringComparer.Ordinal);
    private readonly Alarm alarm;

    // Never disposed: the loop may still hold its token; cancelling is what matters.
    private readonly CancellationTokenSource stopping = new();

    /// <param name="client">The account whose listing and call details are read.</param>
    /// <param name="polling">The share of the budget polling may take, and the shortest interval.</param>
    /// <param name="ended">Told (on the thread pool) each followed call's final reading, or null when it was not seen final by its bound; awaited.</param>
    public AttemptFollower(ExotelClient client, PacingOptions polling, Func<string, ExotelCall?, Task> ended)
    {
        this.client = client;
        this.polling = polling;
        this.ended = ended;
        alarm = new Alarm(client.TimeProvider);
        _ = Task.Run(() => RunAsync(stopping.Token));
    }

    /// <summary>Calls followed now.</summary>
    public int Count
    {
        get { lock (gate) { return followed.Count; } }
    }

    /// <summary>Follows the call until it is final, or <paramref name="bound"/> has passed; <paramref name="readLegs"/> for a connect call.</summary>
    public void Follow(string sid, bool readLegs, TimeSpan bound)
    {
        lock (gate)
        {
            followed[sid] = (readLegs, client.TimeProvider.GetUtcNow() + bound);
        }

        alarm.Ring();
    }

    /// <summary>Stops following.</summary>
    public void Dispose() => stopping.Cancel();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var (sids, lost) = Look();
                foreach (var sid in lost)
                {
                    await ended(sid, null).ConfigureAwait(false);
                }

                if (sids.Count == 0)
                {
                    await alarm.SleepAsync(null, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var batches = FinalCalls.Batches(sids).ToList();
                foreach (var batch in batches)
                {
                    await PollAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                // A full interval, whatever is followed meanwhile: polling keeps to its share of the budget.
                await client.TimeProvider.SleepAsync(CallPacing.PollInterval(polling, client.RequestsPerMinute, batches.Count), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the run.
        }
    }

    // The Sids to poll, and those past their bound (no longer followed).
    private (List<string> Sids, List<string> Lost) Look()
    {
        var now = client.TimeProvider.GetUtcNow();
        lock (gate)
        {
            var lost = followed.Where(call => call.Value.Bound <= now).Select(call => call.Key).ToList();
            lost.ForEach(sid => followed.Remove(sid));
            return (followed.Keys.ToList(), lost);
        }
    }

    private async Task PollAsync(IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExotelCall> final;
        try
        {
            final = await FinalCalls.AmongAsync(client, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Asked again next round (the transport already retried); a call never seen final is lost at its bound.
            return;
        }

        foreach (var call in final)
        {
            bool readLegs;
            lock (gate)
            {
                if (!followed.TryGetValue(call.Sid, out var entry))
                {
                    continue;
                }

                followed.Remove(call.Sid);
                readLegs = entry.ReadLegs && call.Status != CallStatus.Completed;
            }

            _ = Task.Run(() => EndAsync(call, readLegs, cancellationToken));
        }
    }

    private async Task EndAsync(ExotelCall call, bool readLegs, CancellationToken cancellationToken)
    {
        try
        {
            await ended(call.Sid, readLegs ? await WithLegsAsync(call, cancellationToken).ConfigureAwait(false) : call).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the run: the row is settled by the stop.
        }
    }

    private async Task<ExotelCall> WithLegsAsync(ExotelCall call, CancellationToken cancellationToken)
    {
        for (var read = 1; ; read++)
        {
            try
            {
                var detailed = await client.GetCallAsync(call.Sid, includeDetails: true, cancellationToken).ConfigureAwait(false);
                if (detailed.Details?.Leg1Status is not null || read == 2)
                {
                    return detailed;
                }
            }
            catch (ExotelException) when (read == 2)
            {
                return call;
            }
            catch (ExotelException)
            {
                // Read again once, later.
            }

            await client.TimeProvider.SleepAsync(LegsLate, cancellationToken).ConfigureAwait(false);
        }
    }
}

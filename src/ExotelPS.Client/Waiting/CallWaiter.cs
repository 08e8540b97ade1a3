using ExotelPS.Client.Http;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Waits for calls to reach a final status (completed, failed, busy, no-answer), politely: pending calls are polled
/// together, up to 100 Sids per listing request, inside the account's rate limit. Fed from one thread like
/// <see cref="CallDispatcher{TInput}"/>; results come back in the order calls were added.
/// </summary>
/// <remarks>
/// Exotel lists only calls that are no longer in progress, so a pending call that shows up in a listing is final.
/// A call still pending when its timeout passes is read once more on its own (<see cref="WaitResult{TInput}.TimedOut"/>
/// is set unless that read finds it final).
/// </remarks>
public sealed class CallWaiter<TInput> : IDisposable
{
    private readonly ExotelClient client;
    private readonly TimeProvider time;
    private readonly long created;
    private readonly TimeSpan timeout;
    private readonly TimeSpan pollInterval;

    // Never disposed: the poller and TakeAll may still hold its token after Dispose; cancelling is what matters.
    private readonly CancellationTokenSource stopping;
    private readonly object gate = new();

    // Added and not yet taken, in the order added.
    private readonly InOrderResults<Entry, WaitResult<TInput>> untaken = new();

    // Added and not yet final: what the poller asks about.
    private readonly List<Entry> pending = new();
    private readonly Alarm pollerAlarm;
    private bool completed;

    // Why the poller stopped, when it failed: every call pending then, or added later, ends with it.
    private ExotelException? pollerFault;

    /// <summary>Creates a waiter; each call added gets <paramref name="timeout"/> from the moment it is added.</summary>
    /// <param name="client">The client whose account (and throttle) the polling goes through, on its time.</param>
    /// <param name="timeout">How long each call is waited for.</param>
    /// <param name="pollInterval">Time between listing rounds; 5 seconds when null.</param>
    /// <param name="cancellationToken">Stops all waiting.</param>
    public CallWaiter(ExotelClient client, TimeSpan timeout, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
        : this(client, timeout, pollInterval, client?.TimeProvider!, cancellationToken)
    {
    }

    /// <summary>Creates a waiter that reads the time and sleeps on <paramref name="time"/> rather than the client's.</summary>
    internal CallWaiter(ExotelClient client, TimeSpan timeout, TimeSpan? pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        created = time.GetTimestamp();
        pollerAlarm = new Alarm(time);
        this.timeout = timeout >= TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, EngineStrings.WaitTimeoutNegative);
        this.pollInterval = pollInterval ?? TimeSpan.FromSeconds(5);
        if (this.pollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), pollInterval, EngineStrings.PollIntervalNotPositive);
        }

        stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = Task.Run(() => PollUntilDoneAsync(stopping.Token));
    }

    /// <summary>Starts waiting for one call.</summary>
    /// <param name="input">What the result carries back.</param>
    /// <param name="callSid">The call to wait for.</param>
    /// <param name="readFirst">
    /// Read the call by its Sid before polling: a Sid Exotel does not know is then reported at once, and a call already
    /// final needs no listing. For Sids given by hand; a call just placed is known to exist.
    /// </param>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called.</exception>
    public void Add(TInput input, string callSid, bool readFirst = false)
    {
        var entry = new Entry(input, callSid, Now + timeout) { ReadFirst = readFirst };
        lock (gate)
        {
            if (completed)
            {
                throw new InvalidOperationException(EngineStrings.AddAfterComplete);
            }

            untaken.Reserve(entry);
            if (SidRule.Problem(callSid) is { } reason)
            {
                // Settled before it is listed, so the poller never puts an unusable Sid in a request.
                var error = new ExotelValidationException(new[] { new ValidationFailure(WireField.CallSid, callSid, reason) });
                untaken.Fill(entry, new WaitResult<TInput>(input, callSid, null, timedOut: false, error));
            }
            else if (pollerFault is not null)
            {
                untaken.Fill(entry, new WaitResult<TInput>(input, callSid, null, timedOut: false, pollerFault));
            }
            else
            {
                pending.Add(entry);
            }
        }

        pollerAlarm.Ring();
    }

    /// <summary>The results whose turn has come and are ready now, in the order added; never blocks.</summary>
    public IEnumerable<WaitResult<TInput>> TakeReady() => untaken.TakeReady();

    /// <summary>Says no more calls will be added.</summary>
    public void Complete()
    {
        lock (gate)
        {
            completed = true;
        }

        pollerAlarm.Ring();
    }

    /// <summary>Every remaining result in the order added, blocking until each is final or timed out; stops early when cancelled.</summary>
    /// <remarks>Cancellation (of this token, of the waiter's own, or <see cref="Dispose"/>) ends the sequence without an exception.</remarks>
    public IEnumerable<WaitResult<TInput>> TakeAll(CancellationToken cancellationToken = default)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping.Token);
        foreach (var result in untaken.TakeAll(cancel.Token))
        {
            yield return result;
        }
    }

    // Monotonic, from the waiter's creation: what deadlines and poll times are measured in.
    private TimeSpan Now => time.GetElapsedTime(created);

    /// <summary>Stops polling; results not yet final are abandoned.</summary>
    public void Dispose() => stopping.Cancel();

    private void Finish(Entry entry, ExotelCall? call, bool timedOut, ExotelException? error)
    {
        lock (gate)
        {
            if (untaken.Fill(entry, new WaitResult<TInput>(entry.Input, entry.CallSid, call, timedOut, error)))
            {
                pending.Remove(entry);
            }
        }
    }

    private async Task PollUntilDoneAsync(CancellationToken cancellationToken)
    {
        var nextPoll = Now + pollInterval;

        // Look first once the input has ended: calls already final need not wait a poll interval.
        var lookedAfterInput = false;
        try
        {
            while (true)
            {
                List<Entry> unfinished;
                bool inputEnded;
                lock (gate)
                {
                    unfinished = pending.ToList();
                    inputEnded = completed;
                    if (completed && unfinished.Count == 0)
                    {
                        return;
                    }
                }

                // Listings name only finished calls, so an unknown Sid would wait out its timeout: read new ones first.
                var unread = unfinished.Where(entry => entry.ReadFirst).ToList();
                unread.ForEach(entry => entry.ReadFirst = false);
                await Task.WhenAll(unread.Select(entry => ReadFirstAsync(entry, cancellationToken))).ConfigureAwait(false);

                var now = Now;
                var expired = unfinished.Where(entry => entry.Deadline <= now).ToList();
                await Task.WhenAll(expired.Select(entry => ReadOnceMoreAsync(entry, cancellationToken))).ConfigureAwait(false);
                var waiting = unfinished.Except(expired).ToList();

                // A call just read on its own needs no listing in the same round.
                var toList = waiting.Except(unread).ToList();
                if ((now >= nextPoll || (inputEnded && !lookedAfterInput)) && toList.Count > 0)
                {
                    // One listing request per 100 pending calls per interval, all through the account's throttle.
                    foreach (var batch in FinalCalls.Batches(toList))
                    {
                        await PollBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                    }

                    nextPoll = Now + pollInterval;
                    lookedAfterInput = inputEnded;
                }

                // Nothing pending: sleep until a call is added, with no timer ticking meanwhile.
                var wakeIn = waiting.Select(entry => entry.Deadline).Append(nextPoll).Min() - Now;
                await pollerAlarm.SleepAsync(waiting.Count == 0 ? null : wakeIn, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: TakeAll sees the same token and ends.
        }
        catch (Exception e)
        {
            // Nothing would poll again: end every pending call with the fault rather than leave TakeAll waiting forever.
            FailPending(new WaitFailedException(e));
        }
    }

    private void FailPending(ExotelException error)
    {
        lock (gate)
        {
            pollerFault = error;
            foreach (var entry in pending)
            {
                untaken.Fill(entry, new WaitResult<TInput>(entry.Input, entry.CallSid, null, timedOut: false, error));
            }

            pending.Clear();
        }
    }

    private async Task PollBatchAsync(IReadOnlyList<Entry> batch, CancellationToken cancellationToken)
    {
        var bySid = batch.ToLookup(entry => entry.CallSid, StringComparer.Ordinal);
        try
        {
            foreach (var call in await FinalCalls.AmongAsync(client, bySid.Select(group => group.Key), cancellationToken).ConfigureAwait(false))
            {
                foreach (var entry in bySid[call.Sid])
                {
                    Finish(entry, call, timedOut: false, error: null);
                }
            }
        }
        catch (ExotelException error)
        {
            foreach (var entry in batch)
            {
                Finish(entry, null, timedOut: false, error);
            }
        }
    }

    private async Task ReadFirstAsync(Entry entry, CancellationToken cancellationToken)
    {
        try
        {
            var call = await client.GetCallAsync(entry.CallSid, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (call.Status.IsFinal)
            {
                Finish(entry, call, timedOut: false, error: null);
            }
        }
        catch (ExotelException error)
        {
            Finish(entry, null, timedOut: false, error);
        }
    }

    private async Task ReadOnceMoreAsync(Entry entry, CancellationToken cancellationToken)
    {
        try
        {
            var call = await client.GetCallAsync(entry.CallSid, cancellationToken: cancellationToken).ConfigureAwait(false);
            Finish(entry, call, timedOut: !call.Status.IsFinal, error: null);
        }
        catch (ExotelException error)
        {
            Finish(entry, null, timedOut: true, error);
        }
    }

    private sealed class Entry : Turn<WaitResult<TInput>>
    {
        public Entry(TInput input, string callSid, TimeSpan deadline)
        {
            Input = input;
            CallSid = callSid;
            Deadline = deadline;
        }

        public TInput Input { get; }

        public string CallSid { get; }

        public TimeSpan Deadline { get; }

        /// <summary>To be read by Sid before it is polled; cleared by the poller, the only thread that reads it after Add.</summary>
        public bool ReadFirst { get; set; }
    }
}

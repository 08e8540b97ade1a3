namespace ExotelPS.Client.Pacing;

/// <summary>
/// The dispatcher's pacer: which rows may start now (their From has room), which agent a row without a From gets,
/// and, through a <see cref="FinalityPoller"/>, when a From has room again. Thread-safe; it never calls the
/// dispatcher under its own lock, so the in-flight window may call it under the window's.
/// </summary>
internal sealed class CallPacing : IDisposable
{
    private readonly object gate = new();
    private readonly FromTracker tracker;
    private readonly long created;
    private readonly FinalityPoller poller;
    private int waitingRows;
    private int awaitingRate;

    /// <param name="options">The pacing asked for.</param>
    /// <param name="time">The session's time: calls' bounds, wrap-ups and polls are measured on it.</param>
    /// <param name="listFinal">Which calls of a batch of at most 100 Sids are final; null: calls end only at their bound.</param>
    /// <param name="requestsPerMinute">The account's budget now, which polling takes a bounded share of.</param>
    /// <param name="onRoom">Told (never under this lock) when a From may have gained room.</param>
    public CallPacing(
        PacingOptions options,
        TimeProvider time,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<ExotelCall>>>? listFinal,
        Func<int> requestsPerMinute,
        Action onRoom)
    {
        _ = options ?? throw new ArgumentNullException(nameof(options));
        options.Check();
        Time = time ?? throw new ArgumentNullException(nameof(time));
        created = time.GetTimestamp();
        tracker = new FromTracker(options.MaxCallsPerFrom, options.WrapUp, options.AgentPool);
        poller = new FinalityPoller(this, listFinal, batches => PollInterval(options, requestsPerMinute(), batches), onRoom);
    }

    /// <summary>From numbers (agents) with a live call now.</summary>
    public int Busy
    {
        get { lock (gate) { return tracker.Busy; } }
    }

    /// <summary>Rows the last look found waiting for their From (or for a free agent).</summary>
    public int Waiting
    {
        get { lock (gate) { return waitingRows; } }
    }

    /// <summary>Listing requests sent to learn finality so far.</summary>
    public long PollRequests => poller.Requests;

    /// <summary>True when a request with no From is to be given an agent (so a missing From is not its error).</summary>
    public bool AssignsFrom(PlaceCallOptions request)
    {
        lock (gate)
        {
            return tracker.HasPool && string.IsNullOrWhiteSpace(request.From);
        }
    }

    /// <summary>
    /// Room for the request's call, or null to leave it waiting. A pool row is given its agent here: the request's From
    /// is set to it.
    /// </summary>
    public FromLease? TryTake(PlaceCallOptions request)
    {
        FromLease? lease;
        lock (gate)
        {
            lease = tracker.TryTake(request.From, Now);
        }

        if (lease?.AssignedAgent is { } agent)
        {
            request.From = agent;
        }

        return lease;
    }

    /// <summary>How the lease's request ended: its From stays held while its call may be live.</summary>
    public void Settled(FromLease lease, RowEnding ending, string? callSid, PlaceCallOptions? request)
    {
        lock (gate)
        {
            var now = Now;
            if (ending == RowEnding.Placed && callSid is not null)
            {
                tracker.Placed(lease, callSid, now + LiveBound.Of(request, sidKnown: true));
            }
            else if (ending == RowEnding.OutcomeUnknown)
            {
                tracker.MayBeLive(lease, now + LiveBound.Of(request, sidKnown: false));
            }
            else
            {
                tracker.NotPlaced(lease);
            }
        }

        poller.Wake();
    }

    /// <summary>Calls an earlier run placed (from its journal) that may still be live: their From waits until they are final.</summary>
    public void AddEarlier(IEnumerable<(string From, string Sid, DateTimeOffset PlacedAt)> calls)
    {
        lock (gate)
        {
            var now = Now;
            var wallNow = Time.GetUtcNow();
            foreach (var (from, sid, placedAt) in calls)
            {
                var deadline = now + (placedAt + LiveBound.Of(request: null, sidKnown: true) - wallNow);
                if (deadline > now)
                {
                    tracker.AddEarlier(from, sid, deadline);
                }
            }
        }

        poller.Wake();
    }

    /// <summary>
    /// The dispatcher's count of rows waiting for their From, at the end of each look at them; while there are any, the
    /// live calls of the Froms they wait for are polled.
    /// </summary>
    public void SetWaiting(int rows)
    {
        bool started;
        lock (gate)
        {
            started = waitingRows == 0 && rows > 0;
            waitingRows = rows;
            tracker.EndLook();
        }

        if (started)
        {
            poller.Wake();
        }
    }

    /// <summary>
    /// The dispatcher's count of requests waiting for the account's rate limit: while there are any, the rate, not the
    /// agents, is what holds rows back, so nothing is polled (a poll would take a request from them).
    /// </summary>
    public void SetAwaitingRate(int requests)
    {
        bool drained;
        lock (gate)
        {
            drained = awaitingRate > 0 && requests == 0 && waitingRows > 0;
            awaitingRate = requests;
        }

        if (drained)
        {
            poller.Wake();
        }
    }

    /// <summary>Stops polling.</summary>
    public void Dispose() => poller.Dispose();

    /// <summary>What the poller asks each round, under the lock: expired calls ended, the Sids to poll, the next timed change.</summary>
    internal PollerView Look()
    {
        lock (gate)
        {
            var now = Now;
            var gained = tracker.Expire(now);
            var sids = waitingRows > 0 && awaitingRate == 0 ? tracker.WantedSids() : new List<string>();
            return new PollerView(gained, sids, tracker.NextChange(now));
        }
    }

    /// <summary>A campaign, following its calls itself, saw this one final; true when it was live.</summary>
    public bool EndedElsewhere(string sid)
    {
        var wasLive = Ended(new[] { sid });

        // The poller sleeps until the next timed change: the call's wrap-up is a new one.
        poller.Wake();
        return wasLive;
    }

    /// <summary>The poller found these calls final; true when any was live.</summary>
    internal bool Ended(IEnumerable<string> finalSids)
    {
        lock (gate)
        {
            var now = Now;
            return finalSids.Aggregate(false, (any, sid) => tracker.Ended(sid, now) | any);
        }
    }

    /// <summary>The time the pacer and its poller run on.</summary>
    internal TimeProvider Time { get; }

    /// <summary>Monotonic, from the pacer's creation: what bounds and wrap-ups are measured in.</summary>
    internal TimeSpan Now => Time.GetElapsedTime(created);

    /// <summary>
    /// Time between polling rounds of <paramref name="batches"/> requests: within <see cref="PacingOptions.PollShare"/>
    /// of the budget, and never under <see cref="PacingOptions.MinPollInterval"/>.
    /// </summary>
    internal static TimeSpan PollInterval(PacingOptions options, int requestsPerMinute, int batches = 1)
    {
        var share = TimeSpan.FromMinutes(batches / (options.PollShare * Math.Max(1, requestsPerMinute)));
        return share > options.MinPollInterval ? share : options.MinPollInterval;
    }

    /// <summary>One round's view for the poller.</summary>
    internal sealed record PollerView(bool Gained, IReadOnlyList<string> Sids, TimeSpan? NextChange);
}

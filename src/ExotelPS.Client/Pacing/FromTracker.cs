namespace ExotelPS.Client.Pacing;

/// <summary>
/// The live calls of each From number (agent): how many each has, when each must be over, and the wrap-up after
/// each, so a From is never given more than its capacity. Numbers are compared as numbers
/// (<see cref="PhoneNumber.Canonical"/>). Not thread-safe: <see cref="CallPacing"/> holds its lock.
/// </summary>
/// <remarks>
/// A From's count includes requests being placed (a call may exist as soon as the request leaves), calls placed and
/// not yet known final, and requests whose outcome is unknown, until their bound. A From with nothing live and its
/// wrap-up over is forgotten, so memory follows the live calls, not the input.
/// </remarks>
internal sealed class FromTracker
{
    private readonly int maxPerFrom;
    private readonly TimeSpan wrapUp;
    private readonly IReadOnlyList<(string Number, string Key)> pool;
    private readonly Dictionary<string, FromState> froms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveCall> bySid = new(StringComparer.Ordinal);

    // Calls that may be live without a Sid to ask about (outcome unknown): each ends at its deadline.
    private readonly List<LiveCall> sidless = new();

    // The Froms rows asked for and found no room, in the look under way and in the last whole one (pool rows want any agent).
    private HashSet<string> wanted = new(StringComparer.Ordinal);
    private HashSet<string> lastWanted = new(StringComparer.Ordinal);
    private bool poolWanted;
    private bool lastPoolWanted;
    private int nextAgent;

    /// <param name="maxPerFrom">Live calls a From may have; 0: no limit.</param>
    /// <param name="wrapUp">Pause after a call ends before its From is rung again.</param>
    /// <param name="agentPool">Agents for rows that name no From.</param>
    public FromTracker(int maxPerFrom, TimeSpan wrapUp, IEnumerable<string> agentPool)
    {
        this.maxPerFrom = maxPerFrom;
        this.wrapUp = wrapUp;
        pool = agentPool
            .Select(agent => (Number: agent.Trim(), Key: PhoneNumber.Canonical(agent)))
            .GroupBy(agent => agent.Key, StringComparer.Ordinal)
            .Select(same => same.First())
            .ToList();
    }

    /// <summary>True when rows that name no From are given an agent from the pool.</summary>
    public bool HasPool => pool.Count > 0;

    /// <summary>From numbers with a live call (or a request on its way) now.</summary>
    public int Busy => froms.Values.Count(state => state.Live > 0);

    /// <summary>The Sids of the calls placed and not yet known final.</summary>
    public IReadOnlyCollection<string> LiveSids => bySid.Keys;

    /// <summary>
    /// The live calls worth asking about: those of the Froms a row waited for in the last look (any pool agent's, when
    /// a pool row waited). A call nobody waits for costs no poll, however many an earlier run left in the journal.
    /// </summary>
    public IReadOnlyList<string> WantedSids() =>
        bySid.Values.Where(call => lastWanted.Contains(call.Key) || (lastPoolWanted && pool.Any(agent => agent.Key == call.Key))).Select(call => call.Sid!).ToList();

    /// <summary>Ends a look at the waiting rows: the Froms they wanted become the ones polled for.</summary>
    public void EndLook()
    {
        (lastWanted, wanted) = (wanted, lastWanted);
        wanted.Clear();
        lastPoolWanted = poolWanted;
        poolWanted = false;
    }

    /// <summary>
    /// Takes room for one call from <paramref name="from"/> (or, when it is blank and there is a pool, from the next
    /// agent with room); null when there is no room now. The lease must be given back through one of
    /// <see cref="Placed"/>, <see cref="NotPlaced"/> or <see cref="MayBeLive"/>.
    /// </summary>
    public FromLease? TryTake(string? from, TimeSpan now)
    {
        if (string.IsNullOrWhiteSpace(from) && HasPool)
        {
            for (var tried = 0; tried < pool.Count; tried++)
            {
                var index = (nextAgent + tried) % pool.Count;
                if (HasRoom(pool[index].Key, now))
                {
                    nextAgent = (index + 1) % pool.Count;
                    return Take(pool[index].Key, pool[index].Number);
                }
            }

            poolWanted = true;
            return null;
        }

        var key = PhoneNumber.Canonical(from);
        if (HasRoom(key, now))
        {
            return Take(key, assignedAgent: null);
        }

        wanted.Add(key);
        return null;
    }

    /// <summary>The lease's request placed call <paramref name="sid"/>: live until final or <paramref name="deadline"/>.</summary>
    public void Placed(FromLease lease, string sid, TimeSpan deadline)
    {
        var call = new LiveCall(lease.Key, sid, deadline);
        if (!bySid.ContainsKey(sid))
        {
            bySid.Add(sid, call);
            return;
        }

        // The same Sid twice (a journal and a run naming one call): it is one live call.
        Release(lease.Key, wrapUpFrom: null);
    }

    /// <summary>No call was placed for the lease (refused, or never sent): its From is free at once, with no wrap-up.</summary>
    public void NotPlaced(FromLease lease) => Release(lease.Key, wrapUpFrom: null);

    /// <summary>A call may exist for the lease but has no Sid (outcome unknown): its From is held until <paramref name="deadline"/>.</summary>
    public void MayBeLive(FromLease lease, TimeSpan deadline) => sidless.Add(new LiveCall(lease.Key, sid: null, deadline));

    /// <summary>An earlier run's call that may still be live (from its journal): its From counts it until it is final.</summary>
    public void AddEarlier(string from, string sid, TimeSpan deadline)
    {
        if (!bySid.ContainsKey(sid))
        {
            Placed(Take(PhoneNumber.Canonical(from), assignedAgent: null), sid, deadline);
        }
    }

    /// <summary>Call <paramref name="sid"/> is final: its From has room again after the wrap-up. False when it was not live.</summary>
    public bool Ended(string sid, TimeSpan now)
    {
        if (!bySid.TryGetValue(sid, out var call))
        {
            return false;
        }

        bySid.Remove(sid);
        Release(call.Key, now);
        return true;
    }

    /// <summary>Ends the calls whose bound has passed and forgets Froms whose wrap-up is over; true when a From gained room.</summary>
    public bool Expire(TimeSpan now)
    {
        var changed = false;
        foreach (var call in bySid.Values.Where(call => call.Deadline <= now).ToList())
        {
            changed |= Ended(call.Sid!, now);
        }

        foreach (var call in sidless.Where(call => call.Deadline <= now).ToList())
        {
            sidless.Remove(call);
            Release(call.Key, now);
            changed = true;
        }

        foreach (var idle in froms.Where(pair => pair.Value.Live == 0 && pair.Value.FreeAt <= now).Select(pair => pair.Key).ToList())
        {
            froms.Remove(idle);
            changed = true;
        }

        return changed;
    }

    /// <summary>When a From next gains room by time alone (a wrap-up or a bound passing); null when nothing is timed.</summary>
    public TimeSpan? NextChange(TimeSpan now)
    {
        // Loops, not a query: the poller asks at every wake, over every live call, and a list of their times was most
        // of a fast campaign's allocations (large arrays, each one a push towards a full collection).
        TimeSpan? next = null;
        foreach (var call in bySid.Values)
        {
            next = Earlier(next, call.Deadline);
        }

        foreach (var call in sidless)
        {
            next = Earlier(next, call.Deadline);
        }

        foreach (var state in froms.Values)
        {
            next = state.FreeAt > now ? Earlier(next, state.FreeAt) : next;
        }

        return next;
    }

    private static TimeSpan? Earlier(TimeSpan? next, TimeSpan time) => next is { } known && known <= time ? known : time;

    private bool HasRoom(string key, TimeSpan now) =>
        !froms.TryGetValue(key, out var state) || ((maxPerFrom == 0 || state.Live < maxPerFrom) && state.FreeAt <= now);

    private FromLease Take(string key, string? assignedAgent)
    {
        if (!froms.TryGetValue(key, out var state))
        {
            state = new FromState();
            froms.Add(key, state);
        }

        state.Live++;
        return new FromLease(key, assignedAgent);
    }

    // A call (or a request) of the From is over; after a call, the From rests for the wrap-up.
    private void Release(string key, TimeSpan? wrapUpFrom)
    {
        if (!froms.TryGetValue(key, out var state))
        {
            return;
        }

        state.Live--;
        if (wrapUpFrom is { } ended && wrapUp > TimeSpan.Zero)
        {
            state.FreeAt = ended + wrapUp;
        }
        else if (state.Live == 0 && state.FreeAt == TimeSpan.Zero)
        {
            froms.Remove(key);
        }
    }

    private sealed class FromState
    {
        public int Live { get; set; }

        public TimeSpan FreeAt { get; set; }
    }

    private sealed class LiveCall
    {
        public LiveCall(string key, string? sid, TimeSpan deadline)
        {
            Key = key;
            Sid = sid;
            Deadline = deadline;
        }

        public string Key { get; }

        public string? Sid { get; }

        public TimeSpan Deadline { get; }
    }
}

/// <summary>Room for one call taken from a From number: its key, and the agent given from the pool when the row named none.</summary>
internal sealed class FromLease
{
    public FromLease(string key, string? assignedAgent)
    {
        Key = key;
        AssignedAgent = assignedAgent;
    }

    /// <summary>The From as <see cref="PhoneNumber.Canonical"/> writes it.</summary>
    public string Key { get; }

    /// <summary>The pool agent the row was given; null when the row named its own From.</summary>
    public string? AssignedAgent { get; }
}

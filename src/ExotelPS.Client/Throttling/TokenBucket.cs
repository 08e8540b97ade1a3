namespace ExotelPS.Client.Throttling;

/// <summary>
/// Paces request starts evenly: a token bucket kept as a "theoretical arrival time" (GCRA), so each caller is
/// given its own start slot in arrival order. It targets 99% of the limit with a burst so small that any sliding
/// 60-second window (how Exotel and the emulator count) stays below the limit, even when requests reach Exotel up
/// to <see cref="ArrivalJitter"/> later or sooner than they were started.
/// </summary>
/// <remarks>
/// Not System.Threading.RateLimiting's TokenBucketRateLimiter, which cannot do this job: its rate is fixed once built
/// (here a later client of the account changes it live, <see cref="SetRate"/>), it has no account-wide pause after a
/// 429 (<see cref="PauseUntil"/>), and it replenishes on real time rather than the session's TimeProvider.
/// </remarks>
internal sealed class TokenBucket
{
    /// <summary>Share of the limit aimed at: the 1% headroom absorbs network jitter in arrival times.</summary>
    internal const double TargetShare = 0.99;

    /// <summary>
    /// How far arrival times at Exotel may wander from start times (a first request opens its connection, a later one
    /// reuses it): the burst leaves this much of the limit's headroom unused, so such a squeeze never tips a window over.
    /// </summary>
    internal static readonly TimeSpan ArrivalJitter = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly object gate = new();
    private int limit;
    private TimeSpan interval;
    private int burst;
    // The slot after the last one given out; credit for a burst is what lies between now and it.
    private TimeSpan nextSlot;
    private TimeSpan pausedUntil;

    public TokenBucket(int requestsPerMinute) => SetRate(requestsPerMinute);

    /// <summary>Time between starts.</summary>
    public TimeSpan Interval
    {
        get
        {
            lock (gate)
            {
                return interval;
            }
        }
    }

    /// <summary>Starts allowed back to back after a quiet spell.</summary>
    public int Burst
    {
        get
        {
            lock (gate)
            {
                return burst;
            }
        }
    }

    /// <summary>
    /// What the fullest 60 seconds leave unused, as time: arrivals at Exotel may bunch up by this much before any
    /// window holds more than the limit. Never less than <see cref="ArrivalJitter"/>, at any limit.
    /// </summary>
    public TimeSpan Headroom
    {
        get
        {
            lock (gate)
            {
                return HeadroomOf(limit, burst, interval);
            }
        }
    }

    /// <summary>
    /// Changes the limit. Any <c>limit + 1</c> starts span at least <c>(limit - burst + 1)</c> intervals, so the burst is
    /// the largest that keeps that span a full window plus <see cref="ArrivalJitter"/>; the interval itself is never
    /// so short that even a burst of 1 would eat into the margin. At 99% that is a burst of 1 at Exotel's 200 a minute
    /// (606 ms of headroom) and 11 at 6,000 (505 ms).
    /// </summary>
    public void SetRate(int requestsPerMinute)
    {
        var paced = (long)Math.Ceiling(Window.Ticks / (requestsPerMinute * TargetShare));
        var withMargin = (long)Math.Ceiling((Window + ArrivalJitter).Ticks / (double)requestsPerMinute);
        lock (gate)
        {
            limit = requestsPerMinute;
            interval = TimeSpan.FromTicks(Math.Max(paced, withMargin));
            var spare = HeadroomOf(limit, 1, interval) - ArrivalJitter;
            burst = 1 + (int)Math.Min(limit - 1, spare.Ticks / interval.Ticks);
        }
    }

    /// <summary>Claims the next start slot and says how long after <paramref name="now"/> it is.</summary>
    public TimeSpan Reserve(TimeSpan now)
    {
        lock (gate)
        {
            var earliest = Max(now, pausedUntil);
            nextSlot = Max(nextSlot, earliest);
            var start = Max(earliest, nextSlot - TimeSpan.FromTicks(interval.Ticks * (burst - 1)));
            nextSlot += interval;
            return start - now;
        }
    }

    /// <summary>True while a pause ordered after a 429 is still running at <paramref name="now"/>.</summary>
    public bool IsPaused(TimeSpan now)
    {
        lock (gate)
        {
            return now < pausedUntil;
        }
    }

    /// <summary>Holds every start back until <paramref name="until"/> (after a 429 for the account).</summary>
    public void PauseUntil(TimeSpan until)
    {
        lock (gate)
        {
            pausedUntil = Max(pausedUntil, until);
        }
    }

    // The closest the first and the (limit + 1)th of a run of starts can be, less the window they must not both fall in.
    private static TimeSpan HeadroomOf(int limit, int burst, TimeSpan interval) =>
        TimeSpan.FromTicks(interval.Ticks * (limit - burst + 1)) - Window;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

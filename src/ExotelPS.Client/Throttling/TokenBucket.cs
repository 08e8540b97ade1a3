namespace ExotelPS.Client.Throttling;

/// <summary>
/// Paces request starts evenly: a token bucket kept as a "theoretical arrival time" (GCRA), so each caller is
/// given its own start slot in arrival order. It targets 99% of the limit with a burst so small that any sliding
/// 60-second window (how Exotel and the emulator count) stays below the limit, even when requests reach Exotel up
/// to <see cref="ArrivalJitter"/> later or sooner than they were started.
/// </summary>
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
    /// Changes the limit. A 60-second window holds at most <c>burst + 99% of the limit</c> starts, so the burst is
    /// what is left under the limit less one request and <see cref="ArrivalJitter"/>'s worth of margin (at least 1):
    /// 1 at Exotel's 200 a minute, 9 at 6,000.
    /// </summary>
    public void SetRate(int requestsPerMinute)
    {
        var perWindow = requestsPerMinute * TargetShare;
        lock (gate)
        {
            interval = TimeSpan.FromTicks((long)Math.Ceiling(Window.Ticks / perWindow));
            var jitterMargin = (int)Math.Ceiling(ArrivalJitter.Ticks / (double)interval.Ticks);
            burst = Math.Max(1, requestsPerMinute - 1 - (int)Math.Floor(perWindow) - jitterMargin);
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

using System.Net.Http.Headers;

namespace ExotelPS.Client.Throttling;

/// <summary>How long to wait before a retry: Exotel's Retry-After when given, else capped exponential backoff with full jitter.</summary>
internal sealed class Backoff
{
    private static readonly Random SharedRandom = new();
    private readonly TimeSpan baseDelay;
    private readonly TimeSpan maxDelay;
    private readonly Func<double> nextUnit;

    /// <param name="baseDelay">The first retry's ceiling; it doubles each retry.</param>
    /// <param name="maxDelay">The ceiling of any delay, Retry-After included.</param>
    /// <param name="nextUnit">A random number in [0, 1); tests pass a fixed one.</param>
    public Backoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? nextUnit = null)
    {
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.nextUnit = nextUnit ?? NextSharedUnit;
    }

    /// <summary>
    /// A delay anywhere between zero and <c>min(max, base * 2^retry)</c>: full jitter spreads clients that failed
    /// together so they do not come back together.
    /// </summary>
    /// <param name="retry">0 for the first retry.</param>
    public TimeSpan Next(int retry)
    {
        // Past 2^30 the ceiling is the cap anyway; clamping the exponent avoids overflow.
        var ceilingTicks = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Min(retry, 30)));
        return TimeSpan.FromTicks((long)(ceilingTicks * nextUnit()));
    }

    /// <summary>The wait a 429 asks for: Retry-After (seconds or an HTTP date) when present, else <see cref="Next"/>; capped.</summary>
    public TimeSpan AfterRateLimit(int retry, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var asked = retryAfter?.Delta ?? (retryAfter?.Date - now);
        if (asked is not { } delay)
        {
            return Next(retry);
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > maxDelay ? maxDelay : delay;
    }

    private static double NextSharedUnit()
    {
        lock (SharedRandom)
        {
            return SharedRandom.NextDouble();
        }
    }
}

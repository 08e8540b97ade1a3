namespace ExotelPS.Client.Throttling;

/// <summary>
/// How many requests of an account to keep in flight when no one set a limit, by Little's law: the starts a second
/// the rate allows times the latency seen, with <see cref="Margin"/>, between <see cref="Floor"/> and
/// <see cref="Ceiling"/>. Enough to keep the cap busy at any latency, and no more: more in flight would only wait
/// for start slots. Thread-safe.
/// </summary>
/// <remarks>
/// The latency estimate rises fast (halfway to a slower answer at once) and falls slowly (a twentieth of the way
/// per faster answer), so a slowdown is covered within a few answers and one quick answer does not shrink the window.
/// Until the first answer it assumes <see cref="InitialLatency"/>.
/// </remarks>
internal sealed class AdaptiveWindow
{
    /// <summary>The most in flight however slow the answers: each holds a connection and a task, and Exotel serves them all.</summary>
    internal const int Ceiling = 1000;

    /// <summary>The least: what ExotelPS kept in flight before the window was sized, enough for answers under ~3 s at 200/min.</summary>
    internal const int Floor = 10;

    /// <summary>Half again what the mean latency needs: covers answers slower than the mean and a rise not yet measured.</summary>
    internal const double Margin = 1.5;

    private const double Rise = 0.5;
    private const double Fall = 0.05;

    /// <summary>The latency assumed before the first answer: generous for Exotel, whose answers mostly take well under it.</summary>
    internal static readonly TimeSpan InitialLatency = TimeSpan.FromSeconds(2);

    private readonly object gate = new();
    private double startsPerSecond;
    private double latencySeconds = InitialLatency.TotalSeconds;

    /// <param name="startInterval">Time between request starts the rate allows (<see cref="TokenBucket.Interval"/>).</param>
    public AdaptiveWindow(TimeSpan startInterval) => SetRate(startInterval);

    /// <summary>The latency the window is sized for now.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (gate)
            {
                return TimeSpan.FromSeconds(latencySeconds);
            }
        }
    }

    /// <summary>Requests to keep in flight now.</summary>
    public int Size
    {
        get
        {
            lock (gate)
            {
                return SizeFor(startsPerSecond, latencySeconds);
            }
        }
    }

    /// <summary>Little's law with the margin, clamped: the window for a rate and a latency.</summary>
    public static int SizeFor(double startsPerSecond, double latencySeconds)
    {
        var needed = Math.Ceiling(startsPerSecond * latencySeconds * Margin);
        return (int)Math.Max(Floor, Math.Min(Ceiling, needed));
    }

    /// <summary>Follows a new rate (another client of the account set another RequestsPerMinute).</summary>
    public void SetRate(TimeSpan startInterval)
    {
        lock (gate)
        {
            startsPerSecond = 1 / startInterval.TotalSeconds;
        }
    }

    /// <summary>Takes in one request's time from start to answer; returns the window's new size.</summary>
    public int Observe(TimeSpan latency)
    {
        lock (gate)
        {
            var seen = Math.Max(0, latency.TotalSeconds);
            latencySeconds += (seen - latencySeconds) * (seen > latencySeconds ? Rise : Fall);
            return SizeFor(startsPerSecond, latencySeconds);
        }
    }
}

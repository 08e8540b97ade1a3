using System.Diagnostics;

namespace ExotelPS.Client;

/// <summary>
/// The run's counts of how rows ended, each ending counted in one place, and the rate they came in at: what
/// <see cref="CallDispatcher{TInput}.Progress"/> reports. Thread-safe.
/// </summary>
internal sealed class DispatchTally
{
    // Guards everything below; held only while counting or taking a snapshot.
    private readonly object gate = new();
    private readonly Stopwatch clock = new();
    private readonly RecentRate rate = new();
    private readonly long[] counts = new long[Enum.GetValues(typeof(EndingCounter)).Length];
    private long completed;

    /// <summary>A row was posted: the run's clock starts with the first.</summary>
    public void Posted()
    {
        lock (gate)
        {
            if (!clock.IsRunning)
            {
                clock.Start();
            }
        }
    }

    /// <summary>Counts a row's result; <paramref name="started"/> says whether it had been handed to placeCall.</summary>
    public void Settled(RowEnding ending, bool started)
    {
        lock (gate)
        {
            completed++;
            counts[(int)RowEndings.CounterOf(ending)]++;
            if (started)
            {
                rate.Add(clock.ElapsedTicks);
            }
        }
    }

    /// <summary>A snapshot of the counts, with the figures other parts of the run keep.</summary>
    /// <param name="posted">Rows posted so far.</param>
    /// <param name="inFlight">Requests on the wire now.</param>
    /// <param name="fromsBusy">With pacing, From numbers with a live call.</param>
    /// <param name="waitingForFrom">With pacing, rows waiting for their From.</param>
    public DispatchProgress Snapshot(long posted, int inFlight = 0, int fromsBusy = 0, int waitingForFrom = 0)
    {
        lock (gate)
        {
            var perMinute = rate.PerMinute(clock.ElapsedTicks);
            return new DispatchProgress
            {
                Posted = posted,
                Completed = completed,
                Placed = Count(EndingCounter.Placed),
                Failed = Count(EndingCounter.Failed),
                Skipped = Count(EndingCounter.Skipped) + Count(EndingCounter.SkippedInDoubt),
                SkippedInDoubt = Count(EndingCounter.SkippedInDoubt),
                NotSent = Count(EndingCounter.NotSent),
                InFlight = inFlight,
                FromsBusy = fromsBusy,
                WaitingForFrom = waitingForFrom,
                RatePerMinute = perMinute,
                Elapsed = clock.Elapsed,
                EstimatedRemaining = perMinute > 0 ? TimeSpan.FromMinutes((posted - completed) / perMinute) : null,
            };
        }
    }

    private long Count(EndingCounter counter) => counts[(int)counter];
}

using System.Diagnostics;

namespace ExotelPS.Client;

/// <summary>
/// The run's counts, each outcome counted in one place, and the rate they came in at: what
/// <see cref="CallDispatcher{TInput}.Progress"/> reports. Not thread-safe: the dispatcher holds its lock.
/// </summary>
internal sealed class DispatchTally
{
    private readonly Stopwatch clock = new();
    private readonly RecentRate rate = new();
    private long posted;
    private long completed;
    private readonly long[] counts = new long[Enum.GetValues(typeof(EndingCounter)).Length];

    /// <summary>Rows handed to placeCall and not settled yet.</summary>
    public int InFlight { get; private set; }

    /// <summary>Counts a posted row and returns its index in input order; the run's clock starts with the first.</summary>
    public long Posted()
    {
        if (!clock.IsRunning)
        {
            clock.Start();
        }

        return posted++;
    }

    /// <summary>Counts a row handed to placeCall.</summary>
    public void Started() => InFlight++;

    /// <summary>Counts a row's result; <paramref name="started"/> says whether it had been handed to placeCall.</summary>
    public void Settled(RowEnding ending, bool started)
    {
        completed++;
        counts[(int)RowEndings.CounterOf(ending)]++;
        if (started)
        {
            InFlight--;
            rate.Add(clock.ElapsedTicks);
        }
    }

    /// <summary>A snapshot of the counts, with the pacer's figures (0 without pacing).</summary>
    public DispatchProgress Snapshot(int fromsBusy = 0, int waitingForFrom = 0)
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
            InFlight = InFlight,
            FromsBusy = fromsBusy,
            WaitingForFrom = waitingForFrom,
            RatePerMinute = perMinute,
            Elapsed = clock.Elapsed,
            EstimatedRemaining = perMinute > 0 ? TimeSpan.FromMinutes((posted - completed) / perMinute) : null,
        };
    }

    private long Count(EndingCounter counter) => counts[(int)counter];
}

using System.Diagnostics;

namespace ExotelPS.Client;

/// <summary>
/// The run's counts of how rows ended, one per <see cref="RowEnding"/> (summed into progress figures by
/// <see cref="RowEndings"/>' table), and the rate they came in at: what
/// <see cref="CallDispatcher{TInput}.Progress"/> reports. Thread-safe.
/// </summary>
internal sealed class DispatchTally
{
    // Guards everything below; held only while counting or taking a snapshot.
    private readonly object gate = new();
    private readonly Stopwatch clock = new();
    private readonly RecentRate rate = new();
    private readonly long[] counts = new long[Enum.GetValues(typeof(RowEnding)).Length];
    private long completed;
    private long agentMisses;

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

    /// <summary>
    /// Counts a row's result; <paramref name="started"/> says whether it had been handed to placeCall, and
    /// <paramref name="rowDone"/> false that a campaign keeps the row for its call's end (<see cref="RowDone"/> then).
    /// </summary>
    public void Settled(RowEnding ending, bool started, bool rowDone = true)
    {
        lock (gate)
        {
            completed += rowDone ? 1 : 0;
            counts[(int)ending]++;
            if (started)
            {
                rate.Add(clock.ElapsedTicks);
            }
        }
    }

    /// <summary>A campaign's row is done for this run; a call it placed in this run was counted when placed.</summary>
    public void CampaignRowDone(RowEnding ending, bool placedThisRun)
    {
        if (!placedThisRun)
        {
            Settled(ending, started: false);
            return;
        }

        lock (gate)
        {
            completed++;
        }
    }

    /// <summary>A campaign's call whose agent never answered (the customer was not rung).</summary>
    public void AgentMissed()
    {
        lock (gate)
        {
            agentMisses++;
        }
    }

    /// <summary>A snapshot of the counts, with the figures other parts of the run keep.</summary>
    /// <param name="posted">Rows posted so far.</param>
    /// <param name="inFlight">Requests on the wire now.</param>
    /// <param name="fromsBusy">With pacing, From numbers with a live call.</param>
    /// <param name="waitingForFrom">With pacing, rows waiting for their From.</param>
    /// <param name="nextAttemptAt">In a campaign, when the earliest row waiting for its next attempt is due.</param>
    public DispatchProgress Snapshot(long posted, int inFlight = 0, int fromsBusy = 0, int waitingForFrom = 0, DateTimeOffset? nextAttemptAt = null)
    {
        lock (gate)
        {
            var perMinute = rate.PerMinute(clock.ElapsedTicks);
            return new DispatchProgress
            {
                Posted = posted,
                Completed = completed,
                Placed = Count(ProgressFigure.Placed),
                Failed = Count(ProgressFigure.Failed),
                Skipped = Count(ProgressFigure.Skipped),
                SkippedInDoubt = counts[(int)RowEnding.SkippedInDoubt],
                NotSent = Count(ProgressFigure.NotSent),
                Deferred = Count(ProgressFigure.Deferred),
                AgentMisses = agentMisses,
                NextAttemptAt = nextAttemptAt,
                InFlight = inFlight,
                FromsBusy = fromsBusy,
                WaitingForFrom = waitingForFrom,
                RatePerMinute = perMinute,
                Elapsed = clock.Elapsed,
                EstimatedRemaining = perMinute > 0 ? TimeSpan.FromMinutes((posted - completed) / perMinute) : null,
            };
        }
    }

    // The rows whose ending adds to the figure, by RowEndings' table.
    private long Count(ProgressFigure figure) =>
        Enumerable.Range(0, counts.Length).Where(ending => RowEndings.FigureOf((RowEnding)ending) == figure).Sum(ending => counts[ending]);
}

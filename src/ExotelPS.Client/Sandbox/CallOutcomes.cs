namespace ExotelPS.Client.Sandbox;

/// <summary>
/// How each simulated call ends: a test number's fixed outcome (<see cref="TestNumbers"/>), else busy, no-answer or
/// completed, drawn per call by <see cref="SimulatorOptions.BusyShare"/> and <see cref="SimulatorOptions.NoAnswerShare"/>,
/// so a redial of the same number may end otherwise. Its own seeded random source, drawn from only when a share is set:
/// the faults and durations a seed gives stay the same, and a seed repeats a run's outcomes.
/// </summary>
internal sealed class CallOutcomes
{
    private readonly SimulatorOptions options;
    private readonly Random random;

    public CallOutcomes(SimulatorOptions options)
    {
        this.options = options;
        random = new Random(unchecked((options.Seed * 37) + 11));
    }

    /// <summary>The final status of a call to <paramref name="dialled"/> (To, or From for a call to a flow).</summary>
    public CallStatus FinalStatusOf(string dialled)
    {
        if (TestNumbers.FinalStatusOf(dialled) is { } fixedOutcome)
        {
            return fixedOutcome;
        }

        if (options.BusyShare + options.NoAnswerShare <= 0)
        {
            return CallStatus.Completed;
        }

        var draw = random.NextDouble();
        return draw < options.BusyShare ? CallStatus.Busy
            : draw < options.BusyShare + options.NoAnswerShare ? CallStatus.NoAnswer
            : CallStatus.Completed;
    }
}

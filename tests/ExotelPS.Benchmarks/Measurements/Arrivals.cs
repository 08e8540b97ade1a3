namespace ExotelPS.Benchmarks.Measurements;

/// <summary>What the emulator saw of a campaign: when calls arrived, as its sliding 60-second window counts them.</summary>
internal sealed class Arrivals
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly IReadOnlyList<DateTimeOffset> times;

    private Arrivals(IReadOnlyList<DateTimeOffset> times) => this.times = times;

    public int Count => times.Count;

    /// <summary>The arrival times of the calls the emulator accepted, in order.</summary>
    public static Arrivals Of(ExotelPS.Client.Sandbox.ExotelSimulator simulator) =>
        new(simulator.Calls.Select(call => call.Created).OrderBy(time => time).ToList());

    /// <summary>Arrivals a minute from the first to the last: n arrivals span n - 1 intervals.</summary>
    public double PerMinute() => PerMinute(times);

    /// <summary>The rate once <paramref name="rampUp"/> has passed since the first arrival.</summary>
    public double SteadyPerMinute(TimeSpan rampUp) =>
        times.Count == 0 ? 0 : PerMinute(times.SkipWhile(time => time < times[0] + rampUp).ToList());

    /// <summary>The most arrivals in any 60 s, as Exotel's sliding window counts them; null when the run is too short to fill one.</summary>
    public int? BusiestWindow()
    {
        if (times.Count == 0 || times[^1] - times[0] < Window)
        {
            return null;
        }

        var busiest = 0;
        var first = 0;
        for (var last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= Window)
            {
                first++;
            }

            busiest = Math.Max(busiest, last - first + 1);
        }

        return busiest;
    }

    private static double PerMinute(IReadOnlyList<DateTimeOffset> arrivals) =>
        arrivals.Count < 2 ? 0 : (arrivals.Count - 1) / (arrivals[^1] - arrivals[0]).TotalMinutes;
}

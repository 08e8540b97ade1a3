using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>One line saying what a soak run went through, for the test log.</summary>
internal static class Summary
{
    public static string Of(IEnumerable<DispatchResult<int>> results, ExotelSimulator simulator)
    {
        var outcomes = results.GroupBy(r => r.Ending).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var faults = simulator.InjectedFaults.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        return $"results: {string.Join(", ", outcomes)}; emulator: {simulator.RequestCount} requests, {simulator.Calls.Count} calls, "
            + $"faults: {string.Join(", ", faults)} ({simulator.InjectedFaults.Count(f => f.CallRecorded)} after the call was placed)";
    }
}

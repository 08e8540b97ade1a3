namespace ExotelPS.Benchmarks.Measurements;

/// <summary>The measurements written into docs/performance.md.</summary>
internal static class Measurement
{
    public static Task<int> RunAsync(string name, string[] args) => throw new NotImplementedException();
}

namespace ExotelPS.Benchmarks.Worker;

/// <summary>Runs a campaign against an emulator in its own process, so a test can kill it hard and restart it.</summary>
internal static class SoakWorker
{
    public static Task<int> RunAsync(string[] args) => throw new NotImplementedException();
}

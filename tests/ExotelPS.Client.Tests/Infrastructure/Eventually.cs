namespace ExotelPS.Client.Tests;

/// <summary>Waits for something another thread or process makes true, with a generous limit (never a timing assert).</summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Blocks the test's thread until <paramref name="condition"/> holds; for tests that drive a pipeline-thread API.</summary>
    public static void True(Func<bool> condition, string? what = null)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, Failure(what));
            Thread.Sleep(5);
        }
    }

    public static async Task TrueAsync(Func<bool> condition, string? what = null)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, Failure(what));
            await Task.Delay(10);
        }
    }

    private static string Failure(string? what) => $"Still not true after {Limit.TotalSeconds} s: {what ?? "condition"}.";
}

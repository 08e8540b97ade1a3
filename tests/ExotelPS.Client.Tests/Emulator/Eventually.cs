namespace ExotelPS.Client.Tests.Emulator;

/// <summary>Waits for something another thread or process makes true, with a generous limit (never a timing assert).</summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string? what = null)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not true after {Limit.TotalSeconds} s: {what ?? "condition"}.");
            await Task.Delay(10);
        }
    }
}

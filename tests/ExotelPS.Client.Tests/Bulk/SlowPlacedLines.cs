namespace ExotelPS.Client.Tests.Bulk;

/// <summary>A journal store in memory whose <c>placed</c> lines wait in storage until the test releases them.</summary>
internal sealed class SlowPlacedLines : IJournalStore
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int placedLinesWaiting;

    public string Name => "slow placed lines";

    public int PlacedLinesWaiting => Volatile.Read(ref placedLinesWaiting);

    public void Release() => released.TrySetResult();

    public T ReadAll<T>(Func<Stream, T> read) => read(Stream.Null);

    public void CutTail(long length)
    {
    }

    public Task AppendAsync(byte[] lines)
    {
        if (!System.Text.Encoding.UTF8.GetString(lines).Contains("\"outcome\":\"placed\"", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref placedLinesWaiting);
        return released.Task;
    }

    public void Dispose() => Release();
}

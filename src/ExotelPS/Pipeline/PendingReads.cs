namespace ExotelPS.Pipeline;

/// <summary>
/// Reads started from the pipeline and written back in input order: up to a limit run at once (the engine's
/// throttle paces them inside the account's rate budget), and a finished read is handed on as soon as every read
/// before it is.
/// </summary>
/// <typeparam name="T">What each read yields.</typeparam>
internal sealed class PendingReads<T>
{
    private readonly Queue<(object Target, Task<T> Read)> pending = new();
    private readonly int limit;

    public PendingReads(int limit) => this.limit = Math.Max(1, limit);

    public void Add(object target, Task<T> read) => pending.Enqueue((target, read));

    /// <summary>
    /// The reads whose turn has come: finished ones at the head, and more while over the limit (which the caller
    /// then waits for); with <paramref name="all"/>, every one.
    /// </summary>
    public IEnumerable<(object Target, Task<T> Read)> Take(bool all)
    {
        while (pending.Count > 0 && (all || pending.Count > limit || pending.Peek().Read.IsCompleted))
        {
            yield return pending.Dequeue();
        }
    }
}

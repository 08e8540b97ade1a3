using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Group commit: one writer thread writes whatever lines are waiting as one group (up to a block's size), so a store
/// with a costly round trip (an append block) makes one append per group, not per line, and the lines that arrive
/// while a write is on its way go together in the next. Each caller's task completes once a write that held its line succeeded.
/// A write that fails breaks the group for good: its callers and every later one get the error, since a journal with a
/// gap could ring a person twice.
/// </summary>
internal sealed class GroupAppend : IDisposable
{
    private readonly Action<byte[]> write;
    private readonly int maxBytes;
    private readonly object gate = new();
    private readonly Queue<(byte[] Lines, TaskCompletionSource<bool> Durable)> queued = new();
    private readonly Thread writer;
    private IOException? broken;
    private bool stopping;

    /// <param name="write">Writes one group durably, or throws.</param>
    /// <param name="maxBytes">The most one write may carry (a line longer than that goes alone).</param>
    /// <param name="name">What the journal is called, for the writer thread's name and a closed journal's error.</param>
    public GroupAppend(Action<byte[]> write, int maxBytes, string name)
    {
        this.write = write;
        this.maxBytes = maxBytes;
        Name = name;
        // Its own thread, not the pool's: it blocks on each write in turn, and never waits for a pool thread to start one.
        writer = new Thread(WriteGroups) { IsBackground = true, Name = "ExotelPS journal writer" };
        writer.Start();
    }

    private string Name { get; }

    /// <summary>Completes once <paramref name="lines"/> are durable.</summary>
    /// <exception cref="IOException">The write of its group, or an earlier one, failed.</exception>
    /// <exception cref="ObjectDisposedException">The journal is closed.</exception>
    public Task AppendAsync(byte[] lines)
    {
        var durable = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (broken is not null)
            {
                throw broken;
            }

            if (stopping)
            {
                throw new ObjectDisposedException(nameof(CallJournal), EngineText.Format(EngineStrings.JournalClosed, Name));
            }

            queued.Enqueue((lines, durable));
            Monitor.Pulse(gate);
        }

        return durable.Task;
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            stopping = true;
            Monitor.Pulse(gate);
        }

        writer.Join();
    }

    private void WriteGroups()
    {
        while (true)
        {
            List<(byte[] Lines, TaskCompletionSource<bool> Durable)> group;
            lock (gate)
            {
                while (queued.Count == 0 && !stopping)
                {
                    Monitor.Wait(gate);
                }

                if (queued.Count == 0)
                {
                    return;
                }

                group = TakeGroup();
            }

            try
            {
                write(Concatenate(group));
                group.ForEach(waiting => waiting.Durable.SetResult(true));
            }
            catch (Exception e)
            {
                var error = e as IOException ?? new IOException(e.Message, e);
                lock (gate)
                {
                    broken = error;
                    group.AddRange(queued);
                    queued.Clear();
                }

                group.ForEach(waiting => waiting.Durable.SetException(error));
            }
        }
    }

    private List<(byte[] Lines, TaskCompletionSource<bool> Durable)> TakeGroup()
    {
        var group = new List<(byte[] Lines, TaskCompletionSource<bool> Durable)>();
        var bytes = 0;
        while (queued.Count > 0 && (group.Count == 0 || bytes + queued.Peek().Lines.Length <= maxBytes))
        {
            var next = queued.Dequeue();
            bytes += next.Lines.Length;
            group.Add(next);
        }

        return group;
    }

    private static byte[] Concatenate(List<(byte[] Lines, TaskCompletionSource<bool> Durable)> group)
    {
        using var all = new MemoryStream();
        foreach (var (lines, _) in group)
        {
            all.Write(lines, 0, lines.Length);
        }

        return all.ToArray();
    }
}

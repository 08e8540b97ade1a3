namespace ExotelPS.Client;

/// <summary>
/// Group commit: lines handed in while a write is on its way are written together by the next one, so a store with a
/// costly round trip (an append block) makes one append per group, not per line. Each caller returns once a write that
/// held its line succeeded. A write that fails breaks the group for good: its callers and every later one get the
/// error, since a journal with a gap could ring a person twice.
/// </summary>
internal sealed class GroupAppend
{
    private readonly Action<byte[]> write;
    private readonly int maxBytes;
    private readonly object queueLock = new();
    private readonly object writeLock = new();
    private readonly Queue<byte[]> queued = new();
    private long handedIn;
    private long written;
    private Exception? broken;

    /// <param name="write">Writes one group durably, or throws.</param>
    /// <param name="maxBytes">The most one write may carry (a line longer than that goes alone).</param>
    public GroupAppend(Action<byte[]> write, int maxBytes)
    {
        this.write = write;
        this.maxBytes = maxBytes;
    }

    /// <summary>Returns once <paramref name="lines"/> are durable.</summary>
    /// <exception cref="IOException">The write of its group, or an earlier one, failed.</exception>
    public void Append(byte[] lines)
    {
        long ticket;
        lock (queueLock)
        {
            ThrowIfBroken();
            queued.Enqueue(lines);
            ticket = ++handedIn;
        }

        while (true)
        {
            lock (writeLock)
            {
                byte[] group;
                long upTo;
                lock (queueLock)
                {
                    if (written >= ticket)
                    {
                        return;
                    }

                    ThrowIfBroken();
                    (group, upTo) = TakeGroup();
                }

                try
                {
                    write(group);
                }
                catch (Exception e)
                {
                    lock (queueLock)
                    {
                        broken = e;
                    }

                    throw;
                }

                lock (queueLock)
                {
                    written = upTo;
                }
            }
        }
    }

    private (byte[] Group, long UpTo) TakeGroup()
    {
        using var group = new MemoryStream();
        var upTo = written;
        while (queued.Count > 0 && (group.Length == 0 || group.Length + queued.Peek().Length <= maxBytes))
        {
            var lines = queued.Dequeue();
            group.Write(lines, 0, lines.Length);
            upTo++;
        }

        return (group.ToArray(), upTo);
    }

    private void ThrowIfBroken()
    {
        if (broken is not null)
        {
            throw broken as IOException ?? new IOException(broken.Message, broken);
        }
    }
}

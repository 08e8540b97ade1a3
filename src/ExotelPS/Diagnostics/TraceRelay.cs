namespace ExotelPS.Diagnostics;

/// <summary>
/// Hands the engine's trace lines, raised on thread-pool threads, to every cmdlet listening now. A session's
/// client lives across many commands, so each command listens only while it runs and writes what it heard
/// from its own pipeline thread.
/// </summary>
internal sealed class TraceRelay
{
    private readonly object gate = new();
    private TraceListener[] listeners = Array.Empty<TraceListener>();

    /// <summary>The sink given to <c>ExotelClientOptions.Trace</c>; safe to call from any thread.</summary>
    public void Write(string line)
    {
        foreach (var listener in Volatile.Read(ref listeners))
        {
            listener.Enqueue(line);
        }
    }

    /// <summary>Starts collecting lines until the listener is disposed.</summary>
    public TraceListener Listen()
    {
        var listener = new TraceListener(this);
        lock (gate)
        {
            listeners = listeners.Concat(new[] { listener }).ToArray();
        }

        return listener;
    }

    internal void Remove(TraceListener listener)
    {
        lock (gate)
        {
            listeners = listeners.Where(other => other != listener).ToArray();
        }
    }
}

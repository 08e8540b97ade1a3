using System.Collections.Concurrent;
using ExotelPS.Client;
using ExotelPS.Resources;

namespace ExotelPS.Diagnostics;

/// <summary>One command's queue of trace lines, filled from any thread and drained on the pipeline thread.</summary>
internal sealed class TraceListener : IDisposable
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TraceRelay relay;

    internal TraceListener(TraceRelay relay) => this.relay = relay;

    /// <summary>
    /// The lines heard so far. The engine never traces a credential; a line that does anyway is withheld
    /// rather than trusted, since verbose output ends up in runbook job logs.
    /// </summary>
    public IEnumerable<string> Drain(ExotelAccount account)
    {
        while (lines.TryDequeue(out var line))
        {
            yield return account.Reveals(line) ? Strings.TraceLineWithheld : line;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => relay.Remove(this);

    internal void Enqueue(string line) => lines.Enqueue(line);
}

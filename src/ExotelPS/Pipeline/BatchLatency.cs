using System.Runtime;

namespace ExotelPS.Pipeline;

/// <summary>
/// While a campaign runs, the garbage collector is in batch mode: its full collections block and compact instead of
/// sweeping in the background. A campaign keeps a small record of every row for the whole run while thousands of rows
/// live a few minutes each, and background collections never closed the holes those left between the records: a
/// 100,000-row rehearsal's oldest generation was half free space, and Azure Automation stops a job over 400 MB.
/// </summary>
/// <remarks>
/// The mode belongs to the whole process and <see cref="GCSettings"/> has no scope of its own, so campaigns are counted:
/// the first to begin sets it, the last to end puts back the mode the first one found.
/// </remarks>
internal sealed class BatchLatency : IDisposable
{
    private static readonly object Gate = new();
    private static int running;
    private static GCLatencyMode found;
    private bool ended;

    private BatchLatency()
    {
    }

    /// <summary>A campaign begins: batch mode until it and every other campaign running have ended.</summary>
    public static BatchLatency Begin()
    {
        lock (Gate)
        {
            if (running++ == 0)
            {
                found = GCSettings.LatencyMode;
                GCSettings.LatencyMode = GCLatencyMode.Batch;
            }
        }

        return new BatchLatency();
    }

    /// <summary>The campaign has ended; the last one puts the mode back. A second call does nothing.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (ended)
            {
                return;
            }

            ended = true;
            if (--running == 0)
            {
                GCSettings.LatencyMode = found;
            }
        }
    }
}

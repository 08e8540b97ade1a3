using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// A journal cannot be read because the run writing it holds it and the platform lets nobody else open it (Windows'
/// sharing lock; on Unix a reader gets past the writer's advisory lock). The report can be made once that run ends.
/// </summary>
public sealed class JournalLockedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public JournalLockedException(string path, Exception inner)
        : base(EngineText.Format(EngineStrings.JournalLockedForReading, path, inner.Message), inner) => Path = path;

    /// <summary>The journal's full path.</summary>
    public string Path { get; }
}

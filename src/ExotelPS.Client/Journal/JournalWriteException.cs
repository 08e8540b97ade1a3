using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// The journal could not be written mid-run (a full disk, a lost share), so the run stopped sending: without the
/// journal a rerun could ring people twice. Raised after the results of the rows posted so far.
/// </summary>
public sealed class JournalWriteException : IOException
{
    /// <summary>Creates the exception.</summary>
    public JournalWriteException(string path, Exception innerException)
        : base(EngineText.Format(EngineStrings.JournalWriteFailed, path, innerException?.Message), innerException)
    {
        Path = path;
    }

    /// <summary>The journal's full path.</summary>
    public string Path { get; }
}

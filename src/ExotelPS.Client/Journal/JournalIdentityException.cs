using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// The journal identifies rows differently from the run about to use it (a key column added, dropped or changed):
/// none of its rows would be recognised, so every one would be placed again. Open it with the same identification,
/// or with <c>allowIdentityChange</c> to identify rows the new way from now on.
/// </summary>
public sealed class JournalIdentityException : IOException
{
    /// <summary>Creates the exception.</summary>
    public JournalIdentityException(string path, string recordedIdentity, string requestedIdentity)
        : base(EngineText.Format(EngineStrings.JournalIdentityMismatch, path, recordedIdentity, requestedIdentity))
    {
        Path = path;
        RecordedIdentity = recordedIdentity;
        RequestedIdentity = requestedIdentity;
    }

    /// <summary>The journal's full path.</summary>
    public string Path { get; }

    /// <summary>How the journal's latest lines identify rows.</summary>
    public string RecordedIdentity { get; }

    /// <summary>How the run asked to identify them.</summary>
    public string RequestedIdentity { get; }
}

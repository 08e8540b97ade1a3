namespace ExotelPS.Client;

/// <summary>
/// A JSON-lines file recording each row's outcome (placed with its Sid, rejected with the reason, outcome unknown),
/// appended and flushed before the row's result is handed on, so a restarted run skips what was already done.
/// A torn last line, as a killed process leaves it, is ignored.
/// </summary>
public sealed class CallJournal : IDisposable
{
    /// <summary>Opens (creating if needed) a journal and reads what earlier runs recorded.</summary>
    public static CallJournal Open(string path) => throw new NotImplementedException();

    /// <summary>The default identity of a request: From, target (To or flow), CallerId and CustomField.</summary>
    public static string IdentityOf(PlaceCallOptions request) => throw new NotImplementedException();

    /// <inheritdoc/>
    public void Dispose() => throw new NotImplementedException();
}

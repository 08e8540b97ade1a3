using System.Management.Automation.Runspaces;

namespace ExotelPS.Sessions;

/// <summary>The default session of the runspace the calling cmdlet runs in.</summary>
internal static class DefaultSession
{
    private static readonly SessionStore<Runspace, ExotelSession> Store = new();

    /// <summary>The current runspace's default session, or null.</summary>
    public static ExotelSession? Current => Store.Get(CurrentRunspace);

    /// <summary>Makes <paramref name="session"/> the current runspace's default.</summary>
    public static void Set(ExotelSession session) => Store.Set(CurrentRunspace, session);

    /// <summary>Forgets <paramref name="session"/> if it is the current runspace's default.</summary>
    public static void Clear(ExotelSession session) => Store.Clear(CurrentRunspace, session);

    // A cmdlet always runs on a thread with a default runspace; anything else is a host bug worth a clear message.
    private static Runspace CurrentRunspace =>
        Runspace.DefaultRunspace ?? throw new InvalidOperationException("ExotelPS cmdlets must run in a PowerShell runspace.");
}

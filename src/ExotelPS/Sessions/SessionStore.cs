using System.Runtime.CompilerServices;

namespace ExotelPS.Sessions;

/// <summary>
/// One default session per key (a runspace), held weakly: when a runspace is collected its entry goes with it.
/// Runbooks and hosts run many runspaces in one process, so a process-wide static would leak sessions between them.
/// </summary>
internal sealed class SessionStore<TKey, TSession>
    where TKey : class
    where TSession : class
{
    private readonly ConditionalWeakTable<TKey, Slot> slots = new();

    /// <summary>The key's session, or null when it has none.</summary>
    public TSession? Get(TKey key) => slots.TryGetValue(key, out var slot) ? slot.Session : null;

    /// <summary>Makes <paramref name="session"/> the key's session, replacing any other.</summary>
    public void Set(TKey key, TSession session) => slots.GetValue(key, _ => new Slot()).Session = session;

    /// <summary>Forgets the key's session only if it is <paramref name="session"/>; true when it was.</summary>
    public bool Clear(TKey key, TSession session)
    {
        if (!slots.TryGetValue(key, out var slot) || !ReferenceEquals(slot.Session, session))
        {
            return false;
        }

        slot.Session = null;
        return true;
    }

    // ConditionalWeakTable has no AddOrUpdate on netstandard2.0: a mutable slot gives replace semantics.
    private sealed class Slot
    {
        public TSession? Session { get; set; }
    }
}

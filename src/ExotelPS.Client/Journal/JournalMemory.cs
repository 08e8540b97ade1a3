using System.Collections.Concurrent;

namespace ExotelPS.Client;

/// <summary>
/// What a journal knows of its rows, from its lines read back at open and those this run writes: each identity's
/// latest record (nothing overrides placed or found), its finished calls, and the order identities first appeared in.
/// </summary>
internal sealed class JournalMemory : IJournalMemory
{
    // Read without a lock by the run's threads (Find), written under the journal's write lock.
    private readonly ConcurrentDictionary<string, JournalEntry> entries = new(StringComparer.Ordinal);

    // Guards the two below; held only while they are read or changed.
    private readonly object rowsLock = new();

    // Every identity in the order it first appears, and its finished calls (null until it has one), oldest first.
    private readonly List<string> identities = new();
    private readonly Dictionary<string, List<JournalAttempt>?> attempts = new(StringComparer.Ordinal);

    /// <summary>The latest record of an identity, or null when no run recorded it. A <c>final</c> line does not change it.</summary>
    public JournalEntry? Find(string identity) => entries.TryGetValue(identity, out var entry) ? entry : null;

    /// <summary>The identity's finished calls (its <c>final</c> lines), oldest first; empty when none.</summary>
    public IReadOnlyList<JournalAttempt> AttemptsOf(string identity)
    {
        lock (rowsLock)
        {
            return attempts.TryGetValue(identity, out var calls) && calls is not null ? calls.ToArray() : Array.Empty<JournalAttempt>();
        }
    }

    /// <summary>Every identity the journal records, in the order each first appears.</summary>
    public IReadOnlyList<string> Identities()
    {
        lock (rowsLock)
        {
            return identities.ToArray();
        }
    }

    /// <summary>
    /// The calls earlier runs recorded as placed, with their From and time: any may still be live, so a rerun's pacing
    /// asks about them before it rings their From again.
    /// </summary>
    public IEnumerable<(string From, string Sid, DateTimeOffset At)> EarlierPlacedCalls() =>
        entries.Values
            .Where(entry => entry.FromEarlierRun && entry.IsPlaced)
            .Where(entry => entry.From is not null && entry.Sid is not null && entry.At is not null)
            .Select(entry => (entry.From!, entry.Sid!, entry.At!.Value))
            .ToList();

    /// <summary>The rows in doubt, each with its latest record.</summary>
    public IReadOnlyList<KeyValuePair<string, JournalEntry>> InDoubt() => entries.Where(entry => entry.Value.IsInDoubt).ToList();

    /// <summary>The Sids of every call the journal knows a row of (placed, or found): no other row's call.</summary>
    public ISet<string> KnownSids() =>
        new HashSet<string>(entries.Values.Where(entry => entry.IsPlaced && entry.Sid is not null).Select(entry => entry.Sid!), StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Remember(string identity, JournalEntry entry)
    {
        Seen(identity);
        entries.AddOrUpdate(identity, entry, (_, earlier) => entry.After(earlier));
    }

    /// <inheritdoc/>
    public void Remember(string identity, JournalAttempt attempt)
    {
        lock (rowsLock)
        {
            Seen(identity);
            (attempts[identity] ??= new List<JournalAttempt>()).Add(attempt);
        }
    }

    private void Seen(string identity)
    {
        lock (rowsLock)
        {
            if (!attempts.ContainsKey(identity))
            {
                attempts.Add(identity, null);
                identities.Add(identity);
            }
        }
    }
}

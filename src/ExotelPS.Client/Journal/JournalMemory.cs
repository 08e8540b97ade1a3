using System.Collections.Concurrent;

namespace ExotelPS.Client;

/// <summary>
/// What a journal knows of its rows, from its lines read back at open and those this run writes: each identity's
/// latest record (nothing overrides placed or found but a campaign's redial), its finished calls, and the order identities first appeared in.
/// </summary>
/// <remarks>
/// It grows with the rows (a 100,000-row campaign remembers some 220,000 calls), so it is kept compact: one record per
/// identity, each identity's calls in an array of their own, and the words that repeat on every call (the agent's
/// number, the statuses) held once; a call's Sid is the one its row's latest record holds, when they are the same call.
/// </remarks>
internal sealed class JournalMemory : IJournalMemory
{
    // Read without a lock by the run's threads (Find, AttemptsOf); records are changed under the lock.
    private readonly ConcurrentDictionary<string, Row> rows = new(StringComparer.Ordinal);

    // Guards inOrder, repeated and every change to a record; held only while they are read or changed.
    private readonly object gate = new();

    // Every identity's record in the order it first appears.
    private readonly List<Row> inOrder = new();

    // One instance of each word that repeats from call to call: few distinct values (agents, statuses), many uses.
    private readonly Dictionary<string, string> repeated = new(StringComparer.Ordinal);

    /// <summary>The latest record of an identity, or null when no run recorded it. A <c>final</c> line does not change it.</summary>
    public JournalEntry? Find(string identity) => rows.TryGetValue(identity, out var row) ? row.Latest : null;

    /// <summary>The identity's finished calls (its <c>final</c> lines), oldest first; empty when none.</summary>
    public IReadOnlyList<JournalAttempt> AttemptsOf(string identity) => rows.TryGetValue(identity, out var row) ? row.Attempts : Array.Empty<JournalAttempt>();

    /// <summary>Every identity the journal records, in the order each first appears.</summary>
    public IReadOnlyList<string> Identities()
    {
        lock (gate)
        {
            return inOrder.Select(row => row.Identity).ToArray();
        }
    }

    /// <summary>
    /// The calls earlier runs recorded as placed, with their From and time: any may still be live, so a rerun's pacing
    /// asks about them before it rings their From again.
    /// </summary>
    public IEnumerable<(string From, string Sid, DateTimeOffset At)> EarlierPlacedCalls() =>
        Latest()
            .Where(entry => entry.FromEarlierRun && entry.IsPlaced)
            .Where(entry => entry.From is not null && entry.Sid is not null && entry.At is not null)
            .Select(entry => (entry.From!, entry.Sid!, entry.At!.Value))
            .ToList();

    /// <summary>The rows in doubt, each with its latest record.</summary>
    public IReadOnlyList<KeyValuePair<string, JournalEntry>> InDoubt() =>
        rows.Where(row => row.Value.Latest is { IsInDoubt: true })
            .Select(row => new KeyValuePair<string, JournalEntry>(row.Key, row.Value.Latest!))
            .ToList();

    /// <summary>The Sids of every call the journal knows a row of (placed, or found): no other row's call.</summary>
    public ISet<string> KnownSids() =>
        new HashSet<string>(Latest().Where(entry => entry.IsPlaced && entry.Sid is not null).Select(entry => entry.Sid!), StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Remember(string identity, JournalEntry entry)
    {
        lock (gate)
        {
            var row = RowOf(identity);
            row.Latest = entry.After(row.Latest);
        }
    }

    /// <inheritdoc/>
    public void Remember(string identity, JournalAttempt attempt)
    {
        lock (gate)
        {
            var row = RowOf(identity);
            var sid = row.Latest?.Sid is { } latest && latest == attempt.Sid ? latest : attempt.Sid;
            var compact = attempt.Sharing(sid, Once(attempt.From), Once(attempt.Status)!, Once(attempt.Leg1), Once(attempt.Leg2));

            // A new array each time: readers hold the one they took, unchanged; a row has a few calls at most.
            var attempts = new JournalAttempt[row.Attempts.Length + 1];
            row.Attempts.CopyTo(attempts, 0);
            attempts[attempts.Length - 1] = compact;
            row.Attempts = attempts;
        }
    }

    private IEnumerable<JournalEntry> Latest() => rows.Values.Select(row => row.Latest).OfType<JournalEntry>();

    // The identity's record, made on its first line (under the lock).
    private Row RowOf(string identity)
    {
        if (!rows.TryGetValue(identity, out var row))
        {
            row = new Row(identity);
            rows[identity] = row;
            inOrder.Add(row);
        }

        return row;
    }

    // The one instance of a repeated word (under the lock).
    private string? Once(string? word)
    {
        if (word is null)
        {
            return null;
        }

        if (repeated.TryGetValue(word, out var kept))
        {
            return kept;
        }

        repeated.Add(word, word);
        return word;
    }

    private sealed class Row
    {
        // Replaced, never changed in place, so a reader without the lock sees a whole record or array.
        private JournalEntry? latest;
        private JournalAttempt[] attempts = Array.Empty<JournalAttempt>();

        public Row(string identity) => Identity = identity;

        public string Identity { get; }

        public JournalEntry? Latest
        {
            get => Volatile.Read(ref latest);
            set => Volatile.Write(ref latest, value);
        }

        public JournalAttempt[] Attempts
        {
            get => Volatile.Read(ref attempts);
            set => Volatile.Write(ref attempts, value);
        }
    }
}

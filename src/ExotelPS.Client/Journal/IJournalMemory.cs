namespace ExotelPS.Client;

/// <summary>What a journal remembers of its lines, as they are read back at open or written by this run.</summary>
internal interface IJournalMemory
{
    /// <summary>A line saying how a row's call went (or that its request was leaving).</summary>
    void Remember(string identity, JournalEntry entry);

    /// <summary>A <c>final</c> line: one finished call of the row.</summary>
    void Remember(string identity, JournalAttempt attempt);
}

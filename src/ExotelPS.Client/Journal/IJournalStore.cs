namespace ExotelPS.Client;

/// <summary>
/// Where a journal's bytes live: a local file (<see cref="FileJournalStore"/>) or Azure append blobs
/// (<see cref="BlobJournalStore"/>). <see cref="CallJournal"/> owns the line format; a store owns durability and the
/// one-run-at-a-time lock, which it takes when it is opened and gives up when disposed.
/// </summary>
internal interface IJournalStore : IDisposable
{
    /// <summary>What messages call the journal: a full path, or a blob's URL without its SAS.</summary>
    string Name { get; }

    /// <summary>
    /// Hands everything earlier runs wrote, in order, to <paramref name="read"/> as a stream: a file's is read in place,
    /// never copied whole into memory (a 100,000-row campaign's journal is some 160 MB).
    /// </summary>
    T ReadAll<T>(Func<Stream, T> read);

    /// <summary>Drops a torn last line: every byte from <paramref name="length"/> on.</summary>
    void CutTail(long length);

    /// <summary>Appends whole lines; completes once they are durable (on disk, or committed in storage).</summary>
    /// <remarks>A task, so a row waiting on storage holds no thread: at a hundred rows a second and 100 ms or more a
    /// write, blocked threads outnumber what the pool injects, and the rate falls short of the cap.</remarks>
    Task AppendAsync(byte[] lines);
}

namespace ExotelPS.Client;

/// <summary>
/// What the journal means to a run, beside <see cref="CallJournal"/>'s file format: which rows are the same row, which
/// rows to skip, which same-identity rows wait behind which, and what to record when.
/// </summary>
/// <remarks>
/// Without a journal there is no identity: every row is placed, nothing is recorded and nothing is remembered, so
/// memory stays flat however long the input. The follower methods are called under the dispatcher's lock.
/// </remarks>
internal sealed class JournalPolicy<TRow>
    where TRow : class
{
    private readonly CallJournal? journal;
    private readonly Action<IOException> onFault;

    // The latest unfinished row of each identity: a later row with that identity waits behind it.
    private readonly Dictionary<string, TRow> latestByIdentity = new(StringComparer.Ordinal);

    // Each unfinished row's next same-identity row, waiting for its outcome.
    private readonly Dictionary<TRow, TRow> followers = new();

    /// <param name="journal">The journal, or null for a run that keeps none.</param>
    /// <param name="onFault">Told when the journal cannot be written; the run must then stop.</param>
    public JournalPolicy(CallJournal? journal, Action<IOException> onFault)
    {
        this.journal = journal;
        this.onFault = onFault;
    }

    /// <summary>The journal, or null for a run that keeps none.</summary>
    public CallJournal? Journal => journal;

    /// <summary>The row's key in the journal (<paramref name="given"/>, else the request's default); null without a journal.</summary>
    public string? IdentityOf(PlaceCallOptions request, string? given) =>
        journal is null ? null : given ?? CallJournal.IdentityOf(request);

    /// <summary>The calls earlier runs placed (From, Sid, when), which may still be live; none without a journal.</summary>
    public IEnumerable<(string From, string Sid, DateTimeOffset At)> EarlierPlacedCalls() =>
        journal?.EarlierPlacedCalls() ?? Enumerable.Empty<(string, string, DateTimeOffset)>();

    /// <summary>Why an identity cannot be journaled, if it cannot.</summary>
    public static ValidationFailure? ProblemWith(string? identity) =>
        // The journal would store it as U+FFFD, so a rerun would not know the row.
        Utf16.HasLoneSurrogate(identity) ? new ValidationFailure("Identity", identity, Utf16.LoneSurrogateReason) : null;

    /// <summary>
    /// Under the dispatcher's lock: when a row of the same identity is unfinished, queues <paramref name="row"/> behind
    /// it and returns true; the row is decided once that outcome is known.
    /// </summary>
    public bool WaitsBehind(string? identity, TRow row)
    {
        if (identity is null || !latestByIdentity.TryGetValue(identity, out var ahead))
        {
            return false;
        }

        followers[ahead] = row;
        latestByIdentity[identity] = row;
        return true;
    }

    /// <summary>Under the dispatcher's lock: <paramref name="row"/> is on its way, so later rows of its identity wait behind it.</summary>
    public void Started(string? identity, TRow row)
    {
        if (identity is not null)
        {
            latestByIdentity[identity] = row;
        }
    }

    /// <summary>Under the dispatcher's lock: <paramref name="row"/> has its result; returns the row that waited behind it.</summary>
    public TRow? Finished(string? identity, TRow row)
    {
        if (identity is not null && latestByIdentity.TryGetValue(identity, out var latest) && latest == row)
        {
            latestByIdentity.Remove(identity);
        }

        if (followers.TryGetValue(row, out var follower))
        {
            followers.Remove(row);
            return follower;
        }

        return null;
    }

    /// <summary>
    /// Why the row must not be placed, by what the journal shows for its identity; null to place it. A row in doubt is
    /// never placed again: only reconciliation's proof (<c>notplaced</c>) or a refusal lets it go.
    /// </summary>
    public CallNotSentException? SkipReason(string? identity, out string? sid, out string? from)
    {
        sid = null;
        from = null;
        if (journal is null || identity is null || journal.Find(identity) is not { } entry)
        {
            return null;
        }

        sid = entry.Sid;
        from = entry.From;
        if (entry.IsPlaced)
        {
            return RowEndings.AlreadyPlaced(entry.FromEarlierRun, entry.Sid, found: entry.Outcome == JournalOutcome.Found);
        }

        return entry.IsInDoubt ? RowEndings.InDoubt(entry) : null;
    }

    /// <summary>Writes the row's <c>sending</c> line; false when it could not be written (nothing may be sent then).</summary>
    public bool TryRecordSending(string? identity, PlaceCallOptions? request) =>
        identity is null || TryRecord(identity, JournalOutcome.Sending, request, sid: null, reason: null);

    /// <summary>Records how the row ended, when that is worth recording; false when the line could not be written.</summary>
    public bool TryRecordOutcome<TInput>(string? identity, DispatchResult<TInput> result) =>
        journal is null
        || identity is null
        || RowEndings.JournalRecordOf(result.Ending) is not { } outcome
        || TryRecord(identity, outcome, result.Request, result.CallSid, result.Error?.Message);

    /// <summary>Records what reconciliation found for a row; false when the line could not be written.</summary>
    public bool TryRecordResolution(string identity, Resolution resolution, PlaceCallOptions? request) =>
        TryWrite(() => journal!.Record(identity, resolution, request));

    private bool TryRecord(string identity, JournalOutcome outcome, PlaceCallOptions? request, string? sid, string? reason) =>
        TryWrite(() => journal!.Record(identity, outcome, request, sid, reason));

    private bool TryWrite(Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            onFault(new JournalWriteException(journal!.Path, e));
            return false;
        }
    }
}

using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// The row journal: what the journal means to a run, beside <see cref="CallJournal"/>'s file format. A row's identity,
/// its history (what an earlier row of that identity ended as: the <see cref="IAttemptSchedule"/> decides from it
/// whether the row gets an attempt), which same-identity rows wait behind which, and what is recorded when.
/// </summary>
/// <remarks>
/// Without a journal there is no identity: every row is placed, nothing is recorded and nothing is remembered, so
/// memory stays flat however long the input. A line that cannot be written makes the write return false and is kept
/// as <see cref="Fault"/>: the run must stop then.
/// </remarks>
internal sealed class RowJournal<TRow>
    where TRow : class
{
    // What a write that has nothing to record completes with.
    private static readonly Task<bool> Written = Task.FromResult(true);

    private readonly CallJournal? journal;
    private readonly bool recordsRefused;

    // Guards the two maps below and Fault; held only while they are read or changed, never while a line is written.
    private readonly object gate = new();

    // The latest unfinished row of each identity: a later row with that identity waits behind it.
    private readonly Dictionary<string, TRow> latestByIdentity = new(StringComparer.Ordinal);

    // Each unfinished row's next same-identity row, waiting for its outcome.
    private readonly Dictionary<TRow, TRow> followers = new();

    /// <param name="journal">The journal, or null for a run that keeps none.</param>
    /// <param name="recordsRefused">True in a campaign: rows refused as invalid are recorded too (<see cref="RowEndings.RefusedLine"/>), for its report.</param>
    public RowJournal(CallJournal? journal, bool recordsRefused = false)
    {
        this.journal = journal;
        this.recordsRefused = recordsRefused;
    }

    /// <summary>The journal, or null for a run that keeps none.</summary>
    public CallJournal? Journal => journal;

    /// <summary>The first failure to write a line, if any: the run must stop.</summary>
    public JournalWriteException? Fault { get; private set; }

    /// <summary>The row's key in the journal (<paramref name="given"/>, else the request's default); null without a journal.</summary>
    public string? IdentityOf(PlaceCallOptions request, string? given) =>
        journal is null ? null : given ?? CallJournal.IdentityOf(request);

    /// <summary>
    /// The calls earlier runs placed (From, Sid, when), which may still be live: not those whose end a <c>final</c>
    /// line records; none without a journal.
    /// </summary>
    public IEnumerable<(string From, string Sid, DateTimeOffset At)> EarlierPlacedCalls()
    {
        if (journal is null)
        {
            return Enumerable.Empty<(string, string, DateTimeOffset)>();
        }

        var ended = new HashSet<string>(journal.Identities().SelectMany(journal.AttemptsOf).Select(attempt => attempt.Sid), StringComparer.Ordinal);
        return journal.EarlierPlacedCalls().Where(call => !ended.Contains(call.Sid)).ToList();
    }

    /// <summary>Why an identity cannot be journaled, if it cannot.</summary>
    public static ValidationFailure? ProblemWith(string? identity) =>
        // The journal would store it as U+FFFD, so a rerun would not know the row.
        Utf16.HasLoneSurrogate(identity) ? new ValidationFailure("Identity", identity, EngineStrings.LoneSurrogate) : null;

    /// <summary>
    /// When a row of the same identity is unfinished, queues <paramref name="row"/> behind it and returns true: the row
    /// is decided once that outcome is known. Else the row goes on its way, and later rows of its identity wait behind it.
    /// </summary>
    public bool WaitsBehind(string? identity, TRow row)
    {
        if (identity is null)
        {
            return false;
        }

        lock (gate)
        {
            var waits = latestByIdentity.TryGetValue(identity, out var ahead);
            if (waits)
            {
                followers[ahead!] = row;
            }

            latestByIdentity[identity] = row;
            return waits;
        }
    }

    /// <summary><paramref name="row"/> has its result; returns the row that waited behind it.</summary>
    public TRow? Finished(string? identity, TRow row)
    {
        if (identity is null)
        {
            return null;
        }

        lock (gate)
        {
            if (latestByIdentity.TryGetValue(identity, out var latest) && latest == row)
            {
                latestByIdentity.Remove(identity);
            }

            if (followers.TryGetValue(row, out var follower))
            {
                followers.Remove(row);
                return follower;
            }
        }

        return null;
    }

    /// <summary>The latest record of the row's identity, from this run or an earlier one; null without a journal or a record.</summary>
    public JournalEntry? History(string? identity) =>
        journal is null || identity is null ? null : journal.Find(identity);

    /// <summary>The finished attempts the journal recorded for the identity, oldest first; none without a journal or an identity.</summary>
    public IReadOnlyList<JournalAttempt> AttemptsOf(string? identity) =>
        journal is null || identity is null ? Array.Empty<JournalAttempt>() : journal.AttemptsOf(identity);

    /// <summary>Records a campaign attempt's end (its <c>final</c> line); false when the line could not be written.</summary>
    public Task<bool> TryRecordFinalAsync(string? identity, JournalAttempt attempt) =>
        journal is null || identity is null ? Written : TryWriteAsync(() => journal.RecordFinalAsync(identity, attempt));

    /// <summary>Writes the row's <c>sending</c> line; false when it could not be written (nothing may be sent then).</summary>
    public Task<bool> TryRecordSendingAsync(string? identity, PlaceCallOptions? request) =>
        identity is null ? Written : TryWriteAsync(() => journal!.RecordSendingAsync(identity, request));

    /// <summary>Records how the row ended, when that is worth recording; false when the line could not be written.</summary>
    public Task<bool> TryRecordOutcomeAsync<TInput>(string? identity, DispatchResult<TInput> result) =>
        journal is null || identity is null || !IsRecorded(result.Ending, identity)
            ? Written
            : TryWriteAsync(() => journal.RecordAsync(identity, result.Ending, result.Request, result.CallSid, result.Error?.Message));

    // A refused row's identity may be what was refused (a lone surrogate would be stored as another key).
    private bool IsRecorded(RowEnding ending, string identity) =>
        RowEndings.JournalLineOf(ending) is not null || (recordsRefused && ending == RowEnding.Invalid && ProblemWith(identity) is null);

    /// <summary>Records what reconciliation found for a row; false when the line could not be written.</summary>
    public Task<bool> TryRecordResolutionAsync(string identity, Resolution resolution, PlaceCallOptions? request) =>
        TryWriteAsync(() => journal!.RecordAsync(identity, resolution, request));

    private async Task<bool> TryWriteAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            var fault = new JournalWriteException(journal!.Path, e);
            lock (gate)
            {
                Fault ??= fault;
            }

            return false;
        }
    }
}

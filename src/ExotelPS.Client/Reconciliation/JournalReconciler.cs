namespace ExotelPS.Client;

/// <summary>
/// The start of a rerun: before anything is sent, the rows an earlier run left in doubt are looked up in Exotel's
/// listing and what was found is recorded (<c>found</c> with the Sid, <c>notplaced</c>, <c>indoubt</c> until a time),
/// so the dispatcher then skips found rows with their Sid, places rows proven not placed, and skips the rest in doubt.
/// </summary>
public static class JournalReconciler
{
    /// <summary>True when the journal holds rows in doubt (reconciliation would look them up and record what it found).</summary>
    public static bool HasRowsInDoubt(CallJournal journal) =>
        (journal ?? throw new ArgumentNullException(nameof(journal))).InDoubt().Count > 0;

    /// <summary>Reconciles the journal's rows in doubt, waiting up to <paramref name="wait"/> for those whose certainty comes within it.</summary>
    /// <exception cref="IOException">The journal could not be written.</exception>
    public static async Task<JournalReconciliation> ReconcileAsync(
        CallJournal journal, CallReconciler reconciler, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        _ = journal ?? throw new ArgumentNullException(nameof(journal));
        _ = reconciler ?? throw new ArgumentNullException(nameof(reconciler));
        var inDoubt = journal.InDoubt();
        var known = inDoubt.Where(row => row.Value.Doubt is not null).ToList();
        var report = known.Count == 0
            ? null
            : await reconciler.ReconcileAsync(known.Select(row => row.Value.Doubt!).ToList(), journal.KnownSids().Contains, wait, cancellationToken)
                .ConfigureAwait(false);

        // A row whose request was never recorded cannot be looked up: it stays in doubt for good.
        var next = 0;
        var resolutions = inDoubt.Select(row => row.Value.Doubt is null ? Resolution.InDoubt(null) : report!.Resolutions[next++]).ToList();
        for (var i = 0; i < inDoubt.Count; i++)
        {
            if (!IsRecorded(inDoubt[i].Value, resolutions[i]))
            {
                await journal.RecordAsync(inDoubt[i].Key, resolutions[i]).ConfigureAwait(false);
            }
        }

        var endings = resolutions.Select(resolution => resolution.Ending).ToList();
        return new JournalReconciliation(
            endings.Count(ending => ending == RowEnding.Found),
            endings.Count(ending => ending == RowEnding.NotPlaced),
            endings.Count(ending => ending == RowEnding.StillInDoubt),
            report?.Failure);
    }

    // The same answer as the row's last indoubt line is not written again, so reruns in doubt do not grow the journal.
    private static bool IsRecorded(JournalEntry entry, Resolution resolution) =>
        entry.Ending == RowEnding.StillInDoubt && resolution.IsInDoubt && entry.Until == resolution.Until && entry.Sids.SequenceEqual(resolution.Sids);
}

/// <summary>What <see cref="JournalReconciler.ReconcileAsync"/> found among an earlier run's rows in doubt.</summary>
public sealed class JournalReconciliation
{
    internal JournalReconciliation(int found, int notPlaced, int stillInDoubt, ExotelException? failure)
    {
        Found = found;
        NotPlaced = notPlaced;
        StillInDoubt = stillInDoubt;
        Failure = failure;
    }

    /// <summary>Rows whose call was found: they will be skipped with its Sid.</summary>
    public int Found { get; }

    /// <summary>Rows proven not placed: they will be placed.</summary>
    public int NotPlaced { get; }

    /// <summary>Rows still in doubt: they will be skipped in doubt.</summary>
    public int StillInDoubt { get; }

    /// <summary>A listing request that failed (its rows stayed in doubt), if any.</summary>
    public ExotelException? Failure { get; }
}

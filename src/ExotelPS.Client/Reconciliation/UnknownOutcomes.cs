namespace ExotelPS.Client;

/// <summary>
/// The end of a journaled run: the rows of this run that ended OutcomeUnknown (only those, so memory follows the
/// doubt), and finding out from Exotel's listing whether they were placed, recording each resolution in the journal.
/// </summary>
internal sealed class UnknownOutcomes<TInput>
{
    // Guards inDoubt; held only while it is read or changed.
    private readonly object gate = new();
    private readonly List<(DispatchResult<TInput> Result, string Identity)> inDoubt = new();

    /// <summary>Rows remembered so far.</summary>
    public int Count
    {
        get { lock (gate) { return inDoubt.Count; } }
    }

    /// <summary>Remembers a journaled row that ended OutcomeUnknown; any other result is not kept.</summary>
    public void Remember(DispatchResult<TInput> result, string? identity, bool journaled)
    {
        if (result.Ending == RowEnding.OutcomeUnknown && identity is not null && journaled)
        {
            lock (gate)
            {
                inDoubt.Add((result, identity));
            }
        }
    }

    /// <summary>
    /// Reconciles the rows remembered whose certainty comes within <paramref name="wait"/>, recording each resolution
    /// (<c>found</c>, <c>notplaced</c>, <c>indoubt</c>); the others are returned unreconciled, in doubt until then.
    /// </summary>
    /// <returns>One row per row remembered, in input order.</returns>
    /// <exception cref="IOException">The journal could not be written.</exception>
    public async Task<ReconciledRows<TInput>> ReconcileAsync(
        RowJournal<DispatchRow<TInput>> rows, CallReconciler reconciler, TimeSpan wait, CancellationToken cancellationToken)
    {
        List<(DispatchResult<TInput> Result, string Identity)> unknown;
        lock (gate)
        {
            unknown = inDoubt.OrderBy(row => row.Result.Index).ToList();
        }

        if (rows.Journal is not { } journal || unknown.Count == 0)
        {
            return new ReconciledRows<TInput>(Array.Empty<ReconciledRow<TInput>>(), failure: null);
        }

        var deadline = reconciler.Now + wait;
        var doubts = unknown.Select(row => journal.Find(row.Identity) is { IsInDoubt: true, Doubt: { } doubt } ? doubt : null).ToList();
        var eligible = Enumerable.Range(0, unknown.Count).Where(i => doubts[i] is { } doubt && reconciler.CertainAt(doubt) <= deadline).ToList();
        var report = eligible.Count == 0
            ? null
            : await reconciler.ReconcileAsync(eligible.Select(i => doubts[i]!).ToList(), journal.KnownSids().Contains, wait, cancellationToken).ConfigureAwait(false);

        var reconciled = new List<ReconciledRow<TInput>>(unknown.Count);
        var at = 0;
        for (var i = 0; i < unknown.Count; i++)
        {
            var (result, identity) = unknown[i];

            // `eligible` ascends, so the next eligible row is the only one this can be.
            if (at == eligible.Count || eligible[at] != i)
            {
                var until = doubts[i] is { } doubt ? reconciler.CertainAt(doubt) : (DateTimeOffset?)null;
                reconciled.Add(new ReconciledRow<TInput>(result, doubts[i], until, Resolution.InDoubt(until), reconciled: false));
                continue;
            }

            var resolution = report!.Resolutions[at++];
            if (!await rows.TryRecordResolutionAsync(identity, resolution, result.Request).ConfigureAwait(false))
            {
                throw rows.Fault!;
            }

            reconciled.Add(new ReconciledRow<TInput>(result, doubts[i], reconciler.CertainAt(doubts[i]!), resolution, reconciled: true));
        }

        return new ReconciledRows<TInput>(reconciled, report?.Failure);
    }
}

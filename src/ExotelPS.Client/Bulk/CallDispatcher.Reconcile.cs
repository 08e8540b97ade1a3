namespace ExotelPS.Client;

/// <content>End of a journaled run: finding out whether the rows that ended OutcomeUnknown were placed.</content>
public sealed partial class CallDispatcher<TInput>
{
    // Journaled rows of this run that ended OutcomeUnknown (under the gate): only those, so memory follows the doubt.
    private readonly List<(DispatchResult<TInput> Result, string Identity)> inDoubt = new();

    /// <summary>Journaled rows of this run that ended OutcomeUnknown so far: what <see cref="ReconcileUnknownAsync"/> looks at.</summary>
    public int RowsInDoubt
    {
        get
        {
            lock (gate)
            {
                return inDoubt.Count;
            }
        }
    }

    /// <summary>
    /// After the last result (<see cref="TakeAll"/>): reconciles the rows of this run that ended OutcomeUnknown and whose
    /// certainty comes within <paramref name="wait"/>, recording each resolution in the journal (<c>found</c>,
    /// <c>notplaced</c>, <c>indoubt</c>). Rows whose certainty comes later are returned unreconciled, in doubt until
    /// then: a rerun on the journal settles them. Without a journal, nothing: the run kept no record of its rows, so
    /// it could not tell its own calls from another row's.
    /// </summary>
    /// <returns>One row per row that ended OutcomeUnknown, in input order.</returns>
    /// <exception cref="InvalidOperationException">Results are still being taken.</exception>
    /// <exception cref="IOException">The journal could not be written (the rows resolved before are returned no more).</exception>
    public async Task<ReconciledRows<TInput>> ReconcileUnknownAsync(CallReconciler reconciler, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        _ = reconciler ?? throw new ArgumentNullException(nameof(reconciler));
        List<(DispatchResult<TInput> Result, string Identity)> unknown;
        lock (gate)
        {
            if (!completing || backlog.Count > 0)
            {
                throw new InvalidOperationException("Reconcile once every result has been taken (after Complete() and TakeAll).");
            }

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
            if (!rows.TryRecordResolution(identity, resolution, result.Request))
            {
                backlog.ThrowIfFailed();
            }

            reconciled.Add(new ReconciledRow<TInput>(result, doubts[i], reconciler.CertainAt(doubts[i]!), resolution, reconciled: true));
        }

        return new ReconciledRows<TInput>(reconciled, report?.Failure);
    }

    // Under the gate.
    private void RememberIfInDoubt(Slot slot, DispatchResult<TInput> result)
    {
        if (result.Outcome == DispatchOutcome.OutcomeUnknown && slot.Identity is { } identity && rows.Journal is not null)
        {
            inDoubt.Add((result, identity));
        }
    }
}

/// <summary>A row that ended OutcomeUnknown, and what reconciliation found out about it.</summary>
public sealed class ReconciledRow<TInput>
{
    internal ReconciledRow(DispatchResult<TInput> result, CallInDoubt? inDoubt, DateTimeOffset? certainAt, Resolution resolution, bool reconciled)
    {
        Result = result;
        InDoubt = inDoubt;
        CertainAt = certainAt;
        Resolution = resolution;
        Reconciled = reconciled;
    }

    /// <summary>The row's result as it was given in its turn (OutcomeUnknown).</summary>
    public DispatchResult<TInput> Result { get; }

    /// <summary>The request in doubt as the journal recorded it; null when it did not (the row cannot be reconciled).</summary>
    public CallInDoubt? InDoubt { get; }

    /// <summary>When the row's certainty comes; null when its request was not recorded.</summary>
    public DateTimeOffset? CertainAt { get; }

    /// <summary>How the row stands now.</summary>
    public Resolution Resolution { get; }

    /// <summary>False when its certainty comes after the wait allowed: it was not looked up, and is in doubt until <see cref="Resolution.Until"/>.</summary>
    public bool Reconciled { get; }
}

/// <summary>What <see cref="CallDispatcher{TInput}.ReconcileUnknownAsync"/> found.</summary>
public sealed class ReconciledRows<TInput>
{
    internal ReconciledRows(IReadOnlyList<ReconciledRow<TInput>> rows, ExotelException? failure)
    {
        Rows = rows;
        Failure = failure;
    }

    /// <summary>One per row that ended OutcomeUnknown, in input order.</summary>
    public IReadOnlyList<ReconciledRow<TInput>> Rows { get; }

    /// <summary>A listing request that failed (its rows stayed in doubt), if any.</summary>
    public ExotelException? Failure { get; }
}

namespace ExotelPS.Client;

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

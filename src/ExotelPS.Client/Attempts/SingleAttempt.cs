namespace ExotelPS.Client;

/// <summary>
/// One attempt per row: a row whose call the journal shows placed (or found by reconciliation) is skipped with that
/// call's Sid; a row in doubt is skipped until reconciliation proves it was not placed; any other row (never tried,
/// refused, or proven not placed) is attempted.
/// </summary>
internal sealed class SingleAttempt : IAttemptSchedule
{
    public static readonly SingleAttempt Instance = new();

    private SingleAttempt()
    {
    }

    /// <inheritdoc/>
    public AttemptDecision Next(JournalEntry? history, IReadOnlyList<JournalAttempt>? attempts = null) => history switch
    {
        { IsPlaced: true } => AttemptDecision.Skip(RowEnding.SkippedPlaced, history),
        { IsInDoubt: true } => AttemptDecision.Skip(RowEnding.SkippedInDoubt, history, RowEndings.InDoubt(history)),
        _ => AttemptDecision.Attempt,
    };
}

namespace ExotelPS.Client;

/// <summary>
/// The ways a row can end that the dispatcher itself decides, in one place: the error each carries, the
/// <see cref="DispatchOutcome"/> an error means, and the journal line each outcome is recorded as.
/// </summary>
/// <remarks>
/// Each error's <see cref="ExotelErrorKind"/> is what the cmdlets map to an ErrorId and category (ErrorCatalog);
/// <see cref="DispatchTally"/> counts the outcomes.
/// </remarks>
internal static class RowEndings
{
    // Both call endpoints (to a number or to a flow) are Calls/connect.
    private const string CallPath = "Calls/connect.json";

    /// <summary>Not sent: the run was stopped before the row's request left.</summary>
    public static CallNotSentException StoppedBeforeSending() =>
        new("The run was stopped before this input was sent; nothing was sent for it.", ExotelErrorKind.NotSent);

    /// <summary>Not sent: the row's <c>sending</c> line could not be written.</summary>
    public static CallNotSentException JournalUnwritable() =>
        new("The journal could not be written, so nothing was sent for this input.", ExotelErrorKind.NotSent);

    /// <summary>Skipped: the journal shows a call placed for the row.</summary>
    public static CallNotSentException AlreadyPlaced(bool fromEarlierRun, string? sid)
    {
        var when = fromEarlierRun ? "by an earlier run" : "earlier in this run";
        return new CallNotSentException($"Skipped: a call was already placed for this row {when} ({sid}); nothing was sent.", ExotelErrorKind.Rejected);
    }

    /// <summary>Skipped: the journal shows the row in doubt (the call may have been placed).</summary>
    public static CallNotSentException InDoubt(bool fromEarlierRun)
    {
        var message = fromEarlierRun
            ? "Skipped: outcome unknown in an earlier run (the call may have been placed); check it, then use -RetryUnknown to place it again."
            : "Skipped: outcome unknown for the same row earlier in this run (the call may have been placed); nothing was sent.";
        return new CallNotSentException(message, ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true);
    }

    /// <summary>
    /// What a failure after the request may have left means: an <see cref="ExotelException"/> as it is, anything else
    /// (a cancellation included) outcome unknown, since it may have struck after the request was written.
    /// </summary>
    public static ExotelException AsExotelError(Exception error) => error switch
    {
        ExotelException exotel => exotel,
        OperationCanceledException => new ExotelApiException(
            ExotelErrorKind.OutcomeUnknown, "POST", CallPath, null, null, "cancelled while the request was in flight", null, mayHaveBeenPlaced: true, error),
        _ => new ExotelApiException(
            ExotelErrorKind.OutcomeUnknown, "POST", CallPath, null, null, $"unexpected {error.GetType().Name} while placing the call", null, mayHaveBeenPlaced: true, error),
    };

    /// <summary>The outcome of a row whose request ended in <paramref name="error"/>.</summary>
    public static DispatchOutcome OutcomeOf(ExotelException error) =>
        error.MayHaveBeenPlaced ? DispatchOutcome.OutcomeUnknown : DispatchOutcome.Rejected;

    /// <summary>The journal line an outcome is recorded as; null when nothing worth recording happened.</summary>
    /// <remarks>A row skipped or never sent records nothing: a rerun must decide it afresh.</remarks>
    public static JournalOutcome? JournalRecordOf(DispatchOutcome outcome, ExotelException? error) =>
        error is CallNotSentException
            ? null
            : outcome switch
            {
                DispatchOutcome.Placed => JournalOutcome.Placed,
                DispatchOutcome.Rejected => JournalOutcome.Rejected,
                DispatchOutcome.OutcomeUnknown => JournalOutcome.Unknown,
                _ => null,
            };
}

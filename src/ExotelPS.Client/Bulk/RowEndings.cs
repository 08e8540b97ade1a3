namespace ExotelPS.Client;

/// <summary>Each way a row can end, named once; <see cref="RowEndings"/> says what each means.</summary>
public enum RowEnding
{
    /// <summary>Exotel accepted the call.</summary>
    Placed,

    /// <summary>Refused by Exotel: no call was placed.</summary>
    Rejected,

    /// <summary>Not sent: the row's values are invalid.</summary>
    Invalid,

    /// <summary>Sent without a definite answer: the call may have been placed.</summary>
    OutcomeUnknown,

    /// <summary>Not sent: the journal shows a call placed for the row.</summary>
    SkippedPlaced,

    /// <summary>Not sent: the journal shows the row in doubt.</summary>
    SkippedInDoubt,

    /// <summary>Not sent: the run stopped (or its journal failed) before the request left.</summary>
    NotSent,
}

/// <summary>The progress counter a row's ending adds to.</summary>
internal enum EndingCounter
{
    Placed,
    Failed,
    Skipped,
    SkippedInDoubt,
    NotSent,
}

/// <summary>
/// What each <see cref="RowEnding"/> means, in one table: the public <see cref="DispatchOutcome"/>, whether a call may
/// exist, the journal line it is recorded as (none for a row not sent: a rerun decides it afresh) and the progress
/// counter; and the errors of the endings the dispatcher decides itself.
/// </summary>
/// <remarks>Each error's <see cref="ExotelErrorKind"/> is what the cmdlets map to an ErrorId and category (ErrorCatalog).</remarks>
internal static class RowEndings
{
    // Both call endpoints (to a number or to a flow) are Calls/connect.
    private const string CallPath = "Calls/connect.json";

    private static readonly Dictionary<RowEnding, Meaning> Meanings = new()
    {
        [RowEnding.Placed] = new(DispatchOutcome.Placed, mayHaveBeenPlaced: false, JournalOutcome.Placed, EndingCounter.Placed),
        [RowEnding.Rejected] = new(DispatchOutcome.Rejected, mayHaveBeenPlaced: false, JournalOutcome.Rejected, EndingCounter.Failed),
        [RowEnding.Invalid] = new(DispatchOutcome.Rejected, mayHaveBeenPlaced: false, journalLine: null, EndingCounter.Failed),
        [RowEnding.OutcomeUnknown] = new(DispatchOutcome.OutcomeUnknown, mayHaveBeenPlaced: true, JournalOutcome.Unknown, EndingCounter.Failed),
        [RowEnding.SkippedPlaced] = new(DispatchOutcome.Skipped, mayHaveBeenPlaced: false, journalLine: null, EndingCounter.Skipped),
        [RowEnding.SkippedInDoubt] = new(DispatchOutcome.Skipped, mayHaveBeenPlaced: true, journalLine: null, EndingCounter.SkippedInDoubt),
        [RowEnding.NotSent] = new(DispatchOutcome.NotSent, mayHaveBeenPlaced: false, journalLine: null, EndingCounter.NotSent),
    };

    /// <summary>The public outcome of an ending.</summary>
    public static DispatchOutcome OutcomeOf(RowEnding ending) => Meanings[ending].Outcome;

    /// <summary>True when a call may exist for a row that ended so, although it was not confirmed.</summary>
    public static bool MayHaveBeenPlaced(RowEnding ending) => Meanings[ending].MayHaveBeenPlaced;

    /// <summary>The journal line an ending is recorded as; null when nothing worth recording happened.</summary>
    public static JournalOutcome? JournalRecordOf(RowEnding ending) => Meanings[ending].JournalLine;

    /// <summary>The progress counter an ending adds to.</summary>
    public static EndingCounter CounterOf(RowEnding ending) => Meanings[ending].Counter;

    /// <summary>The ending an outcome and its error describe (for results built from a <see cref="DispatchOutcome"/>).</summary>
    public static RowEnding EndingOf(DispatchOutcome outcome, ExotelException? error) => outcome switch
    {
        DispatchOutcome.Skipped => error?.MayHaveBeenPlaced == true ? RowEnding.SkippedInDoubt : RowEnding.SkippedPlaced,
        DispatchOutcome.Rejected => error is ExotelValidationException ? RowEnding.Invalid : RowEnding.Rejected,
        _ => Meanings.Single(pair => pair.Value.Outcome == outcome).Key,
    };

    /// <summary>Not sent: the run was stopped before the row's request left.</summary>
    public static CallNotSentException StoppedBeforeSending() =>
        new("The run was stopped before this input was sent; nothing was sent for it.", ExotelErrorKind.NotSent);

    /// <summary>Not sent: the row's <c>sending</c> line could not be written.</summary>
    public static CallNotSentException JournalUnwritable() =>
        new("The journal could not be written, so nothing was sent for this input.", ExotelErrorKind.NotSent);

    /// <summary>Skipped: the journal shows a call placed for the row (or found by reconciliation).</summary>
    public static CallNotSentException AlreadyPlaced(bool fromEarlierRun, string? sid, bool found = false)
    {
        var when = fromEarlierRun ? "by an earlier run" : "earlier in this run";
        var how = found ? $"Exotel's call listing shows a call placed for this row {when} ({sid})" : $"a call was already placed for this row {when} ({sid})";
        return new CallNotSentException($"Skipped: {how}; nothing was sent.", ExotelErrorKind.Rejected);
    }

    /// <summary>Skipped: the journal shows the row in doubt (the call may have been placed), and says what reconciliation knows of it.</summary>
    public static CallNotSentException InDoubt(JournalEntry entry)
    {
        var message = entry switch
        {
            { Outcome: JournalOutcome.InDoubt, Sids.Count: > 0 } =>
                $"Skipped: still in doubt: several calls in Exotel's listing match this row ({string.Join(", ", entry.Sids)}); check them. Nothing was sent.",
            { Outcome: JournalOutcome.InDoubt, Until: { } until } =>
                $"Skipped: still in doubt (the call may have been placed): Exotel lists no call for this row yet, and would list any by {ExotelTime.FormatUtc(until)}. " +
                "A rerun on the journal after then settles it (-RetryUnknown waits for it). Nothing was sent.",
            { Outcome: JournalOutcome.InDoubt } =>
                "Skipped: in doubt for good (the call may have been placed): its request is older than Exotel's call listing reaches, or was not recorded; check it by hand. Nothing was sent.",
            { FromEarlierRun: true } =>
                "Skipped: outcome unknown in an earlier run (the call may have been placed), not reconciled yet; a rerun on the journal reconciles it (-RetryUnknown waits for certainty). Nothing was sent.",
            _ => "Skipped: outcome unknown for the same row earlier in this run (the call may have been placed); nothing was sent.",
        };
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

    /// <summary>The ending of a row whose request ended in <paramref name="error"/>.</summary>
    public static RowEnding EndingOf(ExotelException error) =>
        error.MayHaveBeenPlaced ? RowEnding.OutcomeUnknown : RowEnding.Rejected;

    private sealed class Meaning
    {
        public Meaning(DispatchOutcome outcome, bool mayHaveBeenPlaced, JournalOutcome? journalLine, EndingCounter counter)
        {
            Outcome = outcome;
            MayHaveBeenPlaced = mayHaveBeenPlaced;
            JournalLine = journalLine;
            Counter = counter;
        }

        public DispatchOutcome Outcome { get; }

        public bool MayHaveBeenPlaced { get; }

        public JournalOutcome? JournalLine { get; }

        public EndingCounter Counter { get; }
    }
}

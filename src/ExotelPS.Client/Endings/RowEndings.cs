using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>The progress figure (<see cref="DispatchProgress"/>) a row's ending adds to.</summary>
internal enum ProgressFigure
{
    /// <summary>Not a run's result (reconciliation's endings): no figure.</summary>
    None,
    Placed,
    Failed,
    Skipped,
    NotSent,
    Deferred,
}

/// <summary>
/// What each <see cref="RowEnding"/> means, in one table: the error kind it is reported under (hence its ErrorId in
/// the cmdlets' ErrorCatalog; none when it is no error, the request's own kind for a refusal), whether a call may
/// exist, the name of the journal line it is recorded as (none for a row not sent: a rerun decides it afresh), and the
/// progress figure it adds to. Also the errors of the endings the engine decides itself, in one place.
/// </summary>
internal static class RowEndings
{
    /// <summary>The journal line written just before a request goes on the wire: not an ending, the request leaving.</summary>
    public const string SendingLine = "sending";

    /// <summary>
    /// The line a campaign writes for a row refused as invalid (one with an identity), so its report counts refused rows.
    /// It says nothing of the row's calls: read back, it changes no earlier record, and a rerun checks the row afresh.
    /// </summary>
    public const string RefusedLine = "refused";

    private static readonly Dictionary<RowEnding, Meaning> Meanings = new()
    {
        [RowEnding.Placed] = new(errorKind: null, mayHaveBeenPlaced: false, "placed", ProgressFigure.Placed),
        [RowEnding.Rejected] = new(errorKind: null, mayHaveBeenPlaced: false, "rejected", ProgressFigure.Failed),
        [RowEnding.Invalid] = new(ExotelErrorKind.InvalidInput, mayHaveBeenPlaced: false, journalLine: null, ProgressFigure.Failed),
        [RowEnding.OutcomeUnknown] = new(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true, "unknown", ProgressFigure.Failed),
        [RowEnding.SkippedPlaced] = new(errorKind: null, mayHaveBeenPlaced: false, journalLine: null, ProgressFigure.Skipped),
        [RowEnding.SkippedInDoubt] = new(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true, journalLine: null, ProgressFigure.Skipped),
        [RowEnding.NotSent] = new(ExotelErrorKind.NotSent, mayHaveBeenPlaced: false, journalLine: null, ProgressFigure.NotSent),
        [RowEnding.Deferred] = new(errorKind: null, mayHaveBeenPlaced: false, journalLine: null, ProgressFigure.Deferred),
        [RowEnding.Found] = new(errorKind: null, mayHaveBeenPlaced: false, "found", ProgressFigure.None),
        [RowEnding.NotPlaced] = new(ExotelErrorKind.NotPlaced, mayHaveBeenPlaced: false, "notplaced", ProgressFigure.None),
        [RowEnding.StillInDoubt] = new(ExotelErrorKind.OutcomeUnknown, mayHaveBeenPlaced: true, "indoubt", ProgressFigure.None),
    };

    /// <summary>The error kind a row that ended so is reported under; null when it is no error, or (refused) when the request's error says.</summary>
    public static ExotelErrorKind? ErrorKindOf(RowEnding ending) => Meanings[ending].ErrorKind;

    /// <summary>True when a call may exist for a row that ended so, although it was not confirmed.</summary>
    public static bool MayHaveBeenPlaced(RowEnding ending) => Meanings[ending].MayHaveBeenPlaced;

    /// <summary>The name of the journal line an ending is recorded as; null when nothing worth recording happened.</summary>
    public static string? JournalLineOf(RowEnding ending) => Meanings[ending].JournalLine;

    /// <summary>The line a row that ended so is recorded under, when it is: <see cref="JournalLineOf"/>, and a campaign's <see cref="RefusedLine"/>.</summary>
    public static string? RecordedLineOf(RowEnding ending) => ending == RowEnding.Invalid ? RefusedLine : JournalLineOf(ending);

    /// <summary>The ending a journal line names (null: <see cref="SendingLine"/>); false for a name no line has.</summary>
    public static bool TryReadJournalLine(string? name, out RowEnding? ending)
    {
        ending = Meanings.Keys.Where(key => RecordedLineOf(key) == name).Select(key => (RowEnding?)key).FirstOrDefault();
        return ending is not null || name == SendingLine;
    }

    /// <summary>The progress figure an ending adds to.</summary>
    public static ProgressFigure FigureOf(RowEnding ending) => Meanings[ending].Figure;

    /// <summary>The ending of a row whose request ended in <paramref name="error"/>.</summary>
    public static RowEnding EndingOf(ExotelException error) =>
        error.MayHaveBeenPlaced ? RowEnding.OutcomeUnknown : RowEnding.Rejected;

    /// <summary>Not sent: the run was stopped before the row's request left.</summary>
    public static RowEndingException StoppedBeforeSending() => new(RowEnding.NotSent, EngineStrings.StoppedBeforeSending);

    /// <summary>Not sent: the row's <c>sending</c> line could not be written.</summary>
    public static RowEndingException JournalUnwritable() => new(RowEnding.NotSent, EngineStrings.JournalUnwritableForRow);

    /// <summary>Skipped: the journal shows the row in doubt (the call may have been placed), and says what reconciliation knows of it.</summary>
    public static RowEndingException InDoubt(JournalEntry entry) => new(RowEnding.SkippedInDoubt, entry switch
    {
        { Ending: RowEnding.StillInDoubt, Sids.Count: > 0 } => EngineText.Format(EngineStrings.SkippedSeveralMatches, string.Join(", ", entry.Sids)),
        { Ending: RowEnding.StillInDoubt, Until: { } until } => EngineText.Format(EngineStrings.SkippedInDoubtUntil, ExotelTime.FormatUtc(until)),
        { Ending: RowEnding.StillInDoubt } => EngineStrings.SkippedInDoubtForGood,
        { FromEarlierRun: true } => EngineStrings.SkippedUnknownEarlierRun,
        _ => EngineStrings.SkippedUnknownThisRun,
    });

    /// <summary>
    /// What a failure after the request may have left means: an <see cref="ExotelException"/> as it is; anything else
    /// (a cancellation included) outcome unknown, since it may have struck after the request was written.
    /// </summary>
    public static ExotelException AsExotelError(Exception error) => error switch
    {
        ExotelException exotel => exotel,
        OperationCanceledException => new RowEndingException(RowEnding.OutcomeUnknown, EngineStrings.CancelledInFlight, error),
        _ => new RowEndingException(RowEnding.OutcomeUnknown, EngineText.Format(EngineStrings.FaultInFlight, error.GetType().Name), error),
    };

    private sealed class Meaning
    {
        public Meaning(ExotelErrorKind? errorKind, bool mayHaveBeenPlaced, string? journalLine, ProgressFigure figure)
        {
            ErrorKind = errorKind;
            MayHaveBeenPlaced = mayHaveBeenPlaced;
            JournalLine = journalLine;
            Figure = figure;
        }

        public ExotelErrorKind? ErrorKind { get; }

        public bool MayHaveBeenPlaced { get; }

        public string? JournalLine { get; }

        public ProgressFigure Figure { get; }
    }
}

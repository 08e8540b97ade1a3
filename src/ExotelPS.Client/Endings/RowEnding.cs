namespace ExotelPS.Client;

/// <summary>
/// Each way a row can end, named once: in a run (its result), and by reconciliation (a row in doubt settled later).
/// <see cref="RowEndings"/> maps each to its ErrorId, its journal line and its progress figure.
/// </summary>
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

    /// <summary>Not sent: the journal shows a call placed for the row (its Sid is the result's).</summary>
    SkippedPlaced,

    /// <summary>Not sent: the journal shows the row in doubt.</summary>
    SkippedInDoubt,

    /// <summary>Not sent: the run stopped (or its journal failed) before the request left.</summary>
    NotSent,

    /// <summary>
    /// Not sent this run: a campaign's row whose next attempt is due only after the run's deadline (or the calling
    /// window opens only then). Written with its next attempt's time, for a later run.
    /// </summary>
    Deferred,

    /// <summary>Reconciliation found the row's call in Exotel's listing: placed, with that Sid.</summary>
    Found,

    /// <summary>Reconciliation proved no call was placed: the row may be placed again.</summary>
    NotPlaced,

    /// <summary>Reconciliation could not settle the row yet: still in doubt, until a time, or with several matching calls.</summary>
    StillInDoubt,
}

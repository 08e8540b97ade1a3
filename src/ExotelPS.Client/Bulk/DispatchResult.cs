namespace ExotelPS.Client;

/// <summary>How one input row ended.</summary>
public enum DispatchOutcome
{
    /// <summary>Exotel accepted the call; <see cref="DispatchResult{TInput}.Call"/> holds it.</summary>
    Placed,

    /// <summary>Refused: invalid input, or Exotel answered with an error. No call was placed.</summary>
    Rejected,

    /// <summary>The request was sent but no definite answer came: the call may have been placed. Not retried.</summary>
    OutcomeUnknown,

    /// <summary>The journal shows this row was handled (placed, or its outcome unknown); nothing was sent.</summary>
    Skipped,

    /// <summary>The run stopped (cancelled, or its journal could not be written) before the request went out; nothing was sent.</summary>
    NotSent,
}

/// <summary>The one result the dispatcher yields for each input, in input order.</summary>
public sealed class DispatchResult<TInput>
{
    /// <summary>Creates a result.</summary>
    public DispatchResult(long index, TInput input, PlaceCallOptions? request, DispatchOutcome outcome, ExotelCall? call, string? callSid, ExotelException? error)
        : this(index, input, request, RowEndings.EndingOf(outcome, error), call, callSid, error)
    {
    }

    internal DispatchResult(long index, TInput input, PlaceCallOptions? request, RowEnding ending, ExotelCall? call, string? callSid, ExotelException? error)
    {
        Index = index;
        Input = input;
        Request = request;
        Ending = ending;
        Call = call;
        CallSid = callSid ?? call?.Sid;
        Error = error;
    }

    /// <summary>Position of the input, from 0, in the order it was posted.</summary>
    public long Index { get; }

    /// <summary>The input exactly as it was posted (a CSV row, say).</summary>
    public TInput Input { get; }

    /// <summary>The request built from the input, when there was one.</summary>
    public PlaceCallOptions? Request { get; }

    /// <summary>How the row ended.</summary>
    public DispatchOutcome Outcome => RowEndings.OutcomeOf(Ending);

    /// <summary>How the row ended, in full: the outcome, and for a skipped row whether the journal had it placed or in doubt.</summary>
    public RowEnding Ending { get; }

    /// <summary>The accepted call, for <see cref="DispatchOutcome.Placed"/>.</summary>
    public ExotelCall? Call { get; }

    /// <summary>The call's Sid: of the call just placed, or the one an earlier run placed for a skipped row.</summary>
    public string? CallSid { get; }

    /// <summary>Why the row was rejected or its outcome is unknown, or why it was skipped.</summary>
    public ExotelException? Error { get; }

    /// <summary>True when a call may exist for this row although it was not confirmed: its outcome is unknown, or it was skipped because an earlier attempt's is.</summary>
    public bool MayHaveBeenPlaced => RowEndings.MayHaveBeenPlaced(Ending);
}

namespace ExotelPS.Client;

/// <summary>The one result the dispatcher yields for each input, in input order.</summary>
public sealed class DispatchResult<TInput>
{
    /// <summary>Creates a result.</summary>
    public DispatchResult(long index, TInput input, PlaceCallOptions? request, RowEnding ending, ExotelCall? call, string? callSid, ExotelException? error)
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
    public RowEnding Ending { get; }

    /// <summary>The accepted call, for <see cref="RowEnding.Placed"/>; in a campaign, the row's last call (see <see cref="Decision"/>).</summary>
    public ExotelCall? Call { get; }

    /// <summary>The call's Sid: of the call just placed, or the one an earlier run placed for a skipped row.</summary>
    public string? CallSid { get; }

    /// <summary>Why the row was refused or not sent, or why its outcome is unknown; null for a call placed or skipped as placed.</summary>
    public ExotelException? Error { get; }

    /// <summary>
    /// In a campaign, where the row stands after this run: reached, given up, or pending (with its attempts and when
    /// the next is due); then <see cref="Call"/> is the row's last call (as Exotel last reported it, or as the journal
    /// recorded it). Null outside a campaign, and for a row that ended in an error.
    /// </summary>
    public Campaigns.RowDecision? Decision { get; init; }

    /// <summary>True when a call may exist for this row although it was not confirmed: its outcome is unknown, or it was skipped because an earlier attempt's is.</summary>
    public bool MayHaveBeenPlaced => RowEndings.MayHaveBeenPlaced(Ending);
}

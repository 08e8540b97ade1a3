namespace ExotelPS.Client;

/// <summary>
/// Nothing was sent for an input in this run: the journal shows the row was already handled (placed, or its
/// outcome unknown), or the run was stopped before the input's turn came. The reason of a Skipped result, or of a
/// Rejected result for an input the run never reached.
/// </summary>
public sealed class CallNotSentException : ExotelException
{
    /// <summary>Creates the exception.</summary>
    public CallNotSentException(string message, ExotelErrorKind kind, bool mayHaveBeenPlaced = false)
        : base(message)
    {
        Kind = kind;
        MayHaveBeenPlaced = mayHaveBeenPlaced;
    }

    /// <inheritdoc/>
    public override ExotelErrorKind Kind { get; }

    /// <summary>True when an earlier attempt for the row may have placed a call, although none was sent now.</summary>
    public override bool MayHaveBeenPlaced { get; }
}

using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Why a row ended as the engine itself decided, not as Exotel answered: not sent, skipped in doubt, outcome unknown
/// after a stop or an unexpected fault, or proven not placed by reconciliation. Its kind (hence its ErrorId) and
/// whether a call may exist come from the row's <see cref="Ending"/>, through <see cref="RowEndings"/>' one table.
/// </summary>
public sealed class RowEndingException : ExotelException
{
    /// <summary>Creates the exception.</summary>
    /// <exception cref="ArgumentException"><paramref name="ending"/> is not an error (placed, skipped as placed, found).</exception>
    public RowEndingException(RowEnding ending, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = RowEndings.ErrorKindOf(ending) ?? throw new ArgumentException(EngineText.Format(EngineStrings.EndingHasNoError, ending), nameof(ending));
        Ending = ending;
    }

    /// <summary>How the row ended.</summary>
    public RowEnding Ending { get; }

    /// <inheritdoc/>
    public override ExotelErrorKind Kind { get; }

    /// <inheritdoc/>
    public override bool MayHaveBeenPlaced => RowEndings.MayHaveBeenPlaced(Ending);
}

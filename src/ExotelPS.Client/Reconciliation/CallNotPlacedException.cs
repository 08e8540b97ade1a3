namespace ExotelPS.Client;

/// <summary>
/// A row whose outcome was unknown placed no call: reconciliation found none in Exotel's listing after every call
/// its request could have created would be listed. A rerun on the journal places it.
/// </summary>
public sealed class CallNotPlacedException : ExotelException
{
    /// <summary>Creates the exception.</summary>
    public CallNotPlacedException(string message)
        : base(message)
    {
    }

    /// <inheritdoc/>
    public override ExotelErrorKind Kind => ExotelErrorKind.NotPlaced;
}

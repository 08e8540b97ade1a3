using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Waiting for a call stopped on a fault in ExotelPS itself, not on anything Exotel answered, so the call's state was
/// not learned (<see cref="ExotelErrorKind.WaitFailed"/>). The fault is its inner exception.
/// </summary>
public sealed class WaitFailedException : ExotelException
{
    /// <summary>Creates the exception for <paramref name="fault"/>.</summary>
    public WaitFailedException(Exception fault)
        : base(EngineText.Format(EngineStrings.WaitFailed, (fault ?? throw new ArgumentNullException(nameof(fault))).GetType().Name), fault)
    {
    }

    /// <inheritdoc/>
    public override ExotelErrorKind Kind => ExotelErrorKind.WaitFailed;
}

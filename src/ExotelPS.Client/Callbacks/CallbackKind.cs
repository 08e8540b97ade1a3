namespace ExotelPS.Client;

/// <summary>What Exotel sent to a URL: a StatusCallback, or the request an applet of a call flow makes.</summary>
public enum CallbackKind
{
    /// <summary>A StatusCallback: the call's status (final, or <c>in-progress</c> for the answered event).</summary>
    StatusCallback,

    /// <summary>
    /// A request from an applet while the call goes on: Passthru, or a Connect applet's dial-whom URL or call event.
    /// It carries no call outcome: DialCallStatus and CallType say how the dialled leg went, and a Connect applet's
    /// Status is the agent's line (<c>busy</c> while it rings).
    /// </summary>
    AppletRequest,
}

namespace ExotelPS.Client.Sandbox;

/// <summary>What became of a status callback.</summary>
public enum CallbackOutcome
{
    /// <summary>Due, not yet sent.</summary>
    Pending,

    /// <summary>POSTed; the receiver answered.</summary>
    Delivered,

    /// <summary>Not sent: the URL is not a loopback address.</summary>
    Refused,

    /// <summary>POSTed, but the receiver could not be reached or did not answer.</summary>
    Failed,
}

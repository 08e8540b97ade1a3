namespace ExotelPS.Client.Sandbox;

/// <summary>A fault the simulator can inject into an answer.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with a RestException.</summary>
    ServerError,

    /// <summary>The connection is dropped with no answer.</summary>
    Drop,

    /// <summary>The answer's body is trickled out slowly.</summary>
    SlowBody,

    /// <summary>HTTP 429 with Retry-After, as past the rate limit; the request is not carried out.</summary>
    RateLimited,
}

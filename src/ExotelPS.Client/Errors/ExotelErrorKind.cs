namespace ExotelPS.Client;

/// <summary>
/// What went wrong, in the terms a caller acts on. Each kind maps to one stable PowerShell ErrorId and
/// ErrorCategory, and to one journal outcome.
/// </summary>
public enum ExotelErrorKind
{
    /// <summary>The request was invalid before it was sent, or Exotel answered 400: fix the input.</summary>
    InvalidInput,

    /// <summary>401: the API key or token is wrong.</summary>
    Unauthorized,

    /// <summary>402 or 403: the account may not do this, e.g. a number on the NDNC do-not-call list or no balance.</summary>
    Forbidden,

    /// <summary>404: no such call or account.</summary>
    NotFound,

    /// <summary>429 kept coming after every retry allowed.</summary>
    RateLimited,

    /// <summary>Exotel answered with another error (409, other 4xx, or a 5xx on a read).</summary>
    Rejected,

    /// <summary>A call request was sent but no definite answer came back (timeout, 5xx, dropped connection): the call may have been placed.</summary>
    OutcomeUnknown,

    /// <summary>The server could not be reached at all; nothing was sent.</summary>
    Unreachable,

    /// <summary>
    /// 403, or a 404 that is not a v3 answer, on a Voice v3 path: the account has no v3 access (a beta Exotel enables
    /// per account). The v1 APIs still work.
    /// </summary>
    V3NotEnabled,

    /// <summary>The run stopped (cancelled, or its journal could not be written) before this request went out; nothing was sent.</summary>
    NotSent,

    /// <summary>Reconciliation proved a request in doubt placed no call: Exotel's listing shows none, and would by now.</summary>
    NotPlaced,

    /// <summary>
    /// Waiting for a call stopped on an unexpected fault in ExotelPS itself, not on anything Exotel answered: the call's
    /// state was not learned, and it can be read again.
    /// </summary>
    WaitFailed,
}

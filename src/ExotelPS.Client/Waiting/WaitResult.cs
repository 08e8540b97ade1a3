namespace ExotelPS.Client;

/// <summary>How waiting for one call ended.</summary>
public sealed class WaitResult<TInput>
{
    /// <summary>Creates a result.</summary>
    public WaitResult(TInput input, string callSid, ExotelCall? call, bool timedOut, ExotelException? error)
    {
        Input = input;
        CallSid = callSid;
        Call = call;
        TimedOut = timedOut;
        Error = error;
    }

    /// <summary>The input as it was added (a call object, a Sid, a callback payload).</summary>
    public TInput Input { get; }

    /// <summary>The call waited for.</summary>
    public string CallSid { get; }

    /// <summary>The call as last seen: final unless <see cref="TimedOut"/>; null when it could not be read at all.</summary>
    public ExotelCall? Call { get; }

    /// <summary>True when the timeout passed before the call reached a final status.</summary>
    public bool TimedOut { get; }

    /// <summary>Why the call could not be read (404 for an unknown Sid, say).</summary>
    public ExotelException? Error { get; }
}

namespace ExotelPS.Client;

/// <summary>
/// Waits for calls to reach a final status (completed, failed, busy, no-answer), politely: pending calls are polled
/// together, up to 100 Sids per listing request, inside the account's rate limit. Fed from one thread like
/// <see cref="CallDispatcher{TInput}"/>; results come back in the order calls were added.
/// </summary>
public sealed class CallWaiter<TInput> : IDisposable
{
    /// <summary>Creates a waiter; each call added gets <paramref name="timeout"/> from the moment it is added.</summary>
    public CallWaiter(ExotelClient client, TimeSpan timeout, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Starts waiting for one call.</summary>
    public void Add(TInput input, string callSid) => throw new NotImplementedException();

    /// <summary>The results whose turn has come and are ready now, in the order added; never blocks.</summary>
    public IEnumerable<WaitResult<TInput>> TakeReady() => throw new NotImplementedException();

    /// <summary>Says no more calls will be added.</summary>
    public void Complete() => throw new NotImplementedException();

    /// <summary>Every remaining result in the order added, blocking until each is final or timed out; stops early when cancelled.</summary>
    public IEnumerable<WaitResult<TInput>> TakeAll(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc/>
    public void Dispose() => throw new NotImplementedException();
}

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

namespace ExotelPS.Client.Sandbox;

/// <summary>One fault the simulator injected, and whether the request had already placed a call.</summary>
public sealed class InjectedFault
{
    internal InjectedFault(FaultKind kind, string method, string path, string? callSid)
    {
        Kind = kind;
        Method = method;
        Path = path;
        CallSid = callSid;
    }

    /// <summary>What was injected.</summary>
    public FaultKind Kind { get; }

    /// <summary>The request's method.</summary>
    public string Method { get; }

    /// <summary>The request's path.</summary>
    public string Path { get; }

    /// <summary>The call the request placed before the fault hit; null when it placed none.</summary>
    public string? CallSid { get; }

    /// <summary>True when the request placed a call although its answer was faulted.</summary>
    public bool CallRecorded => CallSid is not null;
}

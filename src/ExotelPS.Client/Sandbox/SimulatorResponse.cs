namespace ExotelPS.Client.Sandbox;

/// <summary>The simulator's answer, and how the transport must deliver it.</summary>
public sealed class SimulatorResponse
{
    internal SimulatorResponse(int statusCode, string contentType, byte[] body, int? retryAfterSeconds)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        RetryAfterSeconds = retryAfterSeconds;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The Content-Type header.</summary>
    public string ContentType { get; }

    /// <summary>The body bytes (UTF-8 JSON or XML).</summary>
    public byte[] Body { get; }

    /// <summary>The Retry-After header in seconds, on a 429.</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>How long the transport waits before answering.</summary>
    public TimeSpan Delay { get; internal set; }

    /// <summary>Drop the connection or trickle the body, instead of answering normally.</summary>
    public FaultKind? Delivery { get; internal set; }

    /// <summary>How long a trickled body takes.</summary>
    public TimeSpan SlowBodyTime { get; internal set; }
}

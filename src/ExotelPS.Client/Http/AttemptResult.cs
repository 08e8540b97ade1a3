using System.Net.Http.Headers;

namespace ExotelPS.Client.Http;

/// <summary>How one attempt of a request ended: an HTTP answer, or no answer and why.</summary>
internal sealed class AttemptResult
{
    private AttemptResult(int? status, string body, RetryConditionHeaderValue? retryAfter, bool neverSent, Exception? error)
    {
        Status = status;
        Body = body;
        RetryAfter = retryAfter;
        NeverSent = neverSent;
        Error = error;
    }

    /// <summary>The HTTP status; null when no answer came.</summary>
    public int? Status { get; }

    public string Body { get; }

    public RetryConditionHeaderValue? RetryAfter { get; }

    /// <summary>No answer, and the request provably never reached the server.</summary>
    public bool NeverSent { get; }

    /// <summary>Why no answer came (a timeout, a dropped connection, a refused connection).</summary>
    public Exception? Error { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public static AttemptResult Answered(int status, string body, RetryConditionHeaderValue? retryAfter) =>
        new(status, body, retryAfter, neverSent: false, error: null);

    public static AttemptResult NoAnswer(Exception error, bool neverSent) =>
        new(null, string.Empty, null, neverSent, error);

    /// <summary>For traces: <c>HTTP 503</c>, or the failure without its details.</summary>
    public string Describe() =>
        Status is { } status ? "HTTP " + status
        : NeverSent ? "not sent: " + Error!.Message
        : Error is TimeoutException ? Error.Message
        : "no answer: " + Error!.Message;
}

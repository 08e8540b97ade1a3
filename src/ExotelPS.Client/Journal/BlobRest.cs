using System.Net;
using System.Net.Http.Headers;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// The few Blob REST calls a journal makes, over HttpClient, synchronously (the journal's callers write a line and
/// go on). Requests that fail in passing (500, 503 ServerBusy, 408, a timeout, a reset or refused connection) are
/// sent again with capped backoff until <see cref="BlobStoreOptions.RetryBudget"/> has passed; every other answer is
/// returned to the caller, who knows what it means. No message carries the SAS.
/// </summary>
/// <remarks>
/// Not the Azure SDK (Azure.Storage.Blobs): in Windows PowerShell 5.1 there is no load context, so its Azure.Core
/// would meet the one the Az modules have loaded in the same AppDomain; and a journal needs six requests, whose
/// retries must be decided per request anyway (an append is resent only under its append-position condition).
/// </remarks>
internal sealed class BlobRest : IDisposable
{
    private const string ApiVersion = "2021-12-02";
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(4);

    private readonly HttpClient http;
    private readonly BlobJournalAddress address;
    private readonly BlobStoreOptions options;

    public BlobRest(BlobJournalAddress address, BlobStoreOptions options)
    {
        this.address = address;
        this.options = options;
        http = new HttpClient(options.Handler ?? new HttpClientHandler(), disposeHandler: options.Handler is null) { Timeout = options.RequestTimeout };
    }

    /// <summary>
    /// Sends the request <paramref name="build"/> makes (a fresh one per try) and returns the first answer that is not
    /// a passing failure.
    /// </summary>
    /// <param name="action">What is being done, for a message: "read", "append to", ...</param>
    /// <exception cref="IOException">Storage did not answer within the retry budget.</exception>
    public BlobAnswer Send(string action, Func<HttpRequestMessage> build)
    {
        var started = DateTime.UtcNow;
        var backoff = FirstBackoff;
        for (var attempt = 0; ; attempt++)
        {
            string problem;
            try
            {
                using var request = build();
                request.Headers.Add("x-ms-version", ApiVersion);
                request.Headers.Date = DateTimeOffset.UtcNow;
                using var response = Send(request);
                var answer = BlobAnswer.Of(response, attempt);
                if (!answer.IsPassingFailure)
                {
                    return answer;
                }

                problem = $"HTTP {answer.Status} {answer.ErrorCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                problem = address.Redact(e.Message);
            }

            if (DateTime.UtcNow - started + backoff > options.RetryBudget)
            {
                throw new IOException(EngineText.Format(
                    EngineStrings.JournalBlobUnreachable, action, address.Name, (int)options.RetryBudget.TotalSeconds, problem));
            }

            // A synchronous caller waits here; the budget and the lease run on real time, as Azure's do.
            Thread.Sleep(backoff);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <summary>A request to <paramref name="uri"/> with the given headers and body.</summary>
    public static HttpRequestMessage Request(HttpMethod method, Uri uri, byte[]? body = null, params (string Name, string? Value)[] headers)
    {
        var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(body ?? Array.Empty<byte>()) };
        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public void Dispose() => http.Dispose();

    private HttpResponseMessage Send(HttpRequestMessage request)
    {
#if NET
        return http.Send(request, HttpCompletionOption.ResponseContentRead);
#else
        // netstandard2.0's HttpClient has no synchronous Send; no synchronization context waits on this thread.
        return http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false).GetAwaiter().GetResult();
#endif
    }
}

/// <summary>What storage answered: status, error code, the headers a journal reads, and the body.</summary>
internal sealed class BlobAnswer
{
    private BlobAnswer(HttpStatusCode status, string? errorCode, byte[] body, HttpResponseHeaders headers, int attempt)
    {
        Status = (int)status;
        ErrorCode = errorCode;
        Body = body;
        Attempt = attempt;
        BlockCount = HeaderOf(headers, "x-ms-blob-committed-block-count") is { } count && int.TryParse(count, out var blocks) ? blocks : null;
        AppendOffset = HeaderOf(headers, "x-ms-blob-append-offset") is { } offset && long.TryParse(offset, out var at) ? at : null;
        BlobType = HeaderOf(headers, "x-ms-blob-type");
    }

    public int Status { get; }

    /// <summary>Storage's x-ms-error-code (ContainerNotFound, AuthenticationFailed, ...).</summary>
    public string? ErrorCode { get; }

    public byte[] Body { get; }

    /// <summary>0 for the first try: a later one may follow a try whose answer was lost.</summary>
    public int Attempt { get; }

    public int? BlockCount { get; }

    public long? AppendOffset { get; }

    public string? BlobType { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>A failure that sending the same request again may cure.</summary>
    public bool IsPassingFailure => Status is 408 or 500 or 502 or 503 or 504;

    public static BlobAnswer Of(HttpResponseMessage response, int attempt)
    {
        var body = response.Content is null ? Array.Empty<byte>() : ReadBody(response.Content);
        return new BlobAnswer(response.StatusCode, HeaderOf(response.Headers, "x-ms-error-code"), body, response.Headers, attempt);
    }

    private static byte[] ReadBody(HttpContent content)
    {
#if NET
        using var stream = content.ReadAsStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
#else
        return content.ReadAsByteArrayAsync().ConfigureAwait(false).GetAwaiter().GetResult();
#endif
    }

    private static string? HeaderOf(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

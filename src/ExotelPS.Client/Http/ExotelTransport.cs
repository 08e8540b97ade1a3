using System.Globalization;
using ExotelPS.Client.Resources;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Http;

/// <summary>
/// Sends requests through the account's throttle, one attempt at a time, and decides what each failure means.
/// The safety rule: a call request is retried only on 429 or when it provably never reached the server, so no one
/// is rung twice. Reads also retry on 5xx, timeouts and dropped connections.
/// </summary>
internal sealed class ExotelTransport
{
    private readonly ExotelAccount account;
    private readonly HttpClient http;
    private readonly ExotelClientOptions options;
    private readonly AccountThrottle throttle;
    private readonly TimeProvider time;
    private readonly Backoff backoff;

    public ExotelTransport(ExotelAccount account, HttpClient http, ExotelClientOptions options, AccountThrottle throttle, Backoff backoff)
    {
        this.account = account;
        this.http = http;
        this.options = options;
        this.throttle = throttle;
        time = options.TimeProvider;
        this.backoff = backoff;
    }

    /// <summary>
    /// Sends <paramref name="request"/> until it succeeds or fails for good, then reads the body with
    /// <paramref name="read"/> (body, is JSON). Cancellation by <paramref name="cancellationToken"/> surfaces as
    /// <see cref="OperationCanceledException"/>, even for a call request already sent.
    /// </summary>
    /// <exception cref="ExotelApiException">Exotel refused the request, or no definite answer came.</exception>
    public async Task<T> SendAsync<T>(ExotelRequest request, Func<string, bool, T> read, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            var attempt = await throttle.RunAsync(() => AttemptAsync(request, cancellationToken), request.HoldsPlace, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (attempt.IsSuccess)
            {
                return Read(request, attempt, read);
            }

            var verdict = Judge(request, attempt);
            if (!verdict.Retryable || retry >= options.MaxRetries)
            {
                throw Failure(request, attempt, verdict.Kind, verdict.MayHaveBeenPlaced);
            }

            var retryText = $"retry {retry + 1} of {options.MaxRetries}";
            if (attempt.Status == 429)
            {
                // Exotel counts the limit per account, so every request of the account waits, not just this one.
                var pause = backoff.AfterRateLimit(retry, attempt.RetryAfter, time.GetUtcNow());
                throttle.Pause(pause);
                Trace($"{request.Method} {request.Path}: account paused {Seconds(pause)} after HTTP 429 ({retryText})");
            }
            else
            {
                var delay = backoff.Next(retry);
                Trace($"{request.Method} {request.Path}: {retryText} in {Seconds(delay)} after {attempt.Describe()}");
                await time.SleepAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether a failed attempt may be tried again, and what it is if not.</summary>
    private static (bool Retryable, ExotelErrorKind Kind, bool MayHaveBeenPlaced) Judge(ExotelRequest request, AttemptResult attempt)
    {
        var placesCall = request.PlacesCall;
        return attempt.Status switch
        {
            429 => (true, ExotelErrorKind.RateLimited, false),
            >= 500 => placesCall ? (false, ExotelErrorKind.OutcomeUnknown, true) : (true, ExotelErrorKind.Rejected, false),
            400 => (false, ExotelErrorKind.InvalidInput, false),
            401 => (false, ExotelErrorKind.Unauthorized, false),
            402 or 403 => (false, ExotelErrorKind.Forbidden, false),
            404 => (false, ExotelErrorKind.NotFound, false),
            not null => (false, ExotelErrorKind.Rejected, false),
            null when attempt.NeverSent => (true, ExotelErrorKind.Unreachable, false),
            null => placesCall ? (false, ExotelErrorKind.OutcomeUnknown, true) : (true, ExotelErrorKind.Unreachable, false),
        };
    }

    private static bool IsJson(string body) => !body.TrimStart().StartsWith("<", StringComparison.Ordinal);

    /// <summary>Exotel's RestException, if the body holds one; an unparseable body (a proxy's HTML page) yields null.</summary>
    private static RestError? TryReadError(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return ExotelResponseReader.ReadError(body, IsJson(body));
        }
        catch (Exception)
        {
            // Any failure to read an error body leaves the HTTP status as the whole story.
            return null;
        }
    }

    private static string Seconds(TimeSpan delay) => delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private T Read<T>(ExotelRequest request, AttemptResult attempt, Func<string, bool, T> read)
    {
        try
        {
            var body = EchoedText.WithoutCredentials(attempt.Body, account);
            return read(body, IsJson(body));
        }
        catch (Exception exception) when (exception is not ExotelException)
        {
            // A 2xx to a call request means the call was accepted, even when its answer cannot be read.
            var kind = request.PlacesCall ? ExotelErrorKind.OutcomeUnknown : ExotelErrorKind.Rejected;
            throw new ExotelApiException(kind, request.Method.Method, request.Path, attempt.Status, null, EngineStrings.UnreadableBody, null, request.PlacesCall, exception);
        }
    }

    private ExotelApiException Failure(ExotelRequest request, AttemptResult attempt, ExotelErrorKind kind, bool mayHaveBeenPlaced)
    {
        // A server or a proxy may echo the request, credentials and all, and at any length.
        var error = TryReadError(attempt.Body);

        // A v3 403, or a 404 the v3 API did not write itself (no envelope), means the account has no v3; a v3 404 is an unknown call.
        var v3Missing = request.IsV3 && (attempt.Status == 403 || (attempt.Status == 404 && error?.IsV3 != true));
        kind = v3Missing ? ExotelErrorKind.V3NotEnabled : kind;
        return new ExotelApiException(
            kind,
            request.Method.Method,
            request.Path,
            attempt.Status,
            error?.Status,
            EchoedText.FromServer(error?.Message, account),
            EchoedText.FromServer(error?.Code, account),
            mayHaveBeenPlaced,
            attempt.Error);
    }

    private async Task<AttemptResult> AttemptAsync(ExotelRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var message = request.CreateMessage(account);

        // The last moment before the request may leave: past the throttle, before the wire.
        if (request.BeforeSending is { } beforeSending)
        {
            await beforeSending().ConfigureAwait(false);
        }

        var started = time.GetTimestamp();
        Trace($"{request.Method} {request.Path}: sending");
        AttemptResult attempt;
        try
        {
            using var response = await http.SendAsync(message, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            attempt = AttemptResult.Answered((int)response.StatusCode, body, response.Headers.RetryAfter);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var timedOut = new TimeoutException(EngineText.Format(EngineStrings.NoAnswerWithin, Seconds(options.RequestTimeout)), exception);
            attempt = AttemptResult.NoAnswer(timedOut, neverSent: false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            attempt = AttemptResult.NoAnswer(exception, TransportFailure.NeverSent(exception));
        }

        var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        Trace($"{request.Method} {request.Path}: {attempt.Describe()} in {elapsedMs} ms");
        return attempt;
    }

    private void Trace(string line) => options.Trace?.Invoke(line);
}

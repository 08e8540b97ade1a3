using System.Net;
using System.Net.Http.Headers;

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// An in-memory Exotel: answers HttpClient requests from an <see cref="ExotelSimulator"/> without a network.
/// Faults look as they would over a socket: a drop throws <see cref="HttpRequestException"/> with an
/// <see cref="IOException"/> inside. Status callbacks are never delivered from here (there is nowhere to send them);
/// use the emulator for those.
/// </summary>
public sealed class SandboxMessageHandler : HttpMessageHandler
{
    /// <summary>Creates a handler over <paramref name="simulator"/>.</summary>
    public SandboxMessageHandler(ExotelSimulator simulator) => Simulator = simulator;

    /// <summary>The simulated Exotel answering the requests.</summary>
    public ExotelSimulator Simulator { get; }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
        var answer = Simulator.Handle(new SimulatorRequest(
            request.Method.Method, Uri.UnescapeDataString(uri.AbsolutePath), uri.Query, request.Headers.Authorization?.ToString(), body));
        await Task.Delay(answer.Delay, cancellationToken).ConfigureAwait(false);
        if (answer.Delivery == FaultKind.Drop)
        {
            throw new HttpRequestException(
                "The simulated Exotel dropped the connection.", new IOException("Connection reset by the simulated Exotel."));
        }

        var content = answer.Delivery == FaultKind.SlowBody
            ? new TrickledContent(answer.Body, answer.SlowBodyTime)
            : (HttpContent)new ByteArrayContent(answer.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { RequestMessage = request, Content = content };
        if (answer.RetryAfterSeconds is int seconds)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    /// <summary>A body that arrives slowly, as the slow-body fault does over a socket.</summary>
    private sealed class TrickledContent : HttpContent
    {
        private readonly byte[] body;
        private readonly TimeSpan duration;

        public TrickledContent(byte[] body, TimeSpan duration)
        {
            this.body = body;
            this.duration = duration;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SlowBody.WriteAsync(stream, body, duration, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}

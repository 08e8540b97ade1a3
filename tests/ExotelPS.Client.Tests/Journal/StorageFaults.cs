namespace ExotelPS.Client.Tests.Journal;

/// <summary>
/// Sits between a blob journal and Azurite: adds latency to every request, and can lose the answer to the next
/// append after storage has applied it (as a reset connection would), to prove the resend does not write twice.
/// </summary>
internal sealed class StorageFaults : DelegatingHandler
{
    private int losesAnswers;

    public StorageFaults(TimeSpan latency = default)
        : base(new SocketsHttpHandler())
    {
        Latency = latency;
    }

    public TimeSpan Latency { get; }

    public int Requests;

    public int Appends;

    /// <summary>The next <paramref name="count"/> appends are applied by storage, but their answers are lost.</summary>
    public void LoseAnswersOfAppends(int count) => Volatile.Write(ref losesAnswers, count);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Requests);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        var isAppend = request.RequestUri!.Query.Contains("comp=appendblock", StringComparison.Ordinal);
        if (isAppend)
        {
            Interlocked.Increment(ref Appends);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (isAppend && response.IsSuccessStatusCode && Interlocked.Decrement(ref losesAnswers) >= 0)
        {
            response.Dispose();
            throw new HttpRequestException("The connection was reset (a test lost the answer).");
        }

        return response;
    }
}

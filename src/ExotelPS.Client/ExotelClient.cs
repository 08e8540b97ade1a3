namespace ExotelPS.Client;

/// <summary>
/// The Exotel Voice API for one account: place calls, read them back. Thread-safe; share one instance.
/// Requests are paced by the account's shared throttle and retried only where that cannot ring anyone twice.
/// </summary>
public sealed class ExotelClient : IDisposable
{
    /// <summary>Creates a client with its own HttpClient.</summary>
    public ExotelClient(ExotelAccount account, ExotelClientOptions? options = null)
        => throw new NotImplementedException();

    /// <summary>Creates a client on an HttpClient you own (from IHttpClientFactory, or with a test handler).</summary>
    public ExotelClient(ExotelAccount account, HttpClient httpClient, ExotelClientOptions? options = null)
        => throw new NotImplementedException();

    /// <summary>The account this client acts for.</summary>
    public ExotelAccount Account => throw new NotImplementedException();

    /// <summary>The settings this client was created with (a copy).</summary>
    public ExotelClientOptions Options => throw new NotImplementedException();

    /// <summary>Connects two numbers: rings From, then To, and bridges them. Never retried after an ambiguous failure.</summary>
    public Task<ExotelCall> ConnectAsync(ConnectCallOptions options, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Connects a number to a call flow. Never retried after an ambiguous failure.</summary>
    public Task<ExotelCall> ConnectToFlowAsync(FlowCallOptions options, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Places either kind of call.</summary>
    public Task<ExotelCall> PlaceCallAsync(PlaceCallOptions options, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>One call's details; with <paramref name="includeDetails"/>, its legs too.</summary>
    public Task<ExotelCall> GetCallAsync(string sid, bool includeDetails = false, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>The first page of a call listing.</summary>
    public Task<CallPage> GetCallPageAsync(ListCallsOptions options, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>The page a previous page's <see cref="CallPage.NextPageUri"/> points to.</summary>
    public Task<CallPage> GetCallPageAsync(string nextPageUri, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Every matching call, fetching the next page only when the previous one is used up.</summary>
    public IAsyncEnumerable<ExotelCall> ListCallsAsync(ListCallsOptions options, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Checks the credentials with one cheap request; throws an Unauthorized <see cref="ExotelApiException"/> on 401.</summary>
    public Task VerifyCredentialsAsync(CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <inheritdoc/>
    public void Dispose() => throw new NotImplementedException();
}

namespace ExotelPS.Client.Http;

/// <summary>The HttpClient a client makes for itself when none is given.</summary>
internal static class OwnedHttpClient
{
    public static HttpClient Create()
    {
#if NET8_0_OR_GREATER
        // Recycling pooled connections picks up DNS changes of Exotel's endpoints in long-running sessions.
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
        };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif

        // Redirects are refused so credentials only go where the account points. The per-attempt timeout is the
        // transport's (RequestTimeout), so the client's own is switched off.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

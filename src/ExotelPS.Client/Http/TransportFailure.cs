using System.Net.Sockets;

namespace ExotelPS.Client.Http;

/// <summary>Reads a failed send: did the request provably never reach the server, or may the server have acted on it?</summary>
internal static class TransportFailure
{
    // Errors raised while resolving or connecting, before a byte of the request exists on the wire.
    private static readonly SocketError[] ConnectErrors =
    {
        SocketError.ConnectionRefused,
        SocketError.HostNotFound,
        SocketError.TryAgain,
        SocketError.NoData,
    };

    /// <summary>True only when the request cannot have reached the server (connection refused, host not found).</summary>
    public static bool NeverSent(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }
#endif
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket && ConnectErrors.Contains(socket.SocketErrorCode))
            {
                return true;
            }
        }

        return false;
    }
}

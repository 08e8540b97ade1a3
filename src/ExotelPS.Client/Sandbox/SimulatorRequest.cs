namespace ExotelPS.Client.Sandbox;

/// <summary>An HTTP request as the simulator sees it, whichever transport carried it.</summary>
public sealed class SimulatorRequest
{
    /// <summary>Creates a request.</summary>
    public SimulatorRequest(string method, string path, string? query, string? authorization, string? body)
    {
        Method = method;
        Path = path;
        Query = query;
        Authorization = authorization;
        Body = body;
    }

    /// <summary>GET or POST.</summary>
    public string Method { get; }

    /// <summary>The decoded path, e.g. <c>/v1/Accounts/sid/Calls/connect.json</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string, with or without its leading '?'.</summary>
    public string? Query { get; }

    /// <summary>The Authorization header value, e.g. <c>Basic ...</c>.</summary>
    public string? Authorization { get; }

    /// <summary>The form-encoded body of a POST.</summary>
    public string? Body { get; }
}

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// Which Exotel endpoint a request is for. A v1 path ending in <c>.json</c> answers JSON, otherwise XML; Voice v3
/// (<c>/v3/accounts/...</c>) always answers JSON envelopes.
/// </summary>
internal sealed class ApiRoute
{
    private const string JsonSuffix = ".json";

    private ApiRoute(ApiEndpoint endpoint, string? accountSid, string? callSid, bool json, bool isV3 = false)
    {
        Endpoint = endpoint;
        AccountSid = accountSid;
        CallSid = callSid;
        Json = json;
        IsV3 = isV3;
    }

    public ApiEndpoint Endpoint { get; }

    /// <summary>The account in the path; null when the path is not under <c>/v1/Accounts/&lt;sid&gt;/</c>.</summary>
    public string? AccountSid { get; }

    public string? CallSid { get; }

    public bool Json { get; }

    /// <summary>True for a Voice v3 path: answers and errors are v3 envelopes.</summary>
    public bool IsV3 { get; }

    /// <summary>Reads <c>/v1/Accounts/{sid}/Calls/connect</c>, <c>.../Calls/{CallSid}</c> and <c>.../Calls</c>, each with or without .json.</summary>
    public static ApiRoute Parse(string method, string path)
    {
        if (path.TrimStart('/').StartsWith("v3/", StringComparison.OrdinalIgnoreCase))
        {
            return ParseV3(method, path);
        }

        var json = path.EndsWith(JsonSuffix, StringComparison.OrdinalIgnoreCase);
        var segments = (json ? path.Substring(0, path.Length - JsonSuffix.Length) : path).Trim('/').Split('/');
        var underAccount = segments.Length >= 3 && Is(segments[0], "v1") && Is(segments[1], "Accounts") && segments[2].Length > 0;
        var accountSid = underAccount ? segments[2] : null;
        var isGet = Is(method, "GET");
        var endpoint = !underAccount || segments.Length < 4 || !Is(segments[3], "Calls")
            ? ApiEndpoint.Unknown
            : segments.Length == 4 && isGet ? ApiEndpoint.ListCalls
            : segments.Length == 5 && Is(segments[4], "connect") ? (Is(method, "POST") ? ApiEndpoint.Connect : ApiEndpoint.Unknown)
            : segments.Length == 5 && isGet && segments[4].Length > 0 ? ApiEndpoint.GetCall
            : ApiEndpoint.Unknown;
        return new ApiRoute(endpoint, accountSid, endpoint == ApiEndpoint.GetCall ? segments[4] : null, json);
    }

    /// <summary>Reads <c>/v3/accounts/{sid}/calls/{call_sid}</c> and <c>.../legs</c>.</summary>
    private static ApiRoute ParseV3(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        var underAccount = segments.Length >= 3 && Is(segments[1], "accounts") && segments[2].Length > 0;
        var underCall = underAccount && Is(method, "GET") && segments.Length >= 5 && Is(segments[3], "calls") && segments[4].Length > 0;
        var endpoint = !underCall ? ApiEndpoint.Unknown
            : segments.Length == 5 ? ApiEndpoint.CallDetail
            : segments.Length == 6 && Is(segments[5], "legs") ? ApiEndpoint.CallLegs
            : ApiEndpoint.Unknown;
        return new ApiRoute(endpoint, underAccount ? segments[2] : null, endpoint == ApiEndpoint.Unknown ? null : segments[4], json: true, isV3: true);
    }

    private static bool Is(string text, string expected) => string.Equals(text, expected, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The endpoints the simulator serves.</summary>
internal enum ApiEndpoint
{
    Unknown,
    Connect,
    GetCall,
    ListCalls,
    CallDetail,
    CallLegs,
}

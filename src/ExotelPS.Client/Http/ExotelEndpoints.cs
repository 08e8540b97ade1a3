namespace ExotelPS.Client.Http;

/// <summary>The absolute URIs of one account's call API, built from its base URI with every path segment checked and escaped.</summary>
internal sealed class ExotelEndpoints
{
    private readonly Uri baseUri;
    private readonly Uri v3BaseUri;
    private readonly string callsPath;
    private readonly string v3CallsPath;

    public ExotelEndpoints(ExotelAccount account)
    {
        baseUri = account.BaseUri;
        v3BaseUri = account.V3BaseUri;
        var accountSid = Segment(WireField.AccountSid, account.AccountSid);
        callsPath = $"v1/Accounts/{accountSid}/Calls";
        v3CallsPath = $"v3/accounts/{accountSid}/calls";
    }

    /// <summary><c>POST .../Calls/connect.json</c>.</summary>
    public Uri Connect => new(baseUri, callsPath + "/connect.json");

    /// <summary><c>GET .../Calls/{sid}.json</c>, with <c>?details=true</c> for the legs.</summary>
    public Uri Call(string sid, bool includeDetails) =>
        new(baseUri, $"{callsPath}/{Segment(WireField.CallSid, sid)}.json{(includeDetails ? "?details=true" : string.Empty)}");

    /// <summary>Voice v3 <c>GET .../v3/accounts/{sid}/calls/{call_sid}</c>, on the v3 host.</summary>
    public Uri CallDetail(string sid) => new(v3BaseUri, $"{v3CallsPath}/{Segment(WireField.CallSid, sid)}");

    /// <summary>Voice v3 <c>GET .../calls/{call_sid}/legs</c>.</summary>
    public Uri CallLegs(string sid) => new(v3BaseUri, $"{v3CallsPath}/{Segment(WireField.CallSid, sid)}/legs");

    /// <summary><c>GET .../Calls.json</c> with the options as Exotel's filters.</summary>
    /// <exception cref="ExotelValidationException">A filter is invalid.</exception>
    public Uri Calls(ListCallsOptions options) => new(baseUri, callsPath + ".json" + ListCallsQuery.Build(options));

    /// <summary>
    /// A NextPageUri as Exotel gave it, resolved against the base URI. Only the account's own scheme, host and port
    /// are accepted: the credentials go with the request, so a host named in a response must never receive it.
    /// </summary>
    /// <exception cref="ExotelValidationException">The URI is malformed or points elsewhere.</exception>
    public Uri NextPage(string nextPageUri)
    {
        var reason = "must be a path on " + baseUri.GetLeftPart(UriPartial.Authority) + "; credentials are never sent to another host";
        if (string.IsNullOrWhiteSpace(nextPageUri) || !Uri.TryCreate(baseUri, nextPageUri.Trim(), out var uri))
        {
            throw Invalid(WireField.NextPageUri, nextPageUri, reason);
        }

        var sameServer = uri.Scheme == baseUri.Scheme
            && string.Equals(uri.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == baseUri.Port
            && uri.UserInfo.Length == 0;
        return sameServer ? uri : throw Invalid(WireField.NextPageUri, nextPageUri, reason);
    }

    /// <summary>A Sid checked to be one path segment, escaped.</summary>
    public static string Segment(string field, string? sid)
    {
        if (SidRule.Problem(sid) is { } reason)
        {
            throw Invalid(field, sid, reason);
        }

        return Uri.EscapeDataString(sid!);
    }

    private static ExotelValidationException Invalid(string field, string? value, string reason) =>
        new(new[] { new ValidationFailure(field, value, reason) });
}

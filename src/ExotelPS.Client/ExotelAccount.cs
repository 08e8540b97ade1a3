using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Who to call Exotel as, and where. The API token is held privately: it is only ever written into an
/// Authorization header and never appears in <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed class ExotelAccount
{
    private readonly string apiToken;

    // The key:token pair, and as Basic credentials, each made once: every request sends the one and every answer is searched for both.
    private readonly string keyAndToken;
    private readonly string encodedCredentials;

    /// <summary>Creates an account for one of Exotel's regions.</summary>
    public ExotelAccount(string accountSid, string apiKey, string apiToken, ExotelRegion region = ExotelRegion.Singapore)
        : this(accountSid, apiKey, apiToken, region, RegionBaseUri(region))
    {
    }

    /// <summary>
    /// Creates an account that talks to a custom base URI: the emulator, a proxy, or a regional URI given
    /// explicitly. Plain http is accepted only for loopback addresses, so credentials never cross a network in clear text.
    /// </summary>
    public ExotelAccount(string accountSid, string apiKey, string apiToken, Uri baseUri)
        : this(accountSid, apiKey, apiToken, RegionOf(baseUri), baseUri)
    {
    }

    private ExotelAccount(string accountSid, string apiKey, string apiToken, ExotelRegion region, Uri baseUri)
    {
        AccountSid = RequireText(accountSid, nameof(AccountSid));
        ApiKey = RequireText(apiKey, nameof(ApiKey));
        this.apiToken = RequireText(apiToken, "ApiToken");
        keyAndToken = ApiKey + ":" + this.apiToken;
        encodedCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(keyAndToken));
        Region = region;
        BaseUri = CheckBaseUri(baseUri);
    }

    /// <summary>The account SID, as shown on the Exotel dashboard's API settings page.</summary>
    public string AccountSid { get; }

    /// <summary>The API key: the user name of HTTP basic authentication.</summary>
    public string ApiKey { get; }

    /// <summary>The region the account belongs to (for a custom base URI, the region it resembles).</summary>
    public ExotelRegion Region { get; }

    /// <summary>The scheme, host and port requests go to, ending in a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// Where Voice v3 requests go: Exotel's <c>ccm-api</c> host of the region for a regional account, the same base URI
    /// for a custom one (the emulator or a proxy serves v3 beside v1).
    /// </summary>
    public Uri V3BaseUri => BaseUri == RegionBaseUri(Region) ? RegionV3BaseUri(Region) : BaseUri;

    /// <summary>The Voice v3 base URI of an Exotel region.</summary>
    public static Uri RegionV3BaseUri(ExotelRegion region) => region switch
    {
        ExotelRegion.Singapore => new Uri("https://ccm-api.exotel.com/"),
        ExotelRegion.Mumbai => new Uri("https://ccm-api.in.exotel.com/"),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, EngineStrings.UnknownRegion),
    };

    /// <summary>The base URI of an Exotel region.</summary>
    public static Uri RegionBaseUri(ExotelRegion region) => region switch
    {
        ExotelRegion.Singapore => new Uri("https://api.exotel.com/"),
        ExotelRegion.Mumbai => new Uri("https://api.in.exotel.com/"),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, EngineStrings.UnknownRegion),
    };

    /// <summary>The Authorization header value for this account (basic auth, never put in a URL).</summary>
    public AuthenticationHeaderValue CreateAuthorizationHeader() =>
        new("Basic", encodedCredentials);

    /// <summary>True when <paramref name="text"/> contains the API token or the encoded credentials; used to prove secrets stay out of text.</summary>
    public bool Reveals(string? text) =>
        !string.IsNullOrEmpty(text)
        && (text!.Contains(apiToken) || text.Contains(encodedCredentials));

    /// <summary>The text with this account's key:token pair, its Basic credentials and its token replaced by <paramref name="mask"/>.</summary>
    internal string Redact(string text, string mask) => text
        .Replace(keyAndToken, mask)
        .Replace(encodedCredentials, mask)
        .Replace(apiToken, mask);

    /// <summary>A key that identifies the account on its server, shared by everything that must share its rate limit.</summary>
    public string ThrottleKey => BaseUri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + "/" + AccountSid;

    /// <summary>Account SID and host; never the token.</summary>
    public override string ToString() => $"{AccountSid} @ {BaseUri.Host}";

    private static string RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(EngineText.Format(EngineStrings.RequiredText, name), name);
        }

        return value.Trim();
    }

    // Runs before CheckBaseUri (constructor chaining), so it must tolerate a null or relative URI.
    private static ExotelRegion RegionOf(Uri? baseUri) =>
        baseUri is { IsAbsoluteUri: true } && baseUri.Host.EndsWith(".in.exotel.com", StringComparison.OrdinalIgnoreCase)
            ? ExotelRegion.Mumbai
            : ExotelRegion.Singapore;

    private static Uri CheckBaseUri(Uri? baseUri)
    {
        if (baseUri is null || !baseUri.IsAbsoluteUri)
        {
            throw new ArgumentException(EngineStrings.BaseUriNotAbsolute, nameof(BaseUri));
        }

        var isHttps = baseUri.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = baseUri.Scheme == Uri.UriSchemeHttp && IsLoopback(baseUri);
        if (!isHttps && !isLoopbackHttp)
        {
            throw new ArgumentException(
                EngineText.Format(EngineStrings.BaseUriNotHttps, SchemeAndServer(baseUri)),
                nameof(BaseUri));
        }

        // Exotel's docs put key:token@ in the URL; here it would leak into ThrottleKey and messages.
        if (baseUri.UserInfo.Length > 0)
        {
            throw new ArgumentException(
                EngineText.Format(EngineStrings.BaseUriHasCredentials, SchemeAndServer(baseUri)),
                nameof(BaseUri));
        }

        return new Uri(SchemeAndServer(baseUri) + "/");
    }

    /// <summary>Scheme, host and port: never the user info.</summary>
    private static string SchemeAndServer(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    /// <summary>Whether <paramref name="uri"/> names this machine: the one place plain http is allowed.</summary>
    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

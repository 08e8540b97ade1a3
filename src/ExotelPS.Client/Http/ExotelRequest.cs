using System.Net.Http.Headers;

namespace ExotelPS.Client.Http;

/// <summary>One API request, kept so that each attempt can build a fresh message (a sent message cannot be sent again).</summary>
internal sealed class ExotelRequest
{
    private static readonly ProductInfoHeaderValue UserAgent =
        new("ExotelPS", typeof(ExotelRequest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly IReadOnlyList<KeyValuePair<string, string>>? form;

    private ExotelRequest(HttpMethod method, Uri uri, IReadOnlyList<KeyValuePair<string, string>>? form, Func<Task>? beforeSending, bool holdsPlace)
    {
        Method = method;
        Uri = uri;
        this.form = form;
        BeforeSending = beforeSending;
        HoldsPlace = holdsPlace;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    /// <summary>The path for messages and traces: never the query, never a credential.</summary>
    public string Path => Uri.AbsolutePath;

    /// <summary>True for a Voice v3 request, whose 403 and bare 404 mean the account has no v3.</summary>
    public bool IsV3 => Path.StartsWith("/v3/", StringComparison.Ordinal);

    /// <summary>True for the POST that places a call: it must never be sent twice unless it provably never arrived.</summary>
    public bool PlacesCall => form is not null;

    /// <summary>Awaited before each attempt goes on the wire, after throttling; an exception from it means nothing is sent.</summary>
    public Func<Task>? BeforeSending { get; }

    /// <summary>Its caller holds its place in flight on the account's gate (a bulk dispatcher's row): its attempts take none.</summary>
    public bool HoldsPlace { get; }

    public static ExotelRequest Get(Uri uri) => new(HttpMethod.Get, uri, null, null, holdsPlace: false);

    public static ExotelRequest PlaceCall(Uri uri, IReadOnlyList<KeyValuePair<string, string>> form, Func<Task>? beforeSending, bool holdsPlace) =>
        new(HttpMethod.Post, uri, form, beforeSending, holdsPlace);

    /// <summary>A new message with the credentials in its own Authorization header, never in a shared client's defaults.</summary>
    public HttpRequestMessage CreateMessage(ExotelAccount account)
    {
        var message = new HttpRequestMessage(Method, Uri);
        message.Headers.Authorization = account.CreateAuthorizationHeader();
        message.Headers.UserAgent.Add(UserAgent);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (form is not null)
        {
            message.Content = new FormUrlEncodedContent(form);
        }

        return message;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ExotelPS.Client.Callbacks;

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// A status callback that has fallen due: where it goes and what it carries. The emulator sends it; the in-memory
/// sandbox never does (it has no network), so sandbox callbacks stay <see cref="CallbackOutcome.Pending"/>.
/// </summary>
public sealed class StatusCallbackDelivery
{
    private readonly WireObject payload;
    private volatile string? detail;
    private int outcome;

    internal StatusCallbackDelivery(string callSid, string url, StatusCallbackEvent callbackEvent, bool asJson, WireObject payload)
    {
        CallSid = callSid;
        Url = url;
        Event = callbackEvent;
        AsJson = asJson;
        this.payload = payload;
    }

    /// <summary>The call it reports on.</summary>
    public string CallSid { get; }

    /// <summary>The StatusCallback URL.</summary>
    public string Url { get; }

    /// <summary>Answered or terminal.</summary>
    public StatusCallbackEvent Event { get; }

    /// <summary>True for <c>application/json</c>; false for Exotel's default, <c>multipart/form-data</c>.</summary>
    public bool AsJson { get; }

    /// <summary>What became of it.</summary>
    public CallbackOutcome Outcome => (CallbackOutcome)Volatile.Read(ref outcome);

    /// <summary>The receiver's HTTP status, or why it was refused or failed.</summary>
    public string? Detail => detail;

    /// <summary>
    /// True when <see cref="Url"/> is an http(s) URL on a loopback address: the only place the emulator sends
    /// callbacks, so nothing it does reaches beyond the machine.
    /// </summary>
    public bool IsLoopbackTarget =>
        Uri.TryCreate(Url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    /// <summary>The request body: multipart form fields (a list as <c>Legs[0][Status]</c>), or JSON.</summary>
    public HttpContent CreateContent()
    {
        if (AsJson)
        {
            var json = new ByteArrayContent(ExotelResponseWriter.WriteJson(payload));
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return json;
        }

        var form = new MultipartFormDataContent();
        foreach (var field in CallbackFields.FromTree(payload))
        {
            form.Add(new StringContent(field.Value, Encoding.UTF8), field.Key);
        }

        return form;
    }

    /// <summary>Records what became of the callback.</summary>
    public void Complete(CallbackOutcome result, string? why)
    {
        detail = why;
        Volatile.Write(ref outcome, (int)result);
    }
}

using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Turns what Exotel sends to a StatusCallback URL, or an applet's request, into the call object the other ExotelPS cmdlets write.</para>
/// <para type="description">Give the raw body with its Content-Type (multipart/form-data, application/x-www-form-urlencoded, also a Passthru's query string, or application/json), or fields a web framework already parsed (Azure Functions' $Request.Body, Pode's $WebEvent.Data). Adds Kind (StatusCallback or AppletRequest), EventType, CustomField, DialCallStatus and CallType (an applet's), DeliveryKey (the same for repeated deliveries), ReceivedAt and UnknownFields. An applet's request (Passthru, a Connect applet) is not a finished call: its Status stays empty. Sends nothing.</para>
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "ExotelCallback")]
[OutputType(typeof(ExotelCall))]
public sealed class ConvertFromExotelCallbackCommand : ExotelCmdlet
{
    /// <summary>The payload: a raw body (text or UTF-8 bytes), or its fields (a hashtable or object).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    [Alias("Body", "Data")]
    public PSObject InputObject { get; set; } = null!;

    /// <summary>The request's Content-Type header, boundary included, for a raw body; without it the body's look decides.</summary>
    [Parameter(Position = 1)]
    public string? ContentType { get; set; }

    /// <summary>Reads one payload.</summary>
    protected override void ProcessRecord()
    {
        try
        {
            var callback = CallbackInput.RawBody(InputObject) is { } body
                ? StatusCallbackReader.Read(body, ContentType)
                : StatusCallbackReader.Read(CallbackInput.Fields(InputObject));
            WriteReadWarnings(callback.Call.Sid, callback.Call.ReadWarnings);
            WriteObject(CallOutput.Callback(callback, DateTimeOffset.Now));
        }
        catch (ExotelValidationException ex)
        {
            WriteError(new ErrorRecord(ex, ErrorCatalog.InvalidCallbackPayload, ErrorCategory.InvalidData, InputObject));
        }
    }
}

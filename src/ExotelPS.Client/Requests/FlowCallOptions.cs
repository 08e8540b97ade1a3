using System.Text.RegularExpressions;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Connect a number to a call flow (an IVR applet): Exotel rings From, then runs the flow. Give the flow
/// either by its id (<see cref="FlowId"/>) or as a full flow URL (<see cref="FlowUrl"/>), not both.
/// </summary>
public sealed class FlowCallOptions : PlaceCallOptions
{
    private static readonly Regex FlowIdPattern = new("^[0-9]{1,12}$", RegexOptions.CultureInvariant);

    /// <summary>The flow's app id from App Bazaar, e.g. <c>926</c>.</summary>
    public string? FlowId { get; set; }

    /// <summary>A full flow URL, e.g. <c>http://my.exotel.com/&lt;sid&gt;/exoml/start_voice/926</c>.</summary>
    public string? FlowUrl { get; set; }

    /// <inheritdoc/>
    public override string? Target => string.IsNullOrWhiteSpace(FlowUrl) ? "flow " + FlowId : FlowUrl;

    /// <summary>The flow URL Exotel is given for a flow id.</summary>
    public static string FlowUrlFor(string accountSid, string flowId) =>
        $"http://my.exotel.com/{Uri.EscapeDataString(accountSid)}/exoml/start_voice/{flowId}";

    // Order of "Outgoing Call to a Call Flow" (000): From, CallerId, Url, limits, StatusCallback, CustomField.
    private protected override void AddFields(RequestValidator validator, string accountSid)
    {
        validator.Phone(WireField.From, From);
        validator.Phone(WireField.CallerId, CallerId);
        AddFlowUrl(validator, accountSid);
        AddLimits(validator);
        AddStatusCallback(validator);
        AddCustomField(validator);
    }

    private void AddFlowUrl(RequestValidator validator, string accountSid)
    {
        var hasId = !string.IsNullOrWhiteSpace(FlowId);
        var hasUrl = !string.IsNullOrWhiteSpace(FlowUrl);
        if (hasId && hasUrl)
        {
            validator.Fail(WireField.Url, FlowUrl, EngineText.Format(EngineStrings.FlowIdAndUrl, FlowId));
        }
        else if (hasId)
        {
            var flowId = FlowId!.Trim();
            if (FlowIdPattern.IsMatch(flowId))
            {
                validator.Add(WireField.Url, FlowUrlFor(accountSid, flowId));
            }
            else
            {
                validator.Fail("FlowId", FlowId, EngineStrings.FlowIdNotNumeric);
            }
        }
        else if (hasUrl)
        {
            validator.Url(WireField.Url, FlowUrl);
        }
        else
        {
            validator.Fail(WireField.Url, null, EngineStrings.FlowRequired);
        }
    }
}

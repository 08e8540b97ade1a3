using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Connects a number to a call flow (an IVR applet): Exotel rings From, then runs the flow.</para>
/// <para type="description">Give the flow by its app id (-FlowId) or its full URL (-FlowUrl). Pipe rows from Import-Csv like Connect-ExotelCall.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "ExotelFlowCall", DefaultParameterSetName = FlowIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ExotelCall))]
public sealed class StartExotelFlowCallCommand : PlaceCallCommand
{
    private const string FlowIdSet = "FlowId";
    private const string FlowUrlSet = "FlowUrl";

    /// <summary>The flow's app id from App Bazaar, e.g. 926.</summary>
    [Parameter(ParameterSetName = FlowIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("AppId")]
    public string FlowId { get; set; } = string.Empty;

    /// <summary>The flow's full URL, e.g. http://my.exotel.com/&lt;sid&gt;/exoml/start_voice/926.</summary>
    [Parameter(ParameterSetName = FlowUrlSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("Url")]
    public string FlowUrl { get; set; } = string.Empty;

    /// <summary>The number rung first, then connected to the flow (the customer); one live call each by default (see -MaxCallsPerFrom).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("Agent", "AgentNumber")]
    public override string From { get; set; } = string.Empty;

    /// <summary>The request this row's parameters describe; a value that cannot be read is added to <paramref name="failures"/>.</summary>
    /// <remarks>PowerShell binds only one of FlowId and FlowUrl (they are separate parameter sets); the other stays empty.</remarks>
    internal FlowCallOptions ToRequest(ICollection<ValidationFailure> failures)
    {
        var request = new FlowCallOptions
        {
            FlowId = CellValues.NullIfEmpty(FlowId),
            FlowUrl = CellValues.NullIfEmpty(FlowUrl),
        };
        FillCommonFields(request, failures);
        return request;
    }

    private protected override PlaceCallOptions CreateRequest(ICollection<ValidationFailure> failures) => ToRequest(failures);
}

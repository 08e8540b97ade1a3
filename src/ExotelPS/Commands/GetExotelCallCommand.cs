using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;
using ExotelPS.Resources;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Gets calls: by Sid (piped call objects, Sids and status-callback rows all bind), or a filtered listing.</para>
/// <para type="description">A listing streams calls page by page as they arrive; -First and -Skip stop it early. Exotel does not list calls still in progress.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ExotelCall", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(ExotelCall))]
public sealed class GetExotelCallCommand : ExotelApiCommand
{
    private const string SidSet = "Sid";
    private const string ListSet = "List";

    /// <summary>The Sid of each call to get.</summary>
    [Parameter(ParameterSetName = SidSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("CallSid")]
    public string[] Sid { get; set; } = Array.Empty<string>();

    /// <summary>Also get each call's legs (Details); in a listing, one more request per call.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Only calls with these statuses.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("completed", "failed", "busy", "no-answer", "queued", "in-progress")]
    public string[]? Status { get; set; }

    /// <summary>Only calls from these numbers (at most 5).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateCount(1, 5)]
    public string[]? From { get; set; }

    /// <summary>Only calls to these numbers (at most 5).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateCount(1, 5)]
    public string[]? To { get; set; }

    /// <summary>Only calls in this direction: inbound, outbound-dial or outbound-api.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("inbound", "outbound-dial", "outbound-api")]
    public string? Direction { get; set; }

    /// <summary>Only calls created at or after this time (Exotel lists one month per query; default the last 31 days).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? After { get; set; }

    /// <summary>Only calls created at or before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Before { get; set; }

    /// <summary>Gets the piped calls, or runs the listing.</summary>
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            WriteListing();
            return;
        }

        foreach (var sid in Sid)
        {
            try
            {
                WriteCall(Await(ActiveSession.Client.GetCallAsync(sid, Detailed.IsPresent, StopToken)));
            }
            catch (ExotelException ex)
            {
                WriteError(ErrorCatalog.Create(ex, sid));
            }
        }
    }

    /// <summary>The listing this command's filters describe, one page of <paramref name="pageSize"/> at a time.</summary>
    internal ListCallsOptions ToRequest(int pageSize) => new()
    {
        Statuses = (Status ?? Array.Empty<string>()).Select(CallStatus.Parse).ToList(),
        From = From?.ToList() ?? new List<string>(),
        To = To?.ToList() ?? new List<string>(),
        // ValidateSet has checked the spelling already.
        Direction = CellValues.Choice<CallDirection>(nameof(Direction), Direction, new List<ValidationFailure>()),
        CreatedAfter = CellValues.AsOffset(After),
        CreatedBefore = CellValues.AsOffset(Before),
        PageSize = pageSize,
    };

    private void WriteListing()
    {
        var window = new PageWindow(PagingParameters.Skip, PagingParameters.First);
        var request = ToRequest(window.PageSize(ListCallsOptions.MaxPageSize));
        try
        {
            var page = Await(ActiveSession.Client.GetCallPageAsync(request, StopToken));
            if (PagingParameters.IncludeTotalCount)
            {
                var total = page.Total ?? 0;
                WriteObject(PagingParameters.NewTotalCount((ulong)total, page.Total is null ? 0.0 : 1.0));
            }

            while (true)
            {
                if (page.ReadWarnings is { } pageWarnings)
                {
                    WriteWarning(Text.Format(Strings.ReadWarningsOfPage, pageWarnings));
                }

                foreach (var call in window.Take(page.Calls))
                {
                    // A listing carries no legs: -Detailed reads each call again, inside the same rate budget.
                    WriteCall(Detailed ? Await(ActiveSession.Client.GetCallAsync(call.Sid, includeDetails: true, StopToken)) : call);
                }

                if (window.IsFull || page.NextPageUri is null)
                {
                    return;
                }

                page = Await(ActiveSession.Client.GetCallPageAsync(page.NextPageUri, StopToken));
            }
        }
        catch (ExotelException ex)
        {
            WriteError(ErrorCatalog.Create(ex, request));
        }
    }

    private void WriteCall(ExotelCall call)
    {
        WriteReadWarnings(call.Sid, call.ReadWarnings);
        WriteObject(CallOutput.Create(call));
    }
}

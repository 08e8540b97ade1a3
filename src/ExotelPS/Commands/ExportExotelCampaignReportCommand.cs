using System.Management.Automation;
using System.Text;
using ExotelPS.Client.Campaigns.Reporting;
using ExotelPS.Client.Campaigns.Reporting.Html;
using ExotelPS.Pipeline;
using ExotelPS.Resources;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Writes a campaign's report as one self-contained HTML page, from its journal or from Get-ExotelCampaignReport.</para>
/// <para type="description">The page holds the headline numbers, the outcomes, attempts by hour, the agents and the next attempts; inline CSS and SVG, no script, nothing fetched.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "ExotelCampaignReport", DefaultParameterSetName = JournalSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportExotelCampaignReportCommand : CampaignReportCommand
{
    private const string ReportSet = "Report";

    private CampaignReport? piped;

    /// <summary>Where to write the page; an existing file is replaced.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The page's heading (default: Campaign report).</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>What Get-ExotelCampaignReport wrote (its summary or its agents), piped.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ReportSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Takes the report a piped object came from; every object must come from the same one.</summary>
    protected override void ProcessRecord()
    {
        if (ParameterSetName != ReportSet)
        {
            return;
        }

        if (ReportOutput.ReportOf(InputObject) is not { } report)
        {
            WriteError(new ErrorRecord(
                new ArgumentException(Text.Format(Strings.ReportInputUnknown, InputObject?.BaseObject?.GetType().FullName ?? "null")),
                ErrorCatalog.ReportInputUnknown,
                ErrorCategory.InvalidArgument,
                InputObject));
            return;
        }

        if (piped is not null && !ReferenceEquals(piped, report))
        {
            throw Terminate(new ErrorRecord(
                new ArgumentException(Text.Format(Strings.SeveralReports, Path)), ErrorCatalog.SeveralReports, ErrorCategory.InvalidArgument, InputObject));
        }

        piped = report;
    }

    /// <summary>Writes the page and the file it wrote.</summary>
    protected override void EndProcessing()
    {
        var report = ParameterSetName == ReportSet ? piped : ReadReport();
        if (report is null)
        {
            // Nothing usable was piped (-By Agent of a campaign without calls writes no object): say so, not silence.
            WriteError(new ErrorRecord(
                new InvalidOperationException(Text.Format(Strings.NoReportPiped, Path)), ErrorCatalog.NoReportPiped, ErrorCategory.InvalidArgument, Path));
            return;
        }

        var path = GetUnresolvedProviderPathFromPSPath(Path);
        try
        {
            File.WriteAllText(path, ReportPage.Render(report, Title, DateTimeOffset.Now), new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw Terminate(new ErrorRecord(
                new IOException(Text.Format(Strings.ReportUnwritable, path, e.Message), e), ErrorCatalog.ReportUnwritable, ErrorCategory.WriteError, Path));
        }

        WriteObject(new FileInfo(path));
    }
}

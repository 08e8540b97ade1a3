using System.Management.Automation;
using System.Runtime.CompilerServices;
using ExotelPS.Client.Campaigns.Reporting;

namespace ExotelPS.Pipeline;

/// <summary>
/// A campaign report as Get-ExotelCampaignReport writes it: the engine's summary and per-agent objects with the
/// module's type names (<c>ExotelPS.CampaignReport</c>, <c>ExotelPS.CampaignAgentReport</c>) for their table views,
/// each remembering the report it came from, so Export-ExotelCampaignReport draws the page of exactly those numbers.
/// </summary>
internal static class ReportOutput
{
    public const string SummaryTypeName = "ExotelPS.CampaignReport";
    public const string AgentTypeName = "ExotelPS.CampaignAgentReport";

    // Weak keys: an object written and forgotten takes its report with it. A property would be a column in Export-Csv.
    // Typed object, not CampaignReport: a static field of an engine type would load the engine with this class.
    private static readonly ConditionalWeakTable<object, object> Origins = new();

    /// <summary>The whole campaign in one object.</summary>
    public static PSObject Summary(CampaignReport report) => Remembered(report.Summary, SummaryTypeName, report);

    /// <summary>One object per agent (From), busiest first.</summary>
    public static IEnumerable<PSObject> Agents(CampaignReport report) =>
        report.Agents.Select(agent => Remembered(agent, AgentTypeName, report));

    /// <summary>The report a piped object came from; null for anything Get-ExotelCampaignReport did not write in this session.</summary>
    public static CampaignReport? ReportOf(PSObject? piped) =>
        piped?.BaseObject is { } item && Origins.TryGetValue(item, out var report) ? (CampaignReport)report : null;

    private static PSObject Remembered(object item, string typeName, CampaignReport report)
    {
        Origins.Add(item, report);
        var output = new PSObject(item);
        output.TypeNames.Insert(0, typeName);
        return output;
    }
}

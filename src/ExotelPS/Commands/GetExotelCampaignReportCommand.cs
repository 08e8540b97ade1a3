using System.Management.Automation;
using ExotelPS.Client.Campaigns.Reporting;
using ExotelPS.Pipeline;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Reads a campaign's journal and writes how it went: one summary, or one object per agent.</para>
/// <para type="description">Each row of the journal is decided by the campaign's parameters, as the run that placed it decides it. The journal is only read, also while another run holds it.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ExotelCampaignReport")]
[OutputType(typeof(CampaignSummary), typeof(AgentSummary))]
public sealed class GetExotelCampaignReportCommand : CampaignReportCommand
{
    /// <summary>What one object stands for: the whole campaign (the default), or one agent (From).</summary>
    [Parameter(ParameterSetName = JournalSet)]
    [ValidateSet("Campaign", "Agent")]
    public string By { get; set; } = "Campaign";

    /// <summary>Writes the summary, or the agents busiest first.</summary>
    protected override void EndProcessing()
    {
        var report = ReadReport();
        if (string.Equals(By, "Agent", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var agent in ReportOutput.Agents(report))
            {
                WriteObject(agent);
            }
        }
        else
        {
            WriteObject(ReportOutput.Summary(report));
        }
    }
}

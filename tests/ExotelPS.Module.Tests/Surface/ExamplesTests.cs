using System.Management.Automation;
using System.Text.RegularExpressions;
using static ExotelPS.Module.Tests.Surface.CmdletMetadata;

namespace ExotelPS.Module.Tests.Surface;

/// <summary>docs/examples against the cmdlet surface, so the sample CSV and runbook cannot drift from it.</summary>
public sealed class ExamplesTests
{
    [Theory]
    [InlineData("Phone", "To")]
    [InlineData("Agent", "From")]
    [InlineData("ExoPhone", "CallerId")]
    [InlineData("OrderId", "CustomField")]
    [InlineData("Record", "Record")]
    [InlineData("TimeLimit", "TimeLimit")]
    public void Each_column_of_the_sample_CSV_binds_to_a_Connect_ExotelCall_parameter(string column, string parameter)
    {
        var header = File.ReadLines(Repository.PathOf("docs", "examples", "customers.csv")).First().Split(',');
        var bound = Parameters(CmdletType("Connect-ExotelCall")).Values
            .Single(candidate => candidate.Name == column || Aliases(candidate).Contains(column));

        Assert.Contains(column, header);
        Assert.Equal(parameter, bound.Name);
        Assert.True(Flag(bound, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)));
    }

    [Fact]
    public void The_runbook_uses_only_exported_cmdlets_and_parameters_that_exist()
    {
        var runbook = Repository.ReadAllText("docs", "examples", "runbook.ps1");
        var used = Regex.Matches(runbook, @"\b([A-Z][a-z]+-Exotel[A-Za-z]+)\b").Select(match => match.Groups[1].Value).Distinct().ToArray();

        Assert.Contains("Connect-ExotelCall", used);
        Assert.Contains("Wait-ExotelCall", used);
        Assert.All(used, name => Assert.Contains(name, CmdletTypes.Select(CmdletName)));
        Assert.Contains("JournalPath", Parameters(CmdletType("Connect-ExotelCall")).Keys);
        Assert.Contains("IdempotencyKey", Parameters(CmdletType("Connect-ExotelCall")).Keys);
        Assert.Contains("Get-AutomationPSCredential", runbook);
    }
}

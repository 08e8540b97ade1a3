using System.Management.Automation;
using ExotelPS.Commands;
using static ExotelPS.Module.Tests.Surface.CmdletMetadata;

namespace ExotelPS.Module.Tests.Surface;

/// <summary>The pacing parameters: campaign-wide (not per row), their ranges and defaults, and the agent pool's set.</summary>
public sealed class PacingSurfaceTests
{
    [Theory]
    [InlineData("Connect-ExotelCall", "MaxCallsPerFrom", 0, 1000)]
    [InlineData("Connect-ExotelCall", "WrapUpSeconds", 0, 3600)]
    [InlineData("Start-ExotelFlowCall", "MaxCallsPerFrom", 0, 1000)]
    [InlineData("Start-ExotelFlowCall", "WrapUpSeconds", 0, 3600)]
    public void Pacing_is_set_for_the_whole_run_within_its_range(string cmdlet, string name, int least, int most)
    {
        var parameter = Parameter(cmdlet, name);

        Assert.Equal(typeof(int), parameter.PropertyType);
        Assert.False(Flag(parameter, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)));
        var range = Attribute(parameter, typeof(ValidateRangeAttribute))!;
        Assert.Equal(new object[] { least, most }, range.ConstructorArguments.Select(argument => argument.Value));
    }

    [Fact]
    public void By_default_a_From_gets_one_live_call_and_no_wrap_up()
    {
        Assert.Equal(1, new ConnectExotelCallCommand().MaxCallsPerFrom);
        Assert.Equal(1, new StartExotelFlowCallCommand().MaxCallsPerFrom);
        Assert.Equal(0, new ConnectExotelCallCommand().WrapUpSeconds);
    }

    [Fact]
    public void The_agent_pool_is_Connect_ExotelCall_s_own_set_where_From_is_optional()
    {
        var pool = Parameter("Connect-ExotelCall", "AgentPool");
        var from = ParameterAttributes(Parameter("Connect-ExotelCall", "From"));

        Assert.Equal(typeof(string[]), pool.PropertyType);
        Assert.Equal(new[] { "AgentPool" }, ParameterSets(pool));
        Assert.True(Flag(pool, nameof(ParameterAttribute.Mandatory)));
        Assert.DoesNotContain("AgentPool", Parameters(CmdletType("Start-ExotelFlowCall")).Keys);
        bool MandatoryIn(string set) =>
            Named<bool>(from.Single(attribute => Named<string>(attribute, nameof(ParameterAttribute.ParameterSetName)) == set), nameof(ParameterAttribute.Mandatory));
        Assert.True(MandatoryIn("Agent"));
        Assert.False(MandatoryIn("AgentPool"));
    }
}

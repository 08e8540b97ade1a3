using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using ExotelPS.Client;
using ExotelPS.Commands;
using ExotelPS.Pipeline;
using static ExotelPS.Module.Tests.Surface.CmdletMetadata;

namespace ExotelPS.Module.Tests.Surface;

public sealed class CmdletSurfaceTests
{
    // The approved verbs ExotelPS uses (Get-Verb): Connect/Disconnect (Communications), Get (Common), Start/Wait (Lifecycle), ConvertFrom, Export (Data).
    private static readonly string[] ApprovedVerbsUsed = { "Connect", "Disconnect", "Get", "Start", "Wait", "ConvertFrom", "Export" };

    private static readonly string[] ExpectedCmdlets =
    {
        "Connect-ExotelAccount", "Connect-ExotelCall", "Disconnect-ExotelAccount", "Get-ExotelCall",
        "Get-ExotelSession", "Start-ExotelFlowCall", "Wait-ExotelCall", "Get-ExotelCallDetail", "ConvertFrom-ExotelCallback",
        "Get-ExotelCampaignReport", "Export-ExotelCampaignReport",
    };

    // Parameters that become a field of the Exotel request: each must bind from Import-Csv columns.
    private static readonly string[] CommonRequestParameters =
    {
        "From", "CallerId", "CallType", "TimeLimit", "TimeOut", "CustomField", "StatusCallback", "StatusCallbackEvents", "StatusCallbackContentType",
    };

    private static readonly string[] ConnectRequestParameters =
    {
        "To", "WaitUrl", "Record", "RecordingChannels", "RecordingFormat", "StreamUrl", "StreamBegin", "StartPlaybackTo", "StartPlaybackValue",
    };

    public static TheoryData<string> CmdletNames() => new(ExpectedCmdlets);

    public static TheoryData<string, string> RequestParameters()
    {
        var data = new TheoryData<string, string>();
        var pairs = CommonRequestParameters.SelectMany(name => new[] { ("Connect-ExotelCall", name), ("Start-ExotelFlowCall", name) })
            .Concat(ConnectRequestParameters.Select(name => ("Connect-ExotelCall", name)))
            .Concat(new[] { ("Start-ExotelFlowCall", "FlowId"), ("Start-ExotelFlowCall", "FlowUrl") });
        foreach (var (cmdlet, parameter) in pairs)
        {
            data.Add(cmdlet, parameter);
        }

        return data;
    }

    [Fact]
    public void The_module_exports_exactly_the_expected_cmdlets()
    {
        Assert.Equal(ExpectedCmdlets.OrderBy(name => name), CmdletTypes.Select(CmdletName).OrderBy(name => name));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Cmdlets_use_an_approved_verb_the_Exotel_noun_prefix_and_a_matching_sealed_class(string name)
    {
        var cmdlet = CmdletType(name);

        Assert.Contains(Verb(cmdlet), ApprovedVerbsUsed);
        Assert.StartsWith("Exotel", Noun(cmdlet), StringComparison.Ordinal);
        Assert.Equal(Verb(cmdlet) + Noun(cmdlet) + "Command", cmdlet.Name);
        Assert.Equal("ExotelPS.Commands", cmdlet.Namespace);
        Assert.True(cmdlet.IsSealed && cmdlet.IsPublic);
        Assert.True(typeof(PSCmdlet).IsAssignableFrom(cmdlet));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Each_cmdlet_has_its_own_file_declaring_only_it(string name)
    {
        var cmdlet = CmdletType(name);
        var source = Repository.ReadAllText("src", "ExotelPS", "Commands", cmdlet.Name + ".cs");

        Assert.Single(Regex.Matches(source, @"\[Cmdlet\("));
        Assert.Contains($"public sealed class {cmdlet.Name}", source);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_declares_its_output_type(string name)
    {
        Assert.NotNull(Attribute(CmdletType(name), typeof(OutputTypeAttribute)));
    }

    [Theory]
    [InlineData("Connect-ExotelCall", typeof(ExotelCall))]
    [InlineData("Start-ExotelFlowCall", typeof(ExotelCall))]
    [InlineData("Get-ExotelCall", typeof(ExotelCall))]
    [InlineData("Wait-ExotelCall", typeof(ExotelCall))]
    [InlineData("Get-ExotelCallDetail", typeof(ExotelCallDetail))]
    [InlineData("ConvertFrom-ExotelCallback", typeof(ExotelCall))]
    [InlineData("Connect-ExotelAccount", typeof(ExotelSession))]
    [InlineData("Get-ExotelSession", typeof(ExotelSession))]
    [InlineData("Export-ExotelCampaignReport", typeof(FileInfo))]
    public void Output_types_name_what_is_written(string name, Type expected)
    {
        var outputType = Attribute(CmdletType(name), typeof(OutputTypeAttribute))!;
        var types = ((IEnumerable<CustomAttributeTypedArgument>)outputType.ConstructorArguments[0].Value!).Select(argument => argument.Value);

        Assert.Contains(expected, types);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Only_the_cmdlets_that_place_calls_support_ShouldProcess_at_medium_impact(string name)
    {
        var placesCalls = name is "Connect-ExotelCall" or "Start-ExotelFlowCall";
        var cmdlet = CmdletType(name);

        Assert.Equal(placesCalls, CmdletNamed<bool>(cmdlet, nameof(CmdletAttribute.SupportsShouldProcess)));
        if (placesCalls)
        {
            Assert.Equal((int)ConfirmImpact.Medium, CmdletNamed<int>(cmdlet, nameof(CmdletAttribute.ConfirmImpact)));
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Only_Get_ExotelCall_supports_paging(string name)
    {
        Assert.Equal(name == "Get-ExotelCall", CmdletNamed<bool>(CmdletType(name), nameof(CmdletAttribute.SupportsPaging)));
    }

    [Theory]
    [MemberData(nameof(RequestParameters))]
    public void Every_request_parameter_binds_by_property_name(string cmdlet, string parameter)
    {
        Assert.True(Flag(Parameter(cmdlet, parameter), nameof(ParameterAttribute.ValueFromPipelineByPropertyName)));
    }

    [Theory]
    [InlineData("Connect-ExotelCall", "To", "Phone,PhoneNumber,Mobile,Number,Customer")]
    [InlineData("Connect-ExotelCall", "From", "Agent,AgentNumber")]
    [InlineData("Connect-ExotelCall", "CallerId", "ExoPhone,VirtualNumber")]
    [InlineData("Connect-ExotelCall", "CustomField", "OrderId,Reference")]
    [InlineData("Connect-ExotelCall", "StartPlaybackTo", "StartPlaybackToNew")]
    [InlineData("Connect-ExotelCall", "StartPlaybackValue", "StartPlaybackValueNew")]
    [InlineData("Start-ExotelFlowCall", "From", "Agent,AgentNumber")]
    [InlineData("Start-ExotelFlowCall", "FlowUrl", "Url")]
    [InlineData("Get-ExotelCall", "Sid", "CallSid")]
    [InlineData("Wait-ExotelCall", "Sid", "CallSid")]
    [InlineData("Get-ExotelCallDetail", "Sid", "CallSid")]
    [InlineData("ConvertFrom-ExotelCallback", "InputObject", "Body,Data")]
    public void Parameters_answer_to_the_column_names_people_use(string cmdlet, string parameter, string aliases)
    {
        Assert.Equal(aliases.Split(','), Aliases(Parameter(cmdlet, parameter)));
    }

    [Fact]
    public void No_two_parameters_of_a_cmdlet_share_a_name_or_alias()
    {
        foreach (var cmdlet in CmdletTypes)
        {
            var names = Parameters(cmdlet).Values.SelectMany(parameter => Aliases(parameter).Append(parameter.Name)).ToArray();
            Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Theory]
    [InlineData("Connect-ExotelCall", "To")]
    [InlineData("Connect-ExotelCall", "From")]
    [InlineData("Connect-ExotelCall", "CallerId")]
    [InlineData("Start-ExotelFlowCall", "FlowId")]
    [InlineData("Start-ExotelFlowCall", "FlowUrl")]
    [InlineData("Get-ExotelCall", "Sid")]
    [InlineData("Wait-ExotelCall", "Sid")]
    [InlineData("Get-ExotelCallDetail", "Sid")]
    [InlineData("ConvertFrom-ExotelCallback", "InputObject")]
    [InlineData("Connect-ExotelAccount", "ApiKey")]
    [InlineData("Connect-ExotelAccount", "ApiToken")]
    [InlineData("Connect-ExotelAccount", "Sandbox")]
    public void Required_parameters_are_mandatory(string cmdlet, string parameter)
    {
        Assert.True(Flag(Parameter(cmdlet, parameter), nameof(ParameterAttribute.Mandatory)));
    }

    [Theory]
    [InlineData("Connect-ExotelAccount", "AccountSid")]
    [InlineData("Connect-ExotelAccount", "Credential")]
    [InlineData("Connect-ExotelCall", "TimeLimit")]
    [InlineData("Connect-ExotelCall", "Record")]
    [InlineData("Wait-ExotelCall", "Timeout")]
    [InlineData("Get-ExotelCallDetail", "IncludeLegs")]
    [InlineData("ConvertFrom-ExotelCallback", "ContentType")]
    public void Settings_with_a_fallback_are_optional(string cmdlet, string parameter)
    {
        Assert.False(Flag(Parameter(cmdlet, parameter), nameof(ParameterAttribute.Mandatory)));
    }

    [Theory]
    [InlineData("Get-ExotelCall")]
    [InlineData("Wait-ExotelCall")]
    [InlineData("Get-ExotelCallDetail")]
    public void Sids_bind_from_strings_and_from_objects_with_a_Sid_or_CallSid(string cmdlet)
    {
        var sid = Parameter(cmdlet, "Sid");

        Assert.True(Flag(sid, nameof(ParameterAttribute.ValueFromPipeline)));
        Assert.True(Flag(sid, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)));
        Assert.Equal(typeof(string[]), sid.PropertyType);
    }

    [Theory]
    [InlineData("Connect-ExotelCall")]
    [InlineData("Start-ExotelFlowCall")]
    [InlineData("Wait-ExotelCall")]
    [InlineData("Get-ExotelCallDetail")]
    public void The_piped_row_itself_is_kept_as_a_hidden_parameter_for_error_targets(string cmdlet)
    {
        var input = Parameter(cmdlet, "InputObject");

        Assert.True(Flag(input, nameof(ParameterAttribute.ValueFromPipeline)));
        Assert.True(Flag(input, nameof(ParameterAttribute.DontShow)));
        Assert.Equal(typeof(PSObject), input.PropertyType);
    }

    [Theory]
    [InlineData("Connect-ExotelAccount", "Credential", "AccountSid,Credential,Region,BaseUri")]
    [InlineData("Connect-ExotelAccount", "ApiKey", "AccountSid,ApiKey,ApiToken,Region,BaseUri")]
    [InlineData("Connect-ExotelAccount", "Sandbox", "Sandbox,SimulatedRingTime,SimulatedTalkTime,SimulatedSpeed,SimulatedBusyShare,SimulatedNoAnswerShare")]
    [InlineData("Connect-ExotelCall", "Agent", "From")]
    [InlineData("Connect-ExotelCall", "AgentPool", "From,AgentPool")]
    [InlineData("Get-ExotelCall", "Sid", "Sid")]
    [InlineData("Get-ExotelCall", "List", "Status,From,To,Direction,After,Before")]
    [InlineData("Start-ExotelFlowCall", "FlowId", "FlowId")]
    [InlineData("Start-ExotelFlowCall", "FlowUrl", "FlowUrl")]
    public void Parameter_sets_hold_their_own_parameters(string cmdlet, string set, string parameters)
    {
        var inSet = Parameters(CmdletType(cmdlet)).Values
            .Where(parameter => ParameterSets(parameter).Contains(set))
            .Select(parameter => parameter.Name);

        Assert.Equal(parameters.Split(',').OrderBy(name => name), inSet.OrderBy(name => name));
    }

    [Theory]
    [InlineData("Connect-ExotelAccount", "Credential")]
    [InlineData("Get-ExotelCall", "List")]
    [InlineData("Start-ExotelFlowCall", "FlowId")]
    [InlineData("Connect-ExotelCall", "Agent")]
    public void Cmdlets_with_parameter_sets_name_their_default(string cmdlet, string set)
    {
        Assert.Equal(set, CmdletNamed<string>(CmdletType(cmdlet), nameof(CmdletAttribute.DefaultParameterSetName)));
    }

    [Theory]
    [InlineData("Connect-ExotelCall")]
    [InlineData("Start-ExotelFlowCall")]
    [InlineData("Get-ExotelCall")]
    [InlineData("Wait-ExotelCall")]
    [InlineData("Get-ExotelCallDetail")]
    public void Every_API_cmdlet_takes_another_session(string cmdlet)
    {
        Assert.Equal(typeof(ExotelSession), Parameter(cmdlet, "Session").PropertyType);
    }

    [Theory]
    [InlineData("Record")]
    [InlineData("TimeLimit")]
    [InlineData("TimeOut")]
    public void Number_and_yes_no_parameters_take_any_text_so_a_bad_cell_fails_only_its_row(string parameter)
    {
        Assert.Equal(typeof(string), Parameter("Connect-ExotelCall", parameter).PropertyType);
    }

    [Theory]
    [InlineData("CallType", typeof(string))]
    [InlineData("RecordingChannels", typeof(string))]
    [InlineData("RecordingFormat", typeof(string))]
    [InlineData("StreamBegin", typeof(string))]
    [InlineData("StartPlaybackTo", typeof(string))]
    [InlineData("StatusCallbackEvents", typeof(string[]))]
    [InlineData("StatusCallbackContentType", typeof(string))]
    public void Choice_parameters_take_any_text_and_tab_complete_Exotels_spellings(string parameter, Type type)
    {
        var property = Parameter("Connect-ExotelCall", parameter);

        Assert.Equal(type, property.PropertyType);
        Assert.Equal(typeof(WireNameCompleter), Attribute(property, typeof(ArgumentCompleterAttribute))!.ConstructorArguments[0].Value);
    }

    [Fact]
    public void Region_is_a_validated_name_so_it_tab_completes()
    {
        var region = Parameter("Connect-ExotelAccount", "Region");

        Assert.Equal(typeof(string), region.PropertyType);
        var names = (IEnumerable<CustomAttributeTypedArgument>)Attribute(region, typeof(ValidateSetAttribute))!.ConstructorArguments[0].Value!;
        Assert.Equal(new[] { "Singapore", "Mumbai" }, names.Select(name => (string)name.Value!));
    }
}

using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using ExotelPS.Client;
using ExotelPS.Module.Tests.Help;
using ExotelPS.Pipeline;
using static ExotelPS.Module.Tests.Surface.CmdletMetadata;

namespace ExotelPS.Module.Tests;

/// <summary>
/// docs/en-US against the cmdlets: every cmdlet has a PlatyPS v2 page that documents exactly the parameters the code
/// declares (and PowerShell adds), with the code's types, sets, pipeline binding, aliases and accepted values, and
/// examples that use only real parameters. Failures name the cmdlet, parameter, field, page value and code value.
/// </summary>
public sealed class HelpPagesTests
{
    private const string ModuleName = "ExotelPS";

    private static readonly string HelpFolder = Repository.PathOf("docs", "en-US");

    // What PowerShell accepts on every cmdlet (about_CommonParameters); examples may use them anywhere.
    private static readonly string[] CommonParameters =
    {
        "Debug", "ErrorAction", "ErrorVariable", "InformationAction", "InformationVariable", "OutBuffer", "OutVariable",
        "PipelineVariable", "ProgressAction", "Verbose", "WarningAction", "WarningVariable",
    };

    public static TheoryData<string> Cmdlets()
    {
        var exported = Regex.Matches(Regex.Match(Repository.ReadAllText("ExotelPS.psd1"), @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value, "'([^']+)'")
            .Select(match => match.Groups[1].Value);
        return new TheoryData<string>(exported.Union(CmdletTypes.Select(CmdletName)).OrderBy(name => name, StringComparer.Ordinal));
    }

    public static TheoryData<string> AboutSubjects() => new(
        "PSCredential", "-ApiKey", "-ApiToken", "SecureString", "EXOTEL_ACCOUNT_SID", "EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "EXOTEL_REGION",
        "default session", "runspace", "-Session", "Singapore", "api.exotel.com", "Mumbai", "api.in.exotel.com",
        "200", "-RequestsPerMinute", "-ThrottleLimit", "429", "Retry-After", "retr", "outcome is unknown", "-JournalPath", "-IdempotencyKey",
        "-RetryUnknown", "-Sandbox", "emulator", "401", "403", "NDNC", "ErrorId", "Get-AutomationPSCredential");

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_cmdlet_has_a_page(string cmdlet)
    {
        Assert.True(File.Exists(PagePath(cmdlet)), $"{cmdlet} has no help page: expected docs/en-US/{cmdlet}.md.");
    }

    [Fact]
    public void Every_cmdlet_page_is_for_a_cmdlet_of_the_module()
    {
        var known = CmdletTypes.Select(CmdletName).ToHashSet();
        var strays = Directory.GetFiles(HelpFolder, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != ModuleName && !name!.StartsWith("about_", StringComparison.Ordinal) && !known.Contains(name!));

        Assert.Empty(strays);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_front_matter_is_PlatyPS_v2_cmdlet_metadata(string cmdlet)
    {
        var page = Page(cmdlet);

        var expected = new Dictionary<string, string>
        {
            ["document type"] = "cmdlet",
            ["external help file"] = "ExotelPS.dll-Help.xml",
            // Get-Help -Online opens the page in the repository the manifest names as ProjectUri.
            ["HelpUri"] = $"https://github.com/ExotelPS/ExotelPS/blob/main/docs/en-US/{cmdlet}.md",
            ["Locale"] = "en-US",
            ["Module Name"] = ModuleName,
            ["PlatyPS schema version"] = "2024-05-01",
            ["title"] = cmdlet,
        };
        var wrong = expected.Where(field => page.Page.Meta(field.Key) != field.Value)
            .Select(field => $"{cmdlet} front matter '{field.Key}': page '{page.Page.Meta(field.Key) ?? "(missing)"}' vs expected '{field.Value}'");
        AssertNone(wrong);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", page.Page.Meta("ms.date") ?? string.Empty);
        Assert.Equal(cmdlet, page.Name);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_sections_are_PlatyPS_v2_sections_in_order(string cmdlet)
    {
        var page = Page(cmdlet);

        Assert.Equal(CommandHelpPage.SectionOrder, page.SectionTitles);
        Assert.True(page.MentionsCommonParameters, $"{cmdlet}: PARAMETERS has no '### CommonParameters'.");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_page_documents_exactly_the_parameters_of_the_cmdlet(string cmdlet)
    {
        var documented = Page(cmdlet).ParameterSections.Select(section => section.Title[1..]).ToArray();
        var declared = CodeParameters.Of(CmdletType(cmdlet)).Select(parameter => parameter.Name).ToArray();

        var missing = declared.Except(documented).Select(name => $"{cmdlet}: -{name} is a parameter but the page does not document it");
        var extra = documented.Except(declared).Select(name => $"{cmdlet}: the page documents -{name}, which is not a parameter");
        var repeated = documented.GroupBy(name => name).Where(group => group.Count() > 1).Select(group => $"{cmdlet}: -{group.Key} is documented twice");
        AssertNone(missing.Concat(extra).Concat(repeated));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Each_documented_parameter_matches_the_code(string cmdlet)
    {
        var page = Page(cmdlet);
        var code = CodeParameters.Of(CmdletType(cmdlet)).ToDictionary(parameter => parameter.Name);

        var differences = page.ParameterSections
            .Select(page.Facts)
            .Where(facts => code.ContainsKey(facts.Name))
            .SelectMany(facts => facts.DifferencesFrom(code[facts.Name]))
            .Select(difference => $"{cmdlet} {difference}");
        AssertNone(differences);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Parameters_are_in_alphabetical_order(string cmdlet)
    {
        var documented = Page(cmdlet).ParameterSections.Select(section => section.Title).ToArray();

        Assert.Equal(documented.OrderBy(name => name, StringComparer.OrdinalIgnoreCase), documented);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Each_parameter_set_has_a_syntax_with_its_parameters_bracketed_as_PowerShell_shows_them(string cmdlet)
    {
        var type = CmdletType(cmdlet);
        var page = Page(cmdlet);
        var parameters = CodeParameters.Of(type);
        var sets = CodeParameters.SetsOf(type);

        Assert.Equal(sets, page.Syntax.Select(syntax => syntax.Set).OrderBy(set => set, StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var (set, isDefault, syntax) in page.Syntax)
        {
            var shouldBeDefault = sets.Count > 1 && set == CodeParameters.DefaultSetOf(type);
            if (isDefault != shouldBeDefault)
            {
                problems.Add($"{cmdlet} SYNTAX {set}: marked (Default) on the page: {isDefault}, in the code: {shouldBeDefault}");
            }

            if (!syntax.StartsWith(cmdlet + " ", StringComparison.Ordinal))
            {
                problems.Add($"{cmdlet} SYNTAX {set}: does not start with '{cmdlet} '");
            }

            var inSet = parameters.Where(parameter => !parameter.DontShow && parameter.In(set) is not null).ToArray();
            var shown = Regex.Matches(syntax, @"(?<=^|[\s\[])-(\w+)").Select(match => match.Groups[1].Value).ToArray();
            problems.AddRange(inSet.Select(parameter => parameter.Name).Except(shown).Select(name => $"{cmdlet} SYNTAX {set}: -{name} is missing"));
            problems.AddRange(shown.Except(inSet.Select(parameter => parameter.Name)).Select(name => $"{cmdlet} SYNTAX {set}: -{name} is not in this set"));
            foreach (var parameter in inSet.Where(parameter => shown.Contains(parameter.Name)))
            {
                // [-Optional <T>], [[-OptionalPositional] <T>], -Mandatory <T>, [-MandatoryPositional] <T>
                var binding = parameter.In(set)!;
                var expected = (binding.IsRequired ? 0 : 1) + (binding.IsPositional ? 1 : 0);
                var actual = Regex.Match(syntax, @"(\[*)-" + parameter.Name + @"\b").Groups[1].Length;
                if (expected != actual)
                {
                    problems.Add($"{cmdlet} SYNTAX {set}: -{parameter.Name} has {actual} '[' before it, expected {expected} (required: {binding.IsRequired}, position: {binding.Position})");
                }
            }
        }

        AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_page_has_a_synopsis_a_description_and_a_description_of_every_parameter(string cmdlet)
    {
        var page = Page(cmdlet);

        Assert.False(string.IsNullOrWhiteSpace(page.Synopsis), $"{cmdlet}: the SYNOPSIS is empty.");
        Assert.True(page.Description.Length >= 200, $"{cmdlet}: the DESCRIPTION is {page.Description.Length} characters; describe the cmdlet.");
        AssertNone(page.ParameterSections.Where(section => section.Prose.Length == 0).Select(section => $"{cmdlet} {section.Title}: no description"));
        Assert.DoesNotMatch(@"\{\{\s*(Fill|Insert|Add)\b", page.Page.Root.AllText);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Inputs_and_outputs_name_the_types(string cmdlet)
    {
        var type = CmdletType(cmdlet);
        var page = Page(cmdlet);
        var outputs = Attributes(type, typeof(OutputTypeAttribute))
            .SelectMany(attribute => (IEnumerable<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!)
            .Select(argument => (Type)argument.Value!)
            .Select(output => output == typeof(void) ? "None" : output.FullName!);
        var takesPipelineInput = CodeParameters.Of(type).Any(parameter => parameter.Sets.Any(set => set.ValueFromPipeline || set.ValueFromPipelineByPropertyName));

        AssertNone(outputs.Except(page.TypesUnder("OUTPUTS")).Select(output => $"{cmdlet}: OUTPUTS does not name {output}"));
        Assert.NotEmpty(page.TypesUnder("INPUTS"));
        Assert.Equal(!takesPipelineInput, page.TypesUnder("INPUTS").SequenceEqual(new[] { "None" }));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_page_has_interactive_CSV_and_runbook_examples_each_explained(string cmdlet)
    {
        var examples = Page(cmdlet).Examples;

        Assert.True(examples.Count >= 3, $"{cmdlet}: {examples.Count} examples; at least 3 are needed.");
        Assert.All(examples, example =>
        {
            Assert.Matches(@"^Example \d+ - \S", example.Title);
            Assert.Contains(example.CodeBlocks, block => block.Info == "powershell");
            Assert.True(example.Prose.Length > 0, $"{cmdlet} '{example.Title}': no explanation.");
        });
        AssertNone(examples.Where(example => !Code(example).Contains(cmdlet, StringComparison.Ordinal)).Select(example => $"{cmdlet} '{example.Title}': does not use {cmdlet}"));
        Assert.Contains(examples, example => Regex.IsMatch(Code(example), @"Import-Csv[\s\S]*\|\s*(Connect-ExotelCall|Start-ExotelFlowCall)[\s\S]*\|\s*Wait-ExotelCall[\s\S]*\|\s*Export-Csv"));
        Assert.Contains(examples, example => Regex.IsMatch(Code(example), @"Get-AutomationPSCredential|\$env:EXOTEL_"));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Examples_call_ExotelPS_cmdlets_only_with_their_real_parameters(string cmdlet)
    {
        var misuses = Page(cmdlet).Examples.SelectMany(example => Misuses(Code(example))).Select(misuse => $"{cmdlet} examples: {misuse}");

        AssertNone(misuses);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/en-US/about_ExotelPS.md")]
    public void Examples_in_a_document_call_ExotelPS_cmdlets_only_with_their_real_parameters(string document)
    {
        var page = MarkdownPage.Load(Repository.PathOf(document.Split('/')));
        var code = Sections(page.Root).SelectMany(section => section.CodeBlocks).Where(block => block.Info == "powershell").Select(block => block.Code).ToArray();

        Assert.NotEmpty(code);
        AssertNone(code.SelectMany(Misuses).Select(misuse => $"{document}: {misuse}"));
    }

    [Fact]
    public void The_module_page_links_every_cmdlet_page()
    {
        var page = MarkdownPage.Load(Path.Combine(HelpFolder, ModuleName + ".md"));

        Assert.Equal("module", page.Meta("document type"));
        Assert.Equal(ModuleName, page.Meta("Module Name"));
        Assert.Equal(Regex.Match(Repository.ReadAllText("ExotelPS.psd1"), @"GUID\s*=\s*'([^']+)'").Groups[1].Value, page.Meta("Module Guid"));
        var linked = Sections(page.Root).Where(section => section.Level == 3 && section.Body.Length > 0).Select(section => section.Title);
        Assert.Equal(
            CmdletTypes.Select(CmdletName).Select(name => $"[{name}]({name}.md)").OrderBy(link => link, StringComparer.Ordinal),
            linked.OrderBy(link => link, StringComparer.Ordinal));
    }

    [Fact]
    public void The_about_topic_has_the_about_layout_and_is_not_mistaken_for_command_help()
    {
        var about = About();

        Assert.Equal("about_ExotelPS", about.Meta("title"));
        Assert.False(about.FrontMatter.ContainsKey("document type"), "An about topic must not claim a PlatyPS document type.");
        var headings = about.Root.Children.Select(section => section.Title).ToArray();
        Assert.Equal(new[] { "TOPIC", "SHORT DESCRIPTION", "LONG DESCRIPTION" }, headings.Take(3));
        Assert.Contains("SEE ALSO", headings);
        Assert.Equal("about_ExotelPS", about.Root.Child("TOPIC")!.Body);
        Assert.DoesNotContain("SYNOPSIS", headings);
    }

    [Theory]
    [MemberData(nameof(AboutSubjects))]
    public void The_about_topic_covers(string subject)
    {
        Assert.Contains(subject, About().Root.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_about_topic_explains_every_ErrorId()
    {
        var errorIds = Enum.GetValues<ExotelErrorKind>().Select(kind => ErrorCatalog.For(kind).ErrorId)
            .Concat(new[] { ErrorCatalog.NoSession, ErrorCatalog.SessionDisconnected, ErrorCatalog.InvalidConnectionSettings, ErrorCatalog.JournalUnavailable, ErrorCatalog.WaitTimeout, ErrorCatalog.InvalidCallbackPayload });
        var text = About().Root.AllText;

        AssertNone(errorIds.Where(errorId => !text.Contains(errorId, StringComparison.Ordinal)).Select(errorId => $"about_ExotelPS does not explain ErrorId {errorId}"));
    }

    /// <summary>Fails listing every problem in full (a collection assertion would cut long messages short).</summary>
    private static void AssertNone(IEnumerable<string> problems)
    {
        var all = problems.ToArray();
        Assert.True(all.Length == 0, string.Join(Environment.NewLine, all));
    }

    private static string PagePath(string cmdlet) => Path.Combine(HelpFolder, cmdlet + ".md");

    private static CommandHelpPage Page(string cmdlet) => new(MarkdownPage.Load(PagePath(cmdlet)));

    private static MarkdownPage About() => MarkdownPage.Load(Path.Combine(HelpFolder, "about_ExotelPS.md"));

    private static IEnumerable<MarkdownSection> Sections(MarkdownSection section) => section.Children.SelectMany(Sections).Prepend(section);

    private static string Code(MarkdownSection example) =>
        string.Join("\n", example.CodeBlocks.Where(block => block.Info == "powershell").Select(block => block.Code));

    /// <summary>Each parameter an ExotelPS command is given that is neither its own, an alias, nor a common parameter.</summary>
    private static IEnumerable<string> Misuses(string code) =>
        from command in ExampleCommands.In(code)
        let known = Known(command.Command)
        from parameter in command.Parameters
        where known is null || !known.Contains(parameter)
        select known is null ? $"{command.Command} is not an ExotelPS cmdlet" : $"{command.Command} has no parameter -{parameter}";

    private static HashSet<string>? Known(string cmdlet) =>
        CmdletTypes.Any(type => CmdletName(type) == cmdlet)
            ? CodeParameters.Of(CmdletType(cmdlet)).SelectMany(parameter => parameter.Aliases.Prepend(parameter.Name)).Concat(CommonParameters).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
}

namespace ExotelPS.Module.Tests.Help;

/// <summary>A PlatyPS v2 cmdlet page (schema 2024-05-01) read into the parts the tests compare with the code.</summary>
internal sealed class CommandHelpPage
{
    /// <summary>The level-2 sections of a cmdlet page, in the order PlatyPS writes and reads them.</summary>
    public static readonly string[] SectionOrder =
    {
        "SYNOPSIS", "SYNTAX", "ALIASES", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private const string DefaultMarker = " (Default)";

    public CommandHelpPage(MarkdownPage page)
    {
        Page = page;
        var titles = page.Root.Children.Where(section => section.Level == 1).ToArray();
        Body = titles.Length == 1 ? titles[0] : throw new FormatException($"{page.Name}: expected one '# <cmdlet name>' heading, found {titles.Length}.");
    }

    public MarkdownPage Page { get; }

    /// <summary>The '# Name' heading and everything under it.</summary>
    public MarkdownSection Body { get; }

    public string Name => Body.Title;

    public string Synopsis => Section("SYNOPSIS").Body;

    public string Description => Section("DESCRIPTION").Body;

    /// <summary>The level-2 section titles in page order.</summary>
    public IReadOnlyList<string> SectionTitles => Body.Children.Select(section => section.Title).ToArray();

    /// <summary>Each '### SetName' of SYNTAX: the set name without ' (Default)', whether it is marked default, and its syntax line.</summary>
    public IReadOnlyList<(string Set, bool IsDefault, string Syntax)> Syntax => Section("SYNTAX").Children
        .Select(set => (
            set.Title.Replace(DefaultMarker, string.Empty, StringComparison.Ordinal),
            set.Title.EndsWith(DefaultMarker, StringComparison.Ordinal),
            set.CodeBlocks.Count == 1 ? set.CodeBlocks[0].Code : throw new FormatException($"{Page.Name}: SYNTAX '{set.Title}' needs exactly one code block.")))
        .ToArray();

    public IReadOnlyList<MarkdownSection> Examples => Section("EXAMPLES").Children;

    /// <summary>The '### -Name' sections of PARAMETERS, in page order.</summary>
    public IReadOnlyList<MarkdownSection> ParameterSections =>
        Section("PARAMETERS").Children.Where(section => section.Title.StartsWith('-')).ToArray();

    public bool MentionsCommonParameters => Section("PARAMETERS").Child("CommonParameters") is not null;

    /// <summary>The '### Type' entries of INPUTS or OUTPUTS.</summary>
    public IReadOnlyList<string> TypesUnder(string section) => Section(section).Children.Select(child => child.Title).ToArray();

    public MarkdownSection Section(string title) =>
        Body.Child(title) ?? throw new FormatException($"{Page.Name}: no '## {title}' section.");

    /// <summary>A parameter's facts as its yaml block states them.</summary>
    public ParameterFacts Facts(MarkdownSection parameter)
    {
        var where = $"{Page.Name} {parameter.Title}";
        var yaml = parameter.CodeBlocks.Where(block => block.Info == "yaml").ToArray();
        if (yaml.Length != 1)
        {
            throw new FormatException($"{where}: needs exactly one ```yaml block, found {yaml.Length}.");
        }

        var fields = YamlSubset.Parse(yaml[0].Code.Split('\n'), where);
        T Field<T>(string key) where T : class =>
            fields.TryGetValue(key, out var value)
                ? value as T ?? throw new FormatException($"{where}: '{key}' is not a {typeof(T).Name}.")
                : throw new FormatException($"{where}: the yaml block has no '{key}'.");
        bool Flag(IReadOnlyDictionary<string, string> map, string key) =>
            map.TryGetValue(key, out var text) && bool.TryParse(text, out var flag) ? flag : throw new FormatException($"{where}: '{key}' is not true or false.");

        foreach (var required in new[] { "DefaultValue", "SupportsWildcards", "ParameterValue", "HelpMessage" })
        {
            Field<object>(required);
        }

        var sets = fields.TryGetValue("ParameterSets", out var value) && value is IReadOnlyList<IReadOnlyDictionary<string, string>> maps
            ? maps
            : throw new FormatException($"{where}: 'ParameterSets' is not a list of Name/Position/IsRequired/... entries.");
        return new ParameterFacts(
            parameter.Title[1..],
            Field<string>("Type"),
            Field<IReadOnlyList<string>>("Aliases"),
            sets.Select(set => new ParameterSetFacts(
                set.TryGetValue("Name", out var name) ? name : throw new FormatException($"{where}: a parameter set has no Name."),
                set.TryGetValue("Position", out var position) ? position : throw new FormatException($"{where}: set '{name}' has no Position."),
                Flag(set, "IsRequired"),
                Flag(set, "ValueFromPipeline"),
                Flag(set, "ValueFromPipelineByPropertyName"),
                Flag(set, "ValueFromRemainingArguments"))).ToArray(),
            bool.TryParse(Field<string>("DontShow"), out var dontShow) ? dontShow : throw new FormatException($"{where}: 'DontShow' is not true or false."),
            Field<IReadOnlyList<string>>("AcceptedValues"));
    }
}

using ExotelPS.Pipeline;
using System.Management.Automation;
using System.Reflection;
using static ExotelPS.Module.Tests.Surface.CmdletMetadata;

namespace ExotelPS.Module.Tests.Help;

/// <summary>
/// The parameters Get-Help should show for a cmdlet, read from its metadata: its own, plus those PowerShell adds
/// for SupportsShouldProcess (-WhatIf, -Confirm) and SupportsPaging (-First, -Skip, -IncludeTotalCount).
/// </summary>
internal static class CodeParameters
{
    private const string CodeAllSets = "__AllParameterSets";

    public static IReadOnlyList<ParameterFacts> Of(Type cmdlet)
    {
        var declared = Parameters(cmdlet).Values.Select(FactsOf);
        var added = Enumerable.Empty<ParameterFacts>();
        if (CmdletNamed<bool>(cmdlet, nameof(CmdletAttribute.SupportsShouldProcess)))
        {
            added = added.Concat(ShouldProcessParameters);
        }

        if (CmdletNamed<bool>(cmdlet, nameof(CmdletAttribute.SupportsPaging)))
        {
            added = added.Concat(PagingParameters);
        }

        return declared.Concat(added).OrderBy(parameter => parameter.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The parameter sets the cmdlet declares, or __AllParameterSets when it declares none.</summary>
    public static IReadOnlyList<string> SetsOf(Type cmdlet)
    {
        var named = Parameters(cmdlet).Values.SelectMany(ParameterSets).Where(set => set != CodeAllSets).Distinct().OrderBy(set => set, StringComparer.Ordinal).ToArray();
        return named.Length > 0 ? named : new[] { CodeAllSets };
    }

    public static string? DefaultSetOf(Type cmdlet) => CmdletNamed<string>(cmdlet, nameof(CmdletAttribute.DefaultParameterSetName));

    // Added by PowerShell itself, as its ShouldProcessParameters and PagingParameters classes declare them.
    private static IEnumerable<ParameterFacts> ShouldProcessParameters => new[]
    {
        Added("Confirm", typeof(SwitchParameter), "cf"),
        Added("WhatIf", typeof(SwitchParameter), "wi"),
    };

    private static IEnumerable<ParameterFacts> PagingParameters => new[]
    {
        Added("First", typeof(ulong)),
        Added("IncludeTotalCount", typeof(SwitchParameter)),
        Added("Skip", typeof(ulong)),
    };

    private static ParameterFacts Added(string name, Type type, params string[] aliases) =>
        new(name, type.ToString(), aliases, new[] { new ParameterSetFacts(ParameterFacts.AllSets, "Named", false, false, false, false) }, false, Array.Empty<string>());

    private static ParameterFacts FactsOf(PropertyInfo parameter) => new(
        parameter.Name,
        parameter.PropertyType.ToString(),
        Aliases(parameter),
        ParameterAttributes(parameter).Select(SetFactsOf).ToArray(),
        Flag(parameter, nameof(ParameterAttribute.DontShow)),
        AcceptedValuesOf(parameter));

    private static ParameterSetFacts SetFactsOf(CustomAttributeData attribute)
    {
        var set = Named<string>(attribute, nameof(ParameterAttribute.ParameterSetName));
        var position = attribute.NamedArguments.Any(named => named.MemberName == nameof(ParameterAttribute.Position))
            ? Named<int>(attribute, nameof(ParameterAttribute.Position)).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "Named";
        return new ParameterSetFacts(
            set is null or CodeAllSets ? ParameterFacts.AllSets : set,
            position,
            Named<bool>(attribute, nameof(ParameterAttribute.Mandatory)),
            Named<bool>(attribute, nameof(ParameterAttribute.ValueFromPipeline)),
            Named<bool>(attribute, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)),
            Named<bool>(attribute, nameof(ParameterAttribute.ValueFromRemainingArguments)));
    }

    /// <summary>A [ValidateSet]'s values, a completed choice's spellings, else an enumeration's names (of a nullable or array element too).</summary>
    private static IReadOnlyList<string> AcceptedValuesOf(PropertyInfo parameter)
    {
        if (Attribute(parameter, typeof(ArgumentCompleterAttribute)) is { } completer && (Type)completer.ConstructorArguments[0].Value! == typeof(WireNameCompleter))
        {
            return WireNameCompleter.ChoicesFor(parameter.Name).ToArray();
        }

        if (Attribute(parameter, typeof(ValidateSetAttribute)) is { } validateSet)
        {
            return ((IEnumerable<CustomAttributeTypedArgument>)validateSet.ConstructorArguments[0].Value!).Select(value => (string)value.Value!).ToArray();
        }

        var type = parameter.PropertyType.IsArray ? parameter.PropertyType.GetElementType()! : parameter.PropertyType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? Enum.GetNames(type) : Array.Empty<string>();
    }
}

using System.Management.Automation;
using System.Reflection;
using ExotelPS.Commands;

namespace ExotelPS.Module.Tests.Surface;

/// <summary>
/// Reads the cmdlet attributes from metadata. PowerShellStandard.Library's attribute constructors and setters are
/// empty, so instantiated attributes would say nothing; CustomAttributeData shows what the compiler wrote.
/// </summary>
internal static class CmdletMetadata
{
    public static Assembly ModuleAssembly => typeof(ConnectExotelCallCommand).Assembly;

    public static IReadOnlyList<Type> CmdletTypes { get; } = ModuleAssembly.GetTypes()
        .Where(type => Attribute(type, typeof(CmdletAttribute)) is not null)
        .OrderBy(type => type.Name)
        .ToArray();

    public static Type CmdletType(string name) => CmdletTypes.Single(type => CmdletName(type) == name);

    public static string Verb(Type cmdlet) => (string)Attribute(cmdlet, typeof(CmdletAttribute))!.ConstructorArguments[0].Value!;

    public static string Noun(Type cmdlet) => (string)Attribute(cmdlet, typeof(CmdletAttribute))!.ConstructorArguments[1].Value!;

    public static string CmdletName(Type cmdlet) => Verb(cmdlet) + "-" + Noun(cmdlet);

    public static T? CmdletNamed<T>(Type cmdlet, string name) => Named<T>(Attribute(cmdlet, typeof(CmdletAttribute))!, name);

    public static CustomAttributeData? Attribute(MemberInfo member, Type attributeType) =>
        member.GetCustomAttributesData().SingleOrDefault(data => data.AttributeType == attributeType);

    public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, Type attributeType) =>
        member.GetCustomAttributesData().Where(data => attributeType.IsAssignableFrom(data.AttributeType));

    public static T? Named<T>(CustomAttributeData attribute, string name)
    {
        var values = attribute.NamedArguments.Where(named => named.MemberName == name).Select(named => named.TypedValue.Value).ToArray();
        return values.Length == 0 ? default : (T?)values.Single();
    }

    /// <summary>Every PowerShell parameter of a cmdlet (inherited ones included), by name.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Parameters(Type cmdlet) => cmdlet
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => Attributes(property, typeof(ParameterAttribute)).Any())
        .ToDictionary(property => property.Name);

    public static PropertyInfo Parameter(string cmdlet, string parameter) => Parameters(CmdletType(cmdlet))[parameter];

    /// <summary>The [Parameter] attributes of a parameter: one per parameter set it belongs to.</summary>
    public static IReadOnlyList<CustomAttributeData> ParameterAttributes(PropertyInfo parameter) =>
        Attributes(parameter, typeof(ParameterAttribute)).ToArray();

    public static bool Flag(PropertyInfo parameter, string name) =>
        ParameterAttributes(parameter).Any(attribute => Named<bool>(attribute, name));

    public static IReadOnlyList<string> Aliases(PropertyInfo parameter) =>
        Attribute(parameter, typeof(AliasAttribute)) is { } alias
            ? ((IEnumerable<CustomAttributeTypedArgument>)alias.ConstructorArguments[0].Value!).Select(value => (string)value.Value!).ToArray()
            : Array.Empty<string>();

    public static IReadOnlyList<string> ParameterSets(PropertyInfo parameter) => ParameterAttributes(parameter)
        .Select(attribute => Named<string>(attribute, nameof(ParameterAttribute.ParameterSetName)) ?? "__AllParameterSets")
        .ToArray();
}

using System.Reflection;
using System.Runtime.CompilerServices;
using ExotelPS.Client;

namespace ExotelPS.Module.Tests.Surface;

/// <summary>What keeps ExotelPS.dll loadable before its resolver is installed, and free of other modules' packages.</summary>
public sealed class DependencyIsolationSurfaceTests
{
    private static readonly Assembly Module = CmdletMetadata.ModuleAssembly;
    private static readonly Assembly Engine = typeof(ExotelClient).Assembly;

    [Fact]
    public void The_module_assembly_references_only_PowerShell_the_engine_and_the_standard_library()
    {
        var references = Module.GetReferencedAssemblies().Select(name => name.Name).OrderBy(name => name);

        Assert.Equal(new[] { "ExotelPS.Client", "netstandard", "System.Management.Automation" }, references);
    }

    // Compiler-generated lambda caches are filled on first use, not when their type loads, so they are exempt.
    [Fact]
    public void No_static_field_holds_an_engine_type_so_loading_a_type_never_loads_the_engine_early()
    {
        var offenders = Module.GetTypes()
            .Where(type => !type.IsDefined(typeof(CompilerGeneratedAttribute)))
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(field => !field.IsLiteral && MentionsEngine(field.FieldType))
            .Select(field => $"{field.DeclaringType}.{field.Name}");

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_public_surface_shows_no_package_type_and_no_async_stream()
    {
        var exposed = Module.GetExportedTypes()
            .SelectMany(type => type.GetProperties().Select(property => property.PropertyType)
                .Concat(type.GetMethods().SelectMany(method => method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType))))
            .SelectMany(Flatten)
            .ToArray();

        Assert.NotEmpty(exposed);
        Assert.DoesNotContain(exposed, type => type.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(exposed, type => type.Namespace?.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(exposed, type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
    }

    private static bool MentionsEngine(Type type) => Flatten(type).Any(part => part.Assembly == Engine);

    private static IEnumerable<Type> Flatten(Type type)
    {
        var element = type.HasElementType ? type.GetElementType()! : type;
        yield return element;
        foreach (var argument in element.IsGenericType ? element.GetGenericArguments() : Type.EmptyTypes)
        {
            foreach (var part in Flatten(argument))
            {
                yield return part;
            }
        }
    }
}

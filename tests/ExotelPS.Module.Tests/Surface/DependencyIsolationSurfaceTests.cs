using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
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

    // PowerShell scans ExotelPS.dll (GetExportedTypes) before the module initializer installs the resolver, on both
    // editions: laying out an exported type must not need the engine.
    [Fact]
    public void PowerShell_can_scan_the_module_where_the_engine_cannot_be_found()
    {
        var context = new EngineMissingContext();
        try
        {
            var module = context.LoadFromAssemblyPath(Module.Location);

            var exported = module.GetExportedTypes();

            Assert.Contains(exported, type => type.FullName == typeof(Commands.ConnectExotelCallCommand).FullName);
            Assert.Contains(exported, type => type.FullName == typeof(ExotelSession).FullName);
        }
        finally
        {
            context.Unload();
        }
    }

    // Stricter than the layout rule, so that adding a parameter or property of an engine type fails here, not at Import-Module.
    [Fact]
    public void No_public_or_protected_member_of_an_exported_type_names_an_engine_type()
    {
        const BindingFlags Members = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var offenders = Module.GetExportedTypes().SelectMany(type =>
                type.GetProperties(Members).Where(property => IsVisible(property.GetMethod) || IsVisible(property.SetMethod))
                    .Where(property => MentionsEngine(property.PropertyType)).Select(property => $"{type.Name}.{property.Name}")
                    .Concat(type.GetFields(Members).Where(field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly)
                        .Where(field => MentionsEngine(field.FieldType)).Select(field => $"{type.Name}.{field.Name}"))
                    .Concat(type.GetMethods(Members).Where(IsVisible)
                        .Where(method => method.GetParameters().Any(parameter => MentionsEngine(parameter.ParameterType)) || MentionsEngine(method.ReturnType))
                        .Select(method => $"{type.Name}.{method.Name}()"))
                    .Concat(type.BaseType is { } baseType && MentionsEngine(baseType) ? new[] { $"{type.Name} : {baseType.Name}" } : Array.Empty<string>()))
            .ToList();

        Assert.Empty(offenders);
    }

    private static bool IsVisible(MethodBase? method) => method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

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

    /// <summary>A context in which ExotelPS.Client cannot be found, as before PowerShell runs the module initializer.</summary>
    private sealed class EngineMissingContext : AssemblyLoadContext
    {
        public EngineMissingContext()
            : base(nameof(EngineMissingContext), isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == Engine.GetName().Name
                ? throw new FileNotFoundException($"Could not load file or assembly '{assemblyName}'.")
                : null;
    }
}

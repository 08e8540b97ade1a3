using System.Reflection;
using System.Runtime.Loader;
using ExotelPS.Client;
using ExotelPS.LoadContext;

namespace ExotelPS.Module.Tests.Isolation;

/// <summary>
/// PowerShell 7's isolation for real: a Dependencies/Core folder (built beside the tests: the net8.0 engine and its
/// System.Text.Json package) loaded by ExotelPS's context while the default context keeps its own copies.
/// </summary>
[Collection(nameof(ProcessWideResolver))]
public sealed class LoadContextTests
{
    private static readonly string Dependencies = Path.Combine(AppContext.BaseDirectory, "Dependencies", "Core");

    [Fact]
    public void The_context_loads_the_engine_from_the_dependencies_folder()
    {
        var context = new DependencyLoadContext(Dependencies);

        var engine = context.LoadFromAssemblyName(new AssemblyName("ExotelPS.Client"));

        Assert.Equal(Path.Combine(Dependencies, "ExotelPS.Client.dll"), engine.Location);
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(engine));
        Assert.NotSame(typeof(ExotelClient).Assembly, engine);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(ExotelClient).Assembly));
    }

    [Fact]
    public void The_engine_gets_its_own_System_Text_Json_while_the_default_context_keeps_the_hosts()
    {
        var context = new DependencyLoadContext(Dependencies);
        var engine = context.LoadFromAssemblyName(new AssemblyName("ExotelPS.Client"));
        var jsonName = engine.GetReferencedAssemblies().SingleOrDefault(name => name.Name == "System.Text.Json") ?? new AssemblyName("System.Text.Json");

        var enginesJson = context.LoadFromAssemblyName(jsonName);
        var hostsJson = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("System.Text.Json"));

        Assert.Equal(Path.Combine(Dependencies, "System.Text.Json.dll"), enginesJson.Location);
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(enginesJson));
        Assert.NotEqual(enginesJson.Location, hostsJson.Location);
        Assert.Equal(8, enginesJson.GetName().Version!.Major);
        Assert.True(hostsJson.GetName().Version!.Major > 8);
    }

    [Fact]
    public void Anything_not_in_the_folder_is_left_to_the_default_context()
    {
        var context = new DependencyLoadContext(Dependencies);

        var runtime = context.LoadFromAssemblyName(new AssemblyName("System.Collections"));

        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(runtime));
    }

    [Fact]
    public void The_resolver_answers_the_default_context_for_the_engine_only()
    {
        var resolver = new EngineResolver(Dependencies);

        var engine = resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("ExotelPS.Client, Version=0.1.0.0"));

        Assert.NotNull(engine);
        Assert.Same(resolver.Context, AssemblyLoadContext.GetLoadContext(engine));
        Assert.Null(resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("System.Text.Json")));
        Assert.Null(resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("Newtonsoft.Json")));
    }
}

using System.Reflection;
using ExotelPS.Isolation;
using ExotelPS.LoadContext;

namespace ExotelPS.Module.Tests.Isolation;

/// <summary>Tests that install or read the process-wide resolver run one at a time.</summary>
[CollectionDefinition(nameof(ProcessWideResolver), DisableParallelization = true)]
public sealed class ProcessWideResolver
{
}

[Collection(nameof(ProcessWideResolver))]
public sealed class ModuleInitializerTests
{
    [Fact]
    public void On_PowerShell_7_import_installs_the_engine_resolver_over_Dependencies_Core_and_removal_uninstalls_it()
    {
        var initializer = new ModuleInitializer();
        Assert.False(ModuleInitializer.IsDesktop);

        initializer.OnImport();
        try
        {
            Assert.NotNull(EngineResolver.Installed);
            Assert.Equal(Path.Combine(ModuleInitializer.ModuleDirectory, "Dependencies", "Core"), EngineResolver.Installed!.Context.DependencyDirectory);
        }
        finally
        {
            initializer.OnRemove(null!);
        }

        Assert.Null(EngineResolver.Installed);
    }

    [Fact]
    public void A_reimport_hooks_the_same_context_so_engine_types_keep_their_identity()
    {
        var initializer = new ModuleInitializer();

        initializer.OnImport();
        var first = EngineResolver.Installed!.Context;
        initializer.OnRemove(null!);
        initializer.OnImport();
        try
        {
            Assert.Same(first, EngineResolver.Installed!.Context);
        }
        finally
        {
            initializer.OnRemove(null!);
        }
    }

    [Fact]
    public void The_Windows_PowerShell_resolver_answers_only_for_files_in_its_folder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Dependencies", "Core");
        var resolver = new DesktopDependencyResolver(folder);

        Assert.Equal(Path.Combine(folder, "ExotelPS.Client.dll"), resolver.PathFor(new AssemblyName("ExotelPS.Client, Version=0.1.0.0, Culture=neutral")));
        Assert.Equal(Path.Combine(folder, "System.Text.Json.dll"), resolver.PathFor(new AssemblyName("System.Text.Json")));
        Assert.Null(resolver.PathFor(new AssemblyName("Newtonsoft.Json")));
        Assert.Null(resolver.PathFor(new AssemblyName("System.Management.Automation")));
    }
}

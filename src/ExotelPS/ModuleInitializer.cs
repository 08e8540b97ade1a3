using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using ExotelPS.Isolation;

namespace ExotelPS;

/// <summary>
/// Runs when the module is imported, before any cmdlet touches an engine type, and installs the resolver that
/// loads ExotelPS.Client and its packages from the module's Dependencies folder, so they cannot clash with another
/// module's versions. PowerShell 7 gets its own AssemblyLoadContext; Windows PowerShell 5.1 an AssemblyResolve handler.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string CoreResolverAssembly = "ExotelPS.LoadContext.dll";
    private const string CoreResolverType = "ExotelPS.LoadContext.EngineResolver";

    private static DesktopDependencyResolver? desktopResolver;
    private static Type? coreResolver;

    /// <summary>True on Windows PowerShell 5.1 (.NET Framework); false on PowerShell 7 (.NET).</summary>
    internal static bool IsDesktop => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>The folder ExotelPS.dll was loaded from: the module's root.</summary>
    internal static string ModuleDirectory => Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    /// <summary>Installs the resolver for this edition of PowerShell (once per process; runspaces share it).</summary>
    public void OnImport()
    {
        var dependencies = Path.Combine(ModuleDirectory, "Dependencies");
        if (IsDesktop)
        {
            desktopResolver ??= new DesktopDependencyResolver(Path.Combine(dependencies, "Desktop"));
            desktopResolver.Install();
        }
        else
        {
            // ExotelPS.dll targets netstandard2.0 and cannot name AssemblyLoadContext: the net8.0 helper does the hooking.
            coreResolver ??= Assembly.LoadFrom(Path.Combine(ModuleDirectory, CoreResolverAssembly)).GetType(CoreResolverType, throwOnError: true);
            coreResolver!.GetMethod("Install")!.Invoke(null, new object[] { Path.Combine(dependencies, "Core") });
        }
    }

    /// <summary>Removes the resolver when the module is removed.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        desktopResolver?.Uninstall();
        coreResolver?.GetMethod("Uninstall")!.Invoke(null, null);
    }
}

using System.Reflection;
using System.Runtime.Loader;

namespace ExotelPS.LoadContext;

/// <summary>
/// ExotelPS's own load context: it serves ExotelPS.Client and the packages beside it from one folder, and leaves
/// every other assembly (PowerShell, the BCL) to the default context. Another module's System.Text.Json, for
/// instance, then never meets ours.
/// </summary>
public sealed class DependencyLoadContext : AssemblyLoadContext
{
    /// <summary>Creates the context over a folder of assemblies (the module's Dependencies/Core).</summary>
    public DependencyLoadContext(string dependencyDirectory)
        : base("ExotelPS", isCollectible: false)
    {
        DependencyDirectory = dependencyDirectory;
    }

    /// <summary>The folder this context loads from.</summary>
    public string DependencyDirectory { get; }

    /// <summary>Loads <paramref name="assemblyName"/> from the folder when it is there; null defers to the default context.</summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(DependencyDirectory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}

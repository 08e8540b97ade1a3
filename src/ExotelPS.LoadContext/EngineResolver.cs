using System.Reflection;
using System.Runtime.Loader;

namespace ExotelPS.LoadContext;

/// <summary>
/// Points the default load context at <see cref="DependencyLoadContext"/> for ExotelPS.Client only: when ExotelPS.dll
/// first needs the engine, the default context fails to find it and asks here. Everything the engine needs then
/// resolves inside the dependency context. Called by ExotelPS's module initializer through reflection.
/// </summary>
public sealed class EngineResolver
{
    /// <summary>The one assembly the default context is told where to find.</summary>
    public const string EngineAssemblyName = "ExotelPS.Client";

    private static EngineResolver? current;
    private static bool hooked;

    /// <summary>Creates a resolver with its own context over <paramref name="dependencyDirectory"/>.</summary>
    public EngineResolver(string dependencyDirectory) => Context = new DependencyLoadContext(dependencyDirectory);

    /// <summary>The context the engine loads into.</summary>
    public DependencyLoadContext Context { get; }

    /// <summary>The resolver hooked into the default context now, if any.</summary>
    public static EngineResolver? Installed => hooked ? current : null;

    /// <summary>
    /// Hooks the default context's Resolving event. The process keeps one resolver and so one copy of the engine:
    /// a re-import (Import-Module -Force) hooks the same context again, so engine types keep their identity.
    /// </summary>
    public static void Install(string dependencyDirectory)
    {
        if (hooked)
        {
            return;
        }

        current ??= new EngineResolver(dependencyDirectory);
        AssemblyLoadContext.Default.Resolving += current.Resolve;
        hooked = true;
    }

    /// <summary>Unhooks what <see cref="Install"/> hooked.</summary>
    public static void Uninstall()
    {
        if (hooked)
        {
            AssemblyLoadContext.Default.Resolving -= current!.Resolve;
            hooked = false;
        }
    }

    /// <summary>The engine from the dependency context when <paramref name="assemblyName"/> is the engine; otherwise null.</summary>
    public Assembly? Resolve(AssemblyLoadContext context, AssemblyName assemblyName) =>
        string.Equals(assemblyName.Name, EngineAssemblyName, StringComparison.Ordinal)
            ? Context.LoadFromAssemblyName(assemblyName)
            : null;
}

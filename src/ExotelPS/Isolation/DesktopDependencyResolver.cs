using System.Reflection;

namespace ExotelPS.Isolation;

/// <summary>
/// Windows PowerShell 5.1: answers <see cref="AppDomain.AssemblyResolve"/> for the engine and its packages, and only
/// for files that are in the module's Dependencies/Desktop folder, so it never hijacks another module's load.
/// </summary>
internal sealed class DesktopDependencyResolver
{
    private readonly string directory;
    private bool installed;

    public DesktopDependencyResolver(string directory) => this.directory = directory;

    /// <summary>Hooks AssemblyResolve; a second import in another runspace finds it hooked already.</summary>
    public void Install()
    {
        if (!installed)
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            installed = true;
        }
    }

    public void Uninstall()
    {
        AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        installed = false;
    }

    /// <summary>The file that would serve <paramref name="assemblyName"/>, or null when the folder has none.</summary>
    public string? PathFor(AssemblyName assemblyName)
    {
        var path = Path.Combine(directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? path : null;
    }

    private Assembly? Resolve(object? sender, ResolveEventArgs args) =>
        PathFor(new AssemblyName(args.Name)) is { } path ? Assembly.LoadFrom(path) : null;
}

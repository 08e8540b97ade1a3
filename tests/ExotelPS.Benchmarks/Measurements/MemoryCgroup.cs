using System.Globalization;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>
/// A Linux memory cgroup capped at a number of bytes, made for one run and removed after: how a container caps a
/// process, standing in for Azure Automation's 400 MB (which stops a job over it; how the sandbox enforces that is not
/// documented). The .NET runtime reads a cgroup's cap at start and runs its collector against it (a heap limit at 75% of
/// it, harder collections near it), where an uncapped machine lets garbage wait. A run that goes over is killed by the
/// kernel.
/// </summary>
internal sealed class MemoryCgroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup";

    private readonly string folder;
    private readonly bool isVersion1;

    private MemoryCgroup(string folder, bool isVersion1)
    {
        this.folder = folder;
        this.isVersion1 = isVersion1;
    }

    /// <summary>The file a process joins the cgroup by writing its id to.</summary>
    public string ProcessesFile => Path.Combine(folder, "cgroup.procs");

    /// <summary>Times the kernel killed a process of the cgroup for going over its cap.</summary>
    public int OutOfMemoryKills => isVersion1
        ? Value(Path.Combine(folder, "memory.oom_control"), "oom_kill")
        : Value(Path.Combine(folder, "memory.events"), "oom_kill");

    /// <summary>A new cgroup capped at <paramref name="bytes"/>; null where this machine cannot make one (not Linux, not root, no memory controller).</summary>
    public static MemoryCgroup? TryCreate(long bytes)
    {
        var name = $"exotelps-benchmark-{Environment.ProcessId}";
        var limit = bytes.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (Directory.Exists(Path.Combine(Root, "memory")))
            {
                var folder = Directory.CreateDirectory(Path.Combine(Root, "memory", name)).FullName;
                File.WriteAllText(Path.Combine(folder, "memory.limit_in_bytes"), limit);
                return new MemoryCgroup(folder, isVersion1: true);
            }

            if (File.Exists(Path.Combine(Root, "cgroup.controllers")) && File.ReadAllText(Path.Combine(Root, "cgroup.controllers")).Contains("memory", StringComparison.Ordinal))
            {
                var folder = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
                File.WriteAllText(Path.Combine(folder, "memory.max"), limit);
                File.WriteAllText(Path.Combine(folder, "memory.swap.max"), "0");
                return new MemoryCgroup(folder, isVersion1: false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not root, or a read-only cgroup tree: the capped run is skipped.
        }

        return null;
    }

    /// <summary>Removes the cgroup (its processes have ended).</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(folder);
        }
        catch (IOException)
        {
            // A process still in it: left for the machine's next start.
        }
    }

    private static int Value(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Select(line => line.Split(' ')).Where(parts => parts.Length == 2 && parts[0] == key).Select(parts => int.Parse(parts[1], CultureInfo.InvariantCulture)).FirstOrDefault()
            : 0;
}

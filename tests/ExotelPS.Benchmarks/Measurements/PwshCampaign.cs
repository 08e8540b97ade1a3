using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>
/// Runs Scripts/Campaign.ps1 in a fresh pwsh (the repository's local .NET tool) and reads back its figures, sampling
/// the pwsh process's working set meanwhile. The account goes in environment variables, never on the command line.
/// </summary>
internal static class PwshCampaign
{
    // A run that takes longer than this is stopped: the benchmark stays minutes, not hours.
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>The repository root: where the tool manifest, the built module and the script are.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The module build.ps1 -Task Build writes.</summary>
    public static string Module => Path.Combine(Root, "out", "ExotelPS", "ExotelPS.psd1");

    public static Task<PwshFigures> RunAsync(string mode, string csv, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments) =>
        RunAsync(mode, csv, environment, DefaultLimit, arguments);

    /// <summary>As above, stopped after <paramref name="limit"/> (a long campaign's memory run needs more than the default).</summary>
    public static Task<PwshFigures> RunAsync(string mode, string csv, IReadOnlyDictionary<string, string>? environment, TimeSpan limit, params string[] arguments) =>
        RunAsync(mode, csv, environment, limit, cgroup: null, arguments);

    /// <summary>As above, pwsh started inside <paramref name="cgroup"/> (its memory capped), when one is given.</summary>
    public static async Task<PwshFigures> RunAsync(
        string mode, string csv, IReadOnlyDictionary<string, string>? environment, TimeSpan limit, MemoryCgroup? cgroup, params string[] arguments)
    {
        var command = new[] { "dotnet", "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(Root, "tests", "ExotelPS.Benchmarks", "Scripts", "Campaign.ps1"), "-Mode", mode, "-Csv", csv, "-Module", Module }.Concat(arguments);

        // In a cgroup: a shell joins it, then becomes dotnet, so pwsh starts inside and its runtime reads the cap.
        var start = new ProcessStartInfo(cgroup is null ? "dotnet" : "/bin/sh") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in cgroup is null ? command.Skip(1) : new[] { "-c", "echo $$ > \"$0\" && exec \"$@\"", cgroup.ProcessesFile }.Concat(command))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var shell = Process.Start(start) ?? throw new InvalidOperationException("dotnet pwsh did not start.");
        var errors = shell.StandardError.ReadToEndAsync();
        var pidLine = await shell.StandardOutput.ReadLineAsync() ?? string.Empty;
        var samples = new List<long>();
        using var stop = new CancellationTokenSource(limit);
        var sampling = pidLine.StartsWith("pid ", StringComparison.Ordinal)
            ? SampleAsync(int.Parse(pidLine[4..], CultureInfo.InvariantCulture), samples, stop.Token)
            : Task.CompletedTask;
        var rest = await shell.StandardOutput.ReadToEndAsync(stop.Token);
        await shell.WaitForExitAsync(stop.Token);
        await sampling;
        var json = rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(line => line.StartsWith('{'));
        if (shell.ExitCode != 0 || json is null)
        {
            throw new InvalidOperationException($"Campaign.ps1 -Mode {mode} failed ({shell.ExitCode}): {await errors}{rest}");
        }

        var figures = JsonSerializer.Deserialize<PwshFigures>(json) ?? throw new InvalidOperationException("No figures from Campaign.ps1.");
        figures.WorkingSetSamples = samples;
        return figures;
    }

    private static async Task SampleAsync(int pid, List<long> samples, CancellationToken cancellationToken)
    {
        try
        {
            using var child = Process.GetProcessById(pid);
            while (!child.HasExited && !cancellationToken.IsCancellationRequested)
            {
                child.Refresh();
                if (child.WorkingSet64 > 0)
                {
                    // Zero once the process has just exited.
                    samples.Add(child.WorkingSet64);
                }

                await Task.Delay(SampleEvery, cancellationToken);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OperationCanceledException)
        {
            // The process ended between two samples.
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ExotelPS.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ExotelPS.sln) was not found above the benchmark.");
    }
}

/// <summary>What Campaign.ps1 prints, plus the working set the benchmark sampled.</summary>
internal sealed class PwshFigures
{
    public long Outputs { get; set; }

    public long Errors { get; set; }

    public double CpuMs { get; set; }

    public double WallMs { get; set; }

    public long PeakWorkingSet { get; set; }

    public long HeapAfterRun { get; set; }

    public IReadOnlyList<long> WorkingSetSamples { get; set; } = Array.Empty<long>();
}

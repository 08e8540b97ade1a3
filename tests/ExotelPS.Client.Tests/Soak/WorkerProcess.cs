using System.Diagnostics;
using System.Reflection;

namespace ExotelPS.Client.Tests.Soak;

/// <summary>The soak worker (<c>ExotelPS.Benchmarks worker</c>) running in a process of its own.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> output;
    private readonly Task<string> errors;

    private WorkerProcess(Process process)
    {
        this.process = process;

        // Read both pipes from the start, so a full pipe never blocks the worker.
        output = process.StandardOutput.ReadToEndAsync();
        errors = process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>dotnet ExotelPS.Benchmarks.dll worker</c> with these arguments and environment variables.</summary>
    public static WorkerProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerPath());
        start.ArgumentList.Add("worker");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("The worker process did not start."));
    }

    /// <summary>Kills the worker and everything it started, with no chance to clean up, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Waits for the worker to finish by itself; fails the test with its error output when it does not, or fails.</summary>
    public async Task<string> WaitForSuccessAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the worker did not finish within {timeout}; its errors: {await errors}");
        }

        var text = await output;
        Assert.True(process.ExitCode == 0, $"the worker exited with {process.ExitCode}; its errors: {await errors}");
        return text;
    }

    /// <summary>The worker's error output so far, once it has exited.</summary>
    public Task<string> ErrorsAsync() => errors;

    /// <summary>One worker's command line and environment, to start it, and start it again on the same journal.</summary>
    public sealed record Launcher(IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Environment)
    {
        public WorkerProcess Start() => WorkerProcess.Start(Args, Environment);

        /// <summary>
        /// A worker on an account of its own, which it is given, as a runbook would be, through the environment;
        /// <paramref name="extra"/> adds switches (<c>--reconcile</c>, <c>--call-seconds</c>).
        /// </summary>
        public static Launcher For(EmulatorHost emulator, string journalPath, int rows, params string[] extra)
        {
            var (sid, key, token) = emulator.CreateCredentials();
            var environment = new Dictionary<string, string>
            {
                ["EXOTEL_ACCOUNT_SID"] = sid,
                ["EXOTEL_API_KEY"] = key,
                ["EXOTEL_API_TOKEN"] = token,
            };
            var args = new[]
            {
                "--base-uri", emulator.BaseUri.ToString(),
                "--rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--journal", journalPath,
                "--rate", "6000",
                "--in-flight", "16",
            };
            return new Launcher(args.Concat(extra).ToList(), environment);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    // Written into this assembly at build time by the LocateSoakWorker target of the test project.
    private static string WorkerPath()
    {
        var path = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "SoakWorkerPath").Value;
        return File.Exists(path) ? path! : throw new FileNotFoundException($"The soak worker was not built where the build said: '{path}'.", path);
    }
}

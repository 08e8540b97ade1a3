using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ExotelPS.Client.Tests.Journal;

/// <summary>
/// Azurite's blob service (the npm package in tests/Azurite, installed by `npm ci` there) on 127.0.0.1 and a free
/// port, in memory unless given a folder; stopped by its process id. Makes account SAS tokens with the emulator's
/// published key.
/// </summary>
public sealed class Azurite : IDisposable
{
    public const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string SasVersion = "2019-12-12";

    private readonly string? location;
    private Process? process;

    private Azurite(int port, string? location)
    {
        Port = port;
        this.location = location;
        Start();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}/{Account}";

    /// <param name="location">A folder to keep data in, so a restart keeps it; null: in memory.</param>
    public static Azurite Start(string? location = null) => new(FreePort(), location);

    /// <summary>A free loopback port (for Azurite, or a proxy in front of it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An account SAS for the blob service (permissions as Azure spells them: r, a, c, w, d, l).</summary>
    public static string Sas(string permissions = "racwdl", DateTimeOffset? expiry = null)
    {
        var se = (expiry ?? DateTimeOffset.UtcNow.AddHours(1)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var toSign = string.Join("\n", Account, permissions, "b", "sco", string.Empty, se, string.Empty, string.Empty, SasVersion, string.Empty);
        using var hmac = new HMACSHA256(Convert.FromBase64String(Key));
        var sig = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign)));
        return $"sv={SasVersion}&ss=b&srt=sco&sp={permissions}&se={Uri.EscapeDataString(se)}&sig={Uri.EscapeDataString(sig)}";
    }

    /// <summary>Creates a container with a fresh name and returns the name.</summary>
    public string CreateContainer()
    {
        var name = "journals" + Guid.NewGuid().ToString("N").Substring(0, 12);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Endpoint}/{name}?restype=container&{Sas()}");
        request.Headers.Add("x-ms-version", SasVersion);
        using var response = http.Send(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    /// <summary>A journal URL in <paramref name="container"/>, with an account SAS.</summary>
    public string JournalUrl(string container, string blob = "calls.journal", string? sas = null, int? port = null) =>
        $"http://127.0.0.1:{port ?? Port}/{Account}/{container}/{blob}?{sas ?? Sas()}";

    /// <summary>Reads a blob whole (null when missing).</summary>
    public byte[]? Read(string container, string blob)
    {
        using var http = new HttpClient();
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, $"{Endpoint}/{container}/{blob}?{Sas()}"));
        return response.StatusCode == HttpStatusCode.NotFound ? null : response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Stops the emulator by its process id: killed, or with SIGTERM so that it saves its data folder first (it saves
    /// its metadata every few seconds, so a killed one would forget appends it had acknowledged).
    /// </summary>
    public void Stop(bool graceful = false)
    {
        if (process is { HasExited: false })
        {
            if (graceful && !OperatingSystem.IsWindows())
            {
                using var kill = Process.Start("kill", $"-s TERM {process.Id}");
                kill.WaitForExit();
            }
            else
            {
                process.Kill();
            }

            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Starts it again on the same port (and folder).</summary>
    public void Start()
    {
        var args = $"\"{Script()}\" --blobHost 127.0.0.1 --blobPort {Port} --silent --skipApiVersionCheck --loose --disableTelemetry "
            + (location is null ? "--inMemoryPersistence" : $"--location \"{location}\"");
        process = Process.Start(new ProcessStartInfo("node", args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Listening())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not start on port {Port} (exit code {(process.HasExited ? process.ExitCode : "none")}).");
            }

            Thread.Sleep(100);
        }
    }

    public void Dispose() => Stop();

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Script()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ExotelPS.sln")))
        {
            folder = folder.Parent;
        }

        var script = Path.Combine(folder?.FullName ?? ".", "tests", "Azurite", "node_modules", "azurite", "dist", "src", "blob", "main.js");
        return File.Exists(script)
            ? script
            : throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' in tests/Azurite (.ci/run does).");
    }
}

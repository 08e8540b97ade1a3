namespace ExotelPS.Client.Sandbox;

/// <summary>
/// The offline sandbox: a client whose requests never leave the process. It answers with the same rules as the
/// emulator (<see cref="ExotelSimulator"/>), so everything works end to end with no account and no network.
/// Status callbacks are not delivered in the sandbox.
/// </summary>
public static class ExotelSandbox
{
    /// <summary>The account SID sandbox calls are placed under.</summary>
    public const string AccountSid = "sandbox";

    private const string ApiKey = "sandbox-key";
    private const string ApiToken = "sandbox-token";
    private static int sandboxCount;

    /// <summary>
    /// A client on a fresh in-memory Exotel. Without <paramref name="simulatorOptions"/>, that Exotel allows the
    /// client's RequestsPerMinute and runs on the client's time, so a campaign can be rehearsed at the rate it will run
    /// at, or faster on a <see cref="ScaledTimeProvider"/>. With a <see cref="SimulatorOptions.Speed"/> other than 1,
    /// the client runs on the simulator's sped-up time (<see cref="ExotelSimulator.Time"/>): its throttle allows
    /// RequestsPerMinute per simulated minute, and its waits, pacing and reconciliation count simulated time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A simulator setting is out of range, named with its value.</exception>
    public static ExotelClient CreateClient(ExotelClientOptions? options = null, SimulatorOptions? simulatorOptions = null)
    {
        var simulator = new ExotelSimulator(simulatorOptions ?? SimulatorOptionsFor(options));
        return CreateClientFor(simulator, simulator.Options.Speed == 1 ? options : OnTime(options, simulator.Time));
    }

    /// <summary>The simulated Exotel a sandbox client gets by default: Exotel's behaviour at the client's own limit, on its time.</summary>
    internal static SimulatorOptions SimulatorOptionsFor(ExotelClientOptions? options)
    {
        options ??= new ExotelClientOptions();
        return new() { RequestsPerMinute = options.RequestsPerMinute, TimeProvider = options.TimeProvider };
    }

    /// <summary>
    /// A client on the given simulated Exotel, under <see cref="AccountSid"/> (registered on it here). The client runs
    /// on <paramref name="options"/>' time: to rehearse faster, give it the simulator's <see cref="ExotelSimulator.Time"/>.
    /// </summary>
    public static ExotelClient CreateClientFor(ExotelSimulator simulator, ExotelClientOptions? options = null)
    {
        simulator.AddAccount(AccountSid, ApiKey, ApiToken);

        // Each sandbox is its own Exotel, so each gets its own host and with it its own client-side throttle.
        var host = new Uri($"https://sandbox{Interlocked.Increment(ref sandboxCount)}.exotel.invalid/");
        var account = new ExotelAccount(AccountSid, ApiKey, ApiToken, host);
        return new ExotelClient(account, new HttpClient(new SandboxMessageHandler(simulator)) { BaseAddress = host }, options);
    }

    private static ExotelClientOptions OnTime(ExotelClientOptions? options, TimeProvider time)
    {
        var timed = options?.Clone() ?? new ExotelClientOptions();
        timed.TimeProvider = time;
        return timed;
    }
}

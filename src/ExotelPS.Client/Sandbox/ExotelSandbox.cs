namespace ExotelPS.Client.Sandbox;

/// <summary>
/// The offline sandbox: a client whose requests never leave the process. It answers with the same rules as the
/// emulator (<see cref="ExotelSimulator"/>), so everything works end to end with no account and no network.
/// </summary>
public static class ExotelSandbox
{
    /// <summary>The account SID sandbox calls are placed under.</summary>
    public const string AccountSid = "sandbox";

    /// <summary>A client on a fresh in-memory Exotel.</summary>
    public static ExotelClient CreateClient(ExotelClientOptions? options = null, SimulatorOptions? simulatorOptions = null)
        => throw new NotImplementedException();
}

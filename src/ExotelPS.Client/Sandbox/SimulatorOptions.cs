namespace ExotelPS.Client.Sandbox;

/// <summary>How the simulated Exotel behaves: its rate limit, how long calls take, and which faults it injects.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Requests a minute each account may make before 429.</summary>
    public int RequestsPerMinute { get; set; } = 200;
}

using System.Globalization;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Emulator;

/// <summary>How to start the emulator: where to listen, which accounts exist, how the simulated Exotel behaves.</summary>
public sealed class EmulatorSettings
{
    /// <summary>The account used when none is given (documented in README.md).</summary>
    public static readonly EmulatorAccount DefaultAccount = new("emulator", "emulator-key", "emulator-token");

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; } = 5099;

    /// <summary>Accounts to register; empty means <see cref="DefaultAccount"/>.</summary>
    public List<EmulatorAccount> Accounts { get; } = new();

    /// <summary>The accounts actually served: <see cref="Accounts"/>, or <see cref="DefaultAccount"/> when none is given.</summary>
    public IReadOnlyList<EmulatorAccount> EffectiveAccounts => Accounts.Count > 0 ? Accounts : new[] { DefaultAccount };

    /// <summary>The simulated Exotel's behaviour.</summary>
    public SimulatorOptions Simulator { get; set; } = new();

    /// <summary>Reads the command-line switches listed in README.md.</summary>
    /// <exception cref="ArgumentException">An unknown switch, a missing value or a value out of range.</exception>
    public static EmulatorSettings FromArgs(IReadOnlyList<string> args)
    {
        var settings = new EmulatorSettings();
        var simulator = settings.Simulator;
        var faults = simulator.Faults;
        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            var value = index + 1 < args.Count ? args[++index] : throw new ArgumentException($"Switch {name} needs a value.");
            switch (name)
            {
                case "--port": settings.Port = Int(name, value, 0, 65535); break;
                case "--account": settings.Accounts.Add(EmulatorAccount.Parse(value)); break;
                case "--no-v3": simulator.AccountsWithoutV3.Add(value); break;
                case "--rate": simulator.RequestsPerMinute = Int(name, value, 1, int.MaxValue); break;
                case "--ring-ms": simulator.RingDelay = Milliseconds(name, value); break;
                case "--talk-ms": simulator.TalkTime = Milliseconds(name, value); break;
                case "--ring-time": (simulator.RingDelay, simulator.RingDelaySpread) = SecondsRange(name, value); break;
                case "--talk-time": (simulator.TalkTime, simulator.TalkTimeSpread) = SecondsRange(name, value); break;
                case "--latency-ms": faults.Latency = Milliseconds(name, value); break;
                case "--jitter-ms": faults.LatencyJitter = Milliseconds(name, value); break;
                case "--error-rate": faults.ErrorRate = Share(name, value); break;
                case "--429-rate": faults.RateLimitRate = Share(name, value); break;
                case "--drop-rate": faults.DropRate = Share(name, value); break;
                case "--answer-lost-rate": faults.AnswerLostRate = Share(name, value); break;
                case "--drop-before-placing-rate": faults.DropBeforePlacingRate = Share(name, value); break;
                case "--slow-rate": faults.SlowRate = Share(name, value); break;
                case "--slow-ms": faults.SlowBodyTime = Milliseconds(name, value); break;
                case "--keep-calls": simulator.MaxRetainedCalls = Int(name, value, 1, int.MaxValue); break;
                case "--seed": simulator.Seed = Int(name, value, int.MinValue, int.MaxValue); break;
                case "--speed": simulator.Speed = Speed(name, value); break;
                case "--busy-share": simulator.BusyShare = Share(name, value); break;
                case "--no-answer-share": simulator.NoAnswerShare = Share(name, value); break;
                default: throw new ArgumentException($"Unknown switch '{name}'; see src/ExotelPS.Emulator/README.md.");
            }
        }

        return SimulatorOptions.SharesFit(simulator.BusyShare, simulator.NoAnswerShare)
            ? settings
            : throw new ArgumentException(
                $"Switches --busy-share {simulator.BusyShare.ToString(CultureInfo.InvariantCulture)} and --no-answer-share {simulator.NoAnswerShare.ToString(CultureInfo.InvariantCulture)} add up to more than 1: together they are the share of calls that do not complete.");
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"Switch {name} '{value}': must be a whole number from {min} to {max}.");

    private static TimeSpan Milliseconds(string name, string value) => TimeSpan.FromMilliseconds(Int(name, value, 0, int.MaxValue));

    private static (TimeSpan Least, TimeSpan Spread) SecondsRange(string name, string value) =>
        CallDurations.TryParseSeconds(value, out var least, out var spread, out var reason)
            ? (least, spread)
            : throw new ArgumentException($"Switch {name} '{value}': {reason}.");

    private static double Speed(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed >= SimulatorOptions.MinSpeed && speed <= SimulatorOptions.MaxSpeed
            ? speed
            : throw new ArgumentException($"Switch {name} '{value}': must be a number from {SimulatorOptions.MinSpeed} to {SimulatorOptions.MaxSpeed} (60: an hour in a minute).");

    private static double Share(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share >= 0 && share <= 1
            ? share
            : throw new ArgumentException($"Switch {name} '{value}': must be a share from 0 to 1, e.g. 0.05.");
}

using System.Globalization;
using ExotelPS.Client;

namespace ExotelPS.Benchmarks.Worker;

/// <summary>The soak worker's command line.</summary>
internal sealed record WorkerSettings(ExotelAccount Account, int Rows, string JournalPath, int RequestsPerMinute, int InFlight)
{
    public const string Usage =
        "usage: ExotelPS.Benchmarks worker --base-uri URI --rows N --journal PATH [--rate PER_MINUTE] [--in-flight N]"
        + " [--call-seconds N] [--reconcile SECONDS]"
        + " (account in EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY, EXOTEL_API_TOKEN)";

    /// <exception cref="ArgumentException">A switch is unknown, missing or out of range, or an account variable is unset.</exception>
    public static WorkerSettings Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index += 2)
        {
            var name = args[index];
            if (name is not ("--base-uri" or "--rows" or "--journal" or "--rate" or "--in-flight" or "--call-seconds" or "--reconcile"))
            {
                throw new ArgumentException($"Unknown switch '{name}'.");
            }

            values[name] = index + 1 < args.Count ? args[index + 1] : throw new ArgumentException($"Switch {name} needs a value.");
        }

        var baseUri = Uri.TryCreate(Required(values, "--base-uri"), UriKind.Absolute, out var uri)
            ? uri
            : throw new ArgumentException("Switch --base-uri needs an absolute URI.");
        string Variable(string name) => environment(name) is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"The environment variable {name} is required.");

        return new WorkerSettings(
            new ExotelAccount(Variable("EXOTEL_ACCOUNT_SID"), Variable("EXOTEL_API_KEY"), Variable("EXOTEL_API_TOKEN"), baseUri),
            Count(values, "--rows", null),
            Required(values, "--journal"),
            Count(values, "--rate", ExotelClientOptions.ExotelRequestsPerMinute),
            Count(values, "--in-flight", 10))
        {
            CallSeconds = values.ContainsKey("--call-seconds") ? Count(values, "--call-seconds", null) : null,
            ReconcileSeconds = values.ContainsKey("--reconcile") ? Count(values, "--reconcile", null) : null,
        };
    }

    /// <summary>Each row's TimeOut and TimeLimit, so that reconciliation's certainty comes soon; null: none given.</summary>
    public int? CallSeconds { get; init; }

    /// <summary>Reconcile the journal's rows in doubt before sending, waiting up to this long for certainty; null: not at all.</summary>
    public int? ReconcileSeconds { get; init; }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Switch {name} is required.");

    private static int Count(Dictionary<string, string> values, string name, int? defaultValue)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return defaultValue ?? throw new ArgumentException($"Switch {name} is required.");
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw new ArgumentException($"Switch {name} '{text}': must be a whole number, at least 1.");
    }
}

namespace ExotelPS.Client;

/// <summary>
/// A call's status as Exotel reports it. An open value: the six documented v1 statuses are named, and any
/// other value Exotel sends (v3 adds several) is kept as it came rather than rejected.
/// </summary>
public readonly struct CallStatus : IEquatable<CallStatus>
{
    private readonly string? value;

    /// <summary>
    /// Wraps a status value as Exotel sent it, in lower case; inner spaces become dashes, because Exotel's XML
    /// documentation writes <c>in progress</c> where JSON has <c>in-progress</c>.
    /// </summary>
    public CallStatus(string value) => this.value = Normalize(value);

    /// <summary>Waiting in line before going out.</summary>
    public static CallStatus Queued { get; } = new("queued");

    /// <summary>Ringing or answered and still going.</summary>
    public static CallStatus InProgress { get; } = new("in-progress");

    /// <summary>Answered and ended normally.</summary>
    public static CallStatus Completed { get; } = new("completed");

    /// <summary>Could not be completed as dialled.</summary>
    public static CallStatus Failed { get; } = new("failed");

    /// <summary>The called party was busy.</summary>
    public static CallStatus Busy { get; } = new("busy");

    /// <summary>Not answered within the ring timeout.</summary>
    public static CallStatus NoAnswer { get; } = new("no-answer");

    /// <summary>The documented v1 statuses.</summary>
    public static IReadOnlyList<CallStatus> Known { get; } = new[] { Queued, InProgress, Completed, Failed, Busy, NoAnswer };

    /// <summary>The status text, lower case; empty when Exotel sent none.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>True for one of the documented v1 statuses.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>True once the call can no longer change: completed, failed, busy or no-answer.</summary>
    public bool IsFinal => this == Completed || this == Failed || this == Busy || this == NoAnswer;

    /// <summary>Lets PowerShell and C# compare with plain strings: <c>$call.Status -eq 'completed'</c>.</summary>
    public static implicit operator CallStatus(string value) => new(value);

    /// <summary>Compares status values, ignoring case.</summary>
    public static bool operator ==(CallStatus left, CallStatus right) => left.Equals(right);

    /// <summary>Compares status values, ignoring case.</summary>
    public static bool operator !=(CallStatus left, CallStatus right) => !left.Equals(right);

    /// <summary>Parses a status; never fails, unknown values are kept.</summary>
    public static CallStatus Parse(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(CallStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CallStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The status text as Exotel writes it, e.g. <c>no-answer</c>.</summary>
    public override string ToString() => Value;

    // A campaign keeps every attempt's status and legs: a known status shares the one string its literal already is
    // (IsInterned only looks; it never adds, so unknown statuses cannot grow the pool).
    private static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var normalized = string.Join("-", text.ToLowerInvariant().Split(Array.Empty<char>(), StringSplitOptions.RemoveEmptyEntries));
        return string.IsInterned(normalized) ?? normalized;
    }
}

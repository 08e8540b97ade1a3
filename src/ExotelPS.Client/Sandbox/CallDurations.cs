using System.Globalization;

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// How long each simulated call rings and talks: drawn evenly between <see cref="SimulatorOptions.RingDelay"/> and
/// that plus <see cref="SimulatorOptions.RingDelaySpread"/> (talk alike), so pacing can be watched offline. Its own
/// seeded random source, drawn from only when a spread is set: the faults a seed gives stay the same.
/// </summary>
public sealed class CallDurations
{
    private readonly SimulatorOptions options;
    private readonly Random random;

    internal CallDurations(SimulatorOptions options)
    {
        this.options = options;
        random = new Random(unchecked((options.Seed * 31) + 7));
    }

    /// <summary>
    /// Reads a time in seconds, <c>20</c>, or a range <c>20-40</c> (decimals allowed: <c>0.2-0.5</c>), as its least
    /// value and its spread; false, with <paramref name="reason"/>, when it is not one.
    /// </summary>
    public static bool TryParseSeconds(string? text, out TimeSpan least, out TimeSpan spread, out string reason)
    {
        least = spread = TimeSpan.Zero;
        reason = "must be seconds (20) or a range of seconds (20-40), 0 to 86400";
        var parts = (text ?? string.Empty).Split('-');
        if (parts.Length > 2 || !TryReadSeconds(parts[0], out var low))
        {
            return false;
        }

        var high = low;
        if (parts.Length == 2 && (!TryReadSeconds(parts[1], out high) || high < low))
        {
            return false;
        }

        least = low;
        spread = high - low;
        return true;
    }

    /// <summary>This call's ring time (queued before in progress).</summary>
    internal TimeSpan Ring() => Draw(options.RingDelay, options.RingDelaySpread);

    /// <summary>This call's talk time (in progress before final).</summary>
    internal TimeSpan Talk() => Draw(options.TalkTime, options.TalkTimeSpread);

    private static bool TryReadSeconds(string text, out TimeSpan value)
    {
        var ok = double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 86400;
        value = ok ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        return ok;
    }

    private TimeSpan Draw(TimeSpan least, TimeSpan spread) =>
        spread <= TimeSpan.Zero ? least : least + TimeSpan.FromTicks((long)(spread.Ticks * random.NextDouble()));
}

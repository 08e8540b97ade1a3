namespace ExotelPS.Client;

/// <summary>
/// How much a dispatcher may have going at once: calls in flight (its own cap and the client's live window, the lower
/// of the two) and posted rows whose results are not taken yet (the backlog that bounds memory).
/// </summary>
internal sealed class DispatchLimits
{
    private readonly int? maxInFlight;
    private readonly Func<int>? inFlightLimit;
    private readonly int? maxBacklog;

    public DispatchLimits(DispatcherOptions options)
    {
        maxInFlight = options.MaxInFlight is null or >= 1
            ? options.MaxInFlight
            : throw new ArgumentOutOfRangeException(nameof(options), options.MaxInFlight, "MaxInFlight must be at least 1.");
        inFlightLimit = options.InFlightLimit;
        maxBacklog = options.MaxBacklog is null or >= 1
            ? options.MaxBacklog
            : throw new ArgumentOutOfRangeException(nameof(options), options.MaxBacklog, "MaxBacklog must be at least 1.");
    }

    /// <summary>Calls allowed in flight now: MaxInFlight and the live InFlightLimit, the lower of the two; neither given, the default.</summary>
    public int InFlightAllowed()
    {
        var window = inFlightLimit?.Invoke();
        return Math.Max(1, maxInFlight is int cap ? Math.Min(cap, window ?? cap) : window ?? DispatcherOptions.DefaultMaxInFlight);
    }

    /// <summary>Untaken results allowed before posting waits: MaxBacklog, else enough to keep the window full.</summary>
    public int BacklogAllowed() => maxBacklog ?? Math.Max(DispatcherOptions.DefaultMaxBacklog, 2 * InFlightAllowed());
}

namespace ExotelPS.Client;

/// <summary>How a <see cref="CallDispatcher{TInput}"/> runs.</summary>
public sealed class DispatcherOptions
{
    /// <summary>In flight at once, for a dispatcher over a function, when neither <see cref="MaxInFlight"/> nor <see cref="InFlightLimit"/> is given.</summary>
    public const int DefaultMaxInFlight = 10;

    /// <summary>The least <see cref="MaxBacklog"/> when it is not given.</summary>
    public const int DefaultMaxBacklog = 256;

    /// <summary>
    /// Most calls of this run being placed at once (a command's -ThrottleLimit); null: no cap of its own. A dispatcher
    /// over an <see cref="ExotelClient"/> needs none: the account's throttle caps every request in flight
    /// (<see cref="ExotelClient.InFlightLimit"/>), in one place.
    /// </summary>
    public int? MaxInFlight { get; set; }

    /// <summary>
    /// How many calls may be in flight now, read before each start: for a dispatcher over a function whose requests
    /// no account throttle caps (a dispatcher over a client follows the account's window without it). With
    /// <see cref="MaxInFlight"/> too, the lower of the two applies; with neither, 10.
    /// </summary>
    public Func<int>? InFlightLimit { get; set; }

    /// <summary>
    /// Most posted inputs without a taken result before <c>Post</c> waits: bounds memory on endless input. Null (the
    /// default): 256, or twice the calls allowed in flight (the account's window, over a client) when that is more, so
    /// the window can always be filled.
    /// </summary>
    public int? MaxBacklog { get; set; }

    /// <summary>
    /// Per-From pacing (a progressive dialer: one live call per agent, a wrap-up, an agent pool); null, the default
    /// here: none, every row goes as soon as the limits allow. The cmdlets pace by default.
    /// </summary>
    public Pacing.PacingOptions? Pacing { get; set; }
}

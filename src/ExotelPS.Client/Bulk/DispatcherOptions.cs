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
    /// over an <see cref="ExotelClient"/> follows the account's window (<see cref="ExotelClient.InFlightLimit"/>) too,
    /// the lower of the two.
    /// </summary>
    public int? MaxInFlight { get; set; }

    /// <summary>
    /// How many calls may be in flight now, read before each start, for a dispatcher over a function (a dispatcher
    /// over a client takes its rows' places from the account's own cap). With <see cref="MaxInFlight"/> too, the lower of the two
    /// applies; with neither, 10.
    /// </summary>
    public Func<int>? InFlightLimit { get; set; }

    /// <summary>
    /// Most posted inputs without a taken result before <c>Post</c> waits: bounds memory on endless input. Null (the
    /// default): 256, or twice the calls allowed in flight when that is more, so the window can always be filled.
    /// </summary>
    public int? MaxBacklog { get; set; }

    /// <summary>
    /// Per-From pacing (a progressive dialer: one live call per agent, a wrap-up, an agent pool); null, the default
    /// here: none, every row goes as soon as the limits allow. The cmdlets pace by default.
    /// </summary>
    public Pacing.PacingOptions? Pacing { get; set; }

    /// <summary>
    /// A campaign's rules (redials, calling windows); null, the default: each row is placed once. A campaign follows
    /// every call to its end, so it needs a client (the dispatcher's, or <see cref="Pacing"/>'s).
    /// </summary>
    public Campaigns.CampaignRules? Campaign { get; set; }

    /// <summary>With <see cref="Campaign"/>: how long after the start new attempts may start (-MaxRunTime); null: no limit.</summary>
    public TimeSpan? MaxRunTime { get; set; }
}

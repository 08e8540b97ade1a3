namespace ExotelPS.Client;

/// <summary>How a <see cref="CallDispatcher{TInput}"/> runs.</summary>
public sealed class DispatcherOptions
{
    /// <summary>Most calls being placed at once (the account's throttle still applies on top).</summary>
    public int MaxInFlight { get; set; } = 10;

    /// <summary>Most posted inputs without a taken result before <c>Post</c> waits: bounds memory on endless input.</summary>
    public int MaxBacklog { get; set; } = 256;

    /// <summary>Place again rows whose outcome an earlier run's journal records as unknown.</summary>
    public bool RetryUnknown { get; set; }
}

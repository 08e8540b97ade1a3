namespace ExotelPS.Client;

/// <summary>How a blob journal talks to storage; the defaults are what a run uses, tests shorten them.</summary>
internal sealed class BlobStoreOptions
{
    /// <summary>
    /// How long a lease lasts without renewal: the longest a run killed without releasing it blocks the next run.
    /// 15 seconds is the shortest lease Azure grants; it is renewed every third of that.
    /// </summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>How long a request is sent again after passing failures (500, 503, timeouts, resets) before the journal gives up.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Appends per blob before the journal goes on in the next: Azure's limit is 50,000 blocks per append blob.</summary>
    public int BlocksPerBlob { get; set; } = 50_000;

    /// <summary>The handler requests go through (tests put faults in it); null: a plain HttpClientHandler.</summary>
    public HttpMessageHandler? Handler { get; set; }
}

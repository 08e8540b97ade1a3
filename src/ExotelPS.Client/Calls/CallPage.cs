namespace ExotelPS.Client;

/// <summary>One page of a call listing, and where the next page is.</summary>
public sealed class CallPage
{
    /// <summary>The calls on this page, in the order Exotel sent them.</summary>
    public IReadOnlyList<ExotelCall> Calls { get; init; } = Array.Empty<ExotelCall>();

    /// <summary>Exotel's count of all matching calls, when it sends one.</summary>
    public int? Total { get; init; }

    /// <summary>The page size Exotel used.</summary>
    public int? PageSize { get; init; }

    /// <summary>The next page's URI exactly as Exotel gave it; null on the last page.</summary>
    public string? NextPageUri { get; init; }

    /// <summary>What could not be read from the page's Metadata (each call has its own); null when everything read.</summary>
    public string? ReadWarnings { get; init; }
}

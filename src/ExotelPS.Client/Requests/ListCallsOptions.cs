namespace ExotelPS.Client;

/// <summary>Filters for listing calls (<c>GET Calls.json</c>). Calls still in progress are not listed by Exotel.</summary>
public sealed class ListCallsOptions
{
    /// <summary>Most Sids one request may name.</summary>
    public const int MaxSids = 100;

    /// <summary>Largest page Exotel serves.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Only these calls (at most 100).</summary>
    public IList<string> Sids { get; set; } = new List<string>();

    /// <summary>Created at or after this time. Exotel lists at most one month per query; default the last 31 days.</summary>
    public DateTimeOffset? CreatedAfter { get; set; }

    /// <summary>Created at or before this time.</summary>
    public DateTimeOffset? CreatedBefore { get; set; }

    /// <summary>Only calls with these statuses.</summary>
    public IList<CallStatus> Statuses { get; set; } = new List<CallStatus>();

    /// <summary>Only calls to these numbers (at most 5).</summary>
    public IList<string> To { get; set; } = new List<string>();

    /// <summary>Only calls from these numbers (at most 5).</summary>
    public IList<string> From { get; set; } = new List<string>();

    /// <summary>Only calls in this direction.</summary>
    public CallDirection? Direction { get; set; }

    /// <summary>Calls per page, 1 to 100 (Exotel's default is 50).</summary>
    public int? PageSize { get; set; }

    /// <summary>Oldest first when true; newest first when false; Exotel's default when null.</summary>
    public bool? SortAscending { get; set; }
}

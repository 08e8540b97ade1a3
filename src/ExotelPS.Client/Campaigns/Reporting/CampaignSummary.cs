namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>
/// A whole campaign in one object: what <c>Get-ExotelCampaignReport</c> returns. Flat properties of numbers,
/// <see cref="TimeSpan"/>s and <see cref="DateTimeOffset"/>s, so <c>Export-Csv</c> writes it as it is.
/// </summary>
public sealed class CampaignSummary : CallMeasures
{
    internal CampaignSummary(CallTally tally, int rows, int gaveUp, int pending, int refused, DateTimeOffset? nextAttemptAt)
        : base(tally)
    {
        Rows = rows;
        GaveUp = gaveUp;
        Pending = pending;
        Refused = refused;
        NextAttemptAt = nextAttemptAt;
    }

    /// <summary>Every input row: Reached + GaveUp + Pending + Refused.</summary>
    public int Rows { get; }

    /// <summary>Rows done without reaching the customer: attempts used up, or a status -RedialOn does not name.</summary>
    public int GaveUp { get; }

    /// <summary>Rows due another attempt, whether this run or a later one makes it (not dialled yet included).</summary>
    public int Pending { get; }

    /// <summary>Rows refused as invalid input, never dialled.</summary>
    public int Refused { get; }

    /// <summary>The earliest next attempt of a pending row, in the campaign's time zone; null when none is pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; }
}

using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>How <see cref="CallReconciler"/> searches Exotel's call listing.</summary>
public sealed class ReconcileOptions
{
    /// <summary>
    /// How far Exotel's clock may be from this machine's (default 5 minutes): the listing is searched from this much
    /// before the request was sent, and this much past its certainty time, as Exotel stamps DateCreated by its own clock.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Added to the certainty time for transit and Exotel's delay in listing a finished call (default 30 s); see <see cref="CertaintyRule"/>.</summary>
    public TimeSpan SettleMargin { get; set; } = CertaintyRule.DefaultSettleMargin;

    /// <summary>Least time between two looks at the listing while waiting (default 15 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Most listing requests (pages) one look may send; null (the default): a twentieth of the account's requests a
    /// minute, at least 1, so a look every <see cref="PollInterval"/> takes at most a fifth of the shared budget.
    /// Rows whose query does not fit stay in doubt until the next look.
    /// </summary>
    public int? MaxRequestsPerLook { get; set; }

    /// <summary>How far back Exotel's listing reaches (6 months); a row sent earlier can never be proven not placed.</summary>
    public static TimeSpan ListingHorizon { get; } = TimeSpan.FromDays(180);

    internal ReconcileOptions Validated()
    {
        if (ClockSkew < TimeSpan.Zero || SettleMargin < TimeSpan.Zero || PollInterval <= TimeSpan.Zero || MaxRequestsPerLook < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconcileOptions), EngineStrings.ReconcileOptionsOutOfRange);
        }

        return (ReconcileOptions)MemberwiseClone();
    }
}

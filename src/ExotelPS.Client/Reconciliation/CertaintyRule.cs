using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// When "no call found" becomes proof that a request placed none. Exotel lists a call only once it has finished, and
/// a call cannot outlast both legs' ring time plus its TimeLimit; so once that time has passed since the request was
/// sent, any call it created is listed.
/// </summary>
/// <remarks>
/// <c>certain at = sent + 2 x TimeOut + TimeLimit + settle margin</c>, with Exotel's most (60 s, 4 hours) for a limit not
/// given. The settle margin covers the request's time in transit and Exotel's delay in listing a finished call.
/// </remarks>
public static class CertaintyRule
{
    /// <summary>The default settle margin: 30 seconds.</summary>
    public static readonly TimeSpan DefaultSettleMargin = TimeSpan.FromSeconds(30);

    /// <summary>The time from which the listing holds every call the request can have created.</summary>
    public static DateTimeOffset CertainAt(CallInDoubt row, TimeSpan settleMargin)
    {
        _ = row ?? throw new ArgumentNullException(nameof(row));
        if (settleMargin < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(settleMargin), settleMargin, EngineStrings.SettleMarginNegative);
        }

        var ringing = 2 * (row.TimeOut ?? PlaceCallOptions.MaxTimeOut);
        var talking = row.TimeLimit ?? PlaceCallOptions.MaxTimeLimit;
        return row.SentAt + TimeSpan.FromSeconds(ringing + talking) + settleMargin;
    }
}

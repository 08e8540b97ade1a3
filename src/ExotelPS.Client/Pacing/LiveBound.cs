namespace ExotelPS.Client.Pacing;

/// <summary>How long a call can be live at most, by what its request says, so a From is never held for ever.</summary>
/// <remarks>
/// Each of the two legs rings at most TimeOut (Exotel's 60 s when not given); a call talks at most TimeLimit (Exotel's
/// 4 hours when not given). A request whose outcome is unknown (no Sid to ask about) holds its From for the ringing
/// only, unless a TimeLimit bounds the talk too: it most likely never rang, and holding an agent 4 hours on a guess
/// would stop a campaign.
/// </remarks>
internal static class LiveBound
{
    /// <summary>Slack for clocks and the answer's way back.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>The longest a call placed with <paramref name="request"/> is live, from when it was sent.</summary>
    public static TimeSpan Of(PlaceCallOptions? request, bool sidKnown)
    {
        var ringing = TimeSpan.FromSeconds(2 * (request?.TimeOut ?? PlaceCallOptions.MaxTimeOut));
        var talking = request?.TimeLimit is int limit
            ? TimeSpan.FromSeconds(limit)
            : sidKnown ? TimeSpan.FromSeconds(PlaceCallOptions.MaxTimeLimit) : TimeSpan.Zero;
        return ringing + talking + Margin;
    }
}

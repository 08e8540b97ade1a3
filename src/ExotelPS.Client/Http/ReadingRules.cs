namespace ExotelPS.Client.Http;

/// <summary>
/// The reading rules every reader follows, v1 and v3, answers and callbacks alike (docs/architecture.md, "Reading
/// rules"). Exotel writes "not set" several ways; each reads as empty, without a warning:
/// JSON null, empty or blank text, the word <c>null</c> (Passthru's ForwardedFrom), the Unix epoch written in Exotel's
/// zone (<c>1970-01-01 05:30:00</c>, with or without <c>+05:30</c>: an applet's EndTime, an active v3 call's end) and
/// the zero date <c>0000-00-00 00:00:00</c>; where a number, time or status is expected, also <c>NA</c> and <c>N/A</c>
/// (in text such as AnsweredBy, <c>NA</c> is a documented value and stays).
/// </summary>
internal static class ReadingRules
{
    /// <summary>True for the word Exotel writes for "no value" in any field.</summary>
    public static bool IsNotSet(string text) => string.Equals(text, "null", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for text that means "no value" where a number, time or status is expected.</summary>
    /// <remarks>Read for every number, time and status of every answer: plain comparisons, nothing allocated.</remarks>
    public static bool IsNoValue(string text) =>
        IsNotSet(text) || string.Equals(text, "NA", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "N/A", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("0000-00-00", StringComparison.Ordinal);

    /// <summary>True for the epoch, which Exotel writes (in its zone) where a time is not known yet.</summary>
    public static bool IsNotSet(DateTimeOffset time) => time == DateTimeOffset.FromUnixTimeSeconds(0);
}

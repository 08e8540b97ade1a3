using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>The CallType field. Exotel documents one value.</summary>
public enum CallType
{
    /// <summary><c>trans</c>: a transactional call.</summary>
    Trans,
}

/// <summary>The RecordingChannels field.</summary>
public enum RecordingChannels
{
    /// <summary><c>single</c>: both legs merged into one channel.</summary>
    Single,

    /// <summary><c>dual</c>: one channel per leg.</summary>
    Dual,
}

/// <summary>The RecordingFormat field.</summary>
public enum RecordingFormat
{
    /// <summary><c>mp3</c>.</summary>
    Mp3,

    /// <summary><c>mp3-hq</c>: high quality.</summary>
    Mp3Hq,
}

/// <summary>The StreamBegin field: when real-time audio streaming starts.</summary>
public enum StreamBegin
{
    /// <summary>When the From leg connects.</summary>
    Leg1Connect,

    /// <summary>When the To leg connects.</summary>
    Leg2Connect,
}

/// <summary>The StartPlaybackToNew field: who hears the pre-call audio.</summary>
public enum StartPlaybackTo
{
    /// <summary>Only the called party.</summary>
    Callee,

    /// <summary>Both parties.</summary>
    Both,
}

/// <summary>One of the StatusCallbackEvents.</summary>
public enum StatusCallbackEvent
{
    /// <summary>When the call ends.</summary>
    Terminal,

    /// <summary>When the call is answered.</summary>
    Answered,
}

/// <summary>The StatusCallbackContentType field.</summary>
public enum StatusCallbackContentType
{
    /// <summary><c>multipart/form-data</c> (Exotel's default).</summary>
    MultipartFormData,

    /// <summary><c>application/json</c>.</summary>
    Json,
}

/// <summary>The Direction filter and field.</summary>
public enum CallDirection
{
    /// <summary><c>inbound</c>.</summary>
    Inbound,

    /// <summary><c>outbound-dial</c>: from the Exotel dashboard.</summary>
    OutboundDial,

    /// <summary><c>outbound-api</c>: from the API or a campaign.</summary>
    OutboundApi,
}

/// <summary>Exotel's wire spelling of each enumerated value, and back.</summary>
public static class ExotelWireNames
{
    private static readonly Dictionary<Enum, string> Names = new()
    {
        [CallType.Trans] = "trans",
        [RecordingChannels.Single] = "single",
        [RecordingChannels.Dual] = "dual",
        [RecordingFormat.Mp3] = "mp3",
        [RecordingFormat.Mp3Hq] = "mp3-hq",
        [StreamBegin.Leg1Connect] = "Leg1Connect",
        [StreamBegin.Leg2Connect] = "Leg2Connect",
        [StartPlaybackTo.Callee] = "Callee",
        [StartPlaybackTo.Both] = "Both",
        [StatusCallbackEvent.Terminal] = "terminal",
        [StatusCallbackEvent.Answered] = "answered",
        [StatusCallbackContentType.MultipartFormData] = "multipart/form-data",
        [StatusCallbackContentType.Json] = "application/json",
        [CallDirection.Inbound] = "inbound",
        [CallDirection.OutboundDial] = "outbound-dial",
        [CallDirection.OutboundApi] = "outbound-api",
    };

    /// <summary>The value as Exotel spells it, e.g. <c>mp3-hq</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member (e.g. <c>(RecordingFormat)7</c>).</exception>
    public static string ToWire(Enum value) =>
        WireNameOf(value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, EngineText.Format(EngineStrings.NoWireName, value.GetType().Name, value));

    /// <summary>The value as Exotel spells it, or null when it is not a defined member.</summary>
    public static string? WireNameOf(Enum value) => Names.TryGetValue(value, out var name) ? name : null;

    /// <summary>
    /// Reads an enumerated value given either as Exotel spells it (<c>mp3-hq</c>) or by its .NET name
    /// (<c>Mp3Hq</c>), ignoring case. Returns false for anything else.
    /// </summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var trimmed = text?.Trim() ?? string.Empty;
        foreach (TEnum candidate in Enum.GetValues(typeof(TEnum)))
        {
            if (string.Equals(ToWire(candidate), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>All accepted wire spellings of an enumeration, for error messages and help.</summary>
    public static IEnumerable<string> AllOf<TEnum>()
        where TEnum : struct, Enum => AllOf(typeof(TEnum));

    internal static IEnumerable<string> AllOf(Type enumType) => Enum.GetValues(enumType).Cast<Enum>().Select(ToWire);
}

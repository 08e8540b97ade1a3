namespace ExotelPS.Client.Tests;

/// <summary>The one "every field" connect request the tests share, and the form Exotel's documentation says it becomes.</summary>
internal static class EveryField
{
    /// <summary>Every field of a connect request set; events repeat one value, which is sent once.</summary>
    public static ConnectCallOptions Request() => new()
    {
        From = "09876543210",
        To = "09900123456",
        CallerId = "08030752400",
        CallType = CallType.Trans,
        TimeLimit = 600,
        TimeOut = 30,
        WaitUrl = "https://example.com/wait.wav?v=2",
        Record = true,
        RecordingChannels = RecordingChannels.Dual,
        RecordingFormat = RecordingFormat.Mp3Hq,
        StreamUrl = "wss://example.com/stream",
        StreamBegin = StreamBegin.Leg2Connect,
        StartPlaybackToNew = StartPlaybackTo.Both,
        StartPlaybackValueNew = "https://example.com/hello.wav",
        CustomField = "order 42 & co",
        StatusCallback = "https://example.com/callback",
        StatusCallbackEvents = { StatusCallbackEvent.Terminal, StatusCallbackEvent.Answered, StatusCallbackEvent.Terminal },
        StatusCallbackContentType = StatusCallbackContentType.Json,
    };

    /// <summary>The form of <see cref="Request"/>, in the documented order with Exotel's spellings.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Form { get; } = new[]
    {
        Field("From", "09876543210"),
        Field("To", "09900123456"),
        Field("CallerId", "08030752400"),
        Field("CallType", "trans"),
        Field("TimeLimit", "600"),
        Field("TimeOut", "30"),
        Field("WaitUrl", "https://example.com/wait.wav?v=2"),
        Field("Record", "true"),
        Field("RecordingChannels", "dual"),
        Field("RecordingFormat", "mp3-hq"),
        Field("StreamUrl", "wss://example.com/stream"),
        Field("StreamBegin", "Leg2Connect"),
        Field("CustomField", "order 42 & co"),
        Field("StartPlaybackToNew", "Both"),
        Field("StartPlaybackValueNew", "https://example.com/hello.wav"),
        Field("StatusCallback", "https://example.com/callback"),
        Field("StatusCallbackEvents[0]", "terminal"),
        Field("StatusCallbackEvents[1]", "answered"),
        Field("StatusCallbackContentType", "application/json"),
    };

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}

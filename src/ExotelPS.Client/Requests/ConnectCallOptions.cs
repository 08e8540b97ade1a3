namespace ExotelPS.Client;

/// <summary>Connect two numbers: Exotel rings From, then To, and bridges them (<c>POST Calls/connect.json</c>).</summary>
public sealed class ConnectCallOptions : PlaceCallOptions
{
    /// <summary>The customer's number, rung once From answers. Required.</summary>
    public string? To { get; set; }

    /// <summary>A WAV file URL played to From while To rings (under 2 MB).</summary>
    public string? WaitUrl { get; set; }

    /// <summary>Record the conversation.</summary>
    public bool? Record { get; set; }

    /// <summary>Single (merged) or dual (one channel per leg) recording.</summary>
    public RecordingChannels? RecordingChannels { get; set; }

    /// <summary>mp3 or mp3-hq.</summary>
    public RecordingFormat? RecordingFormat { get; set; }

    /// <summary>A ws:// or wss:// URL for real-time audio streaming.</summary>
    public string? StreamUrl { get; set; }

    /// <summary>When streaming begins.</summary>
    public StreamBegin? StreamBegin { get; set; }

    /// <summary>Who hears the pre-call audio.</summary>
    public StartPlaybackTo? StartPlaybackToNew { get; set; }

    /// <summary>An audio URL played before the call connects.</summary>
    public string? StartPlaybackValueNew { get; set; }

    /// <inheritdoc/>
    public override string? Target => To;

    // Order of "Connect Two Numbers" (003): required fields, limits, audio and recording, CustomField, playback, callback.
    private protected override void AddFields(RequestValidator validator, string accountSid)
    {
        validator.Phone(WireField.From, From);
        validator.Phone(WireField.To, To);
        validator.Phone(WireField.CallerId, CallerId);
        AddLimits(validator);
        validator.Url(WireField.WaitUrl, WaitUrl);
        if (Record is bool record)
        {
            validator.Add(WireField.Record, record ? "true" : "false");
        }

        validator.Enum(WireField.RecordingChannels, RecordingChannels);
        validator.Enum(WireField.RecordingFormat, RecordingFormat);
        validator.Url(WireField.StreamUrl, StreamUrl, "ws", "wss");
        validator.Enum(WireField.StreamBegin, StreamBegin);
        AddCustomField(validator);
        validator.Enum(WireField.StartPlaybackToNew, StartPlaybackToNew);
        validator.Url(WireField.StartPlaybackValueNew, StartPlaybackValueNew);
        AddStatusCallback(validator);
    }
}

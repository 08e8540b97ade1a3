namespace ExotelPS.Client.Tests.Validation;

/// <summary>Exotel's spelling of every enumerated value.</summary>
public sealed class ExotelWireNamesTests
{
    public static TheoryData<Enum, string> Spellings => new()
    {
        { CallType.Trans, "trans" },
        { RecordingChannels.Single, "single" },
        { RecordingChannels.Dual, "dual" },
        { RecordingFormat.Mp3, "mp3" },
        { RecordingFormat.Mp3Hq, "mp3-hq" },
        { StreamBegin.Leg1Connect, "Leg1Connect" },
        { StreamBegin.Leg2Connect, "Leg2Connect" },
        { StartPlaybackTo.Callee, "Callee" },
        { StartPlaybackTo.Both, "Both" },
        { StatusCallbackEvent.Terminal, "terminal" },
        { StatusCallbackEvent.Answered, "answered" },
        { StatusCallbackContentType.MultipartFormData, "multipart/form-data" },
        { StatusCallbackContentType.Json, "application/json" },
        { CallDirection.Inbound, "inbound" },
        { CallDirection.OutboundDial, "outbound-dial" },
        { CallDirection.OutboundApi, "outbound-api" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Each_value_has_its_documented_spelling(Enum value, string wire)
    {
        Assert.Equal(wire, ExotelWireNames.ToWire(value));
        Assert.Equal(wire, ExotelWireNames.WireNameOf(value));
    }

    [Fact]
    public void The_table_above_covers_every_member_of_each_enumeration()
    {
        var listed = Spellings.Select(row => (Enum)row[0]).ToList();

        foreach (var type in listed.Select(value => value.GetType()).Distinct())
        {
            Assert.Equal(Enum.GetValues(type).Cast<Enum>(), listed.Where(value => value.GetType() == type));
        }
    }

    [Theory]
    [InlineData("mp3-hq", RecordingFormat.Mp3Hq)]
    [InlineData("MP3-HQ", RecordingFormat.Mp3Hq)]
    [InlineData("Mp3Hq", RecordingFormat.Mp3Hq)]
    [InlineData(" mp3 ", RecordingFormat.Mp3)]
    public void Parses_wire_or_dotnet_names_in_any_case(string text, RecordingFormat expected)
    {
        Assert.True(ExotelWireNames.TryParse<RecordingFormat>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Parses_spellings_with_slashes_and_dashes()
    {
        Assert.True(ExotelWireNames.TryParse<StatusCallbackContentType>("application/json", out var contentType));
        Assert.Equal(StatusCallbackContentType.Json, contentType);
        Assert.True(ExotelWireNames.TryParse<CallDirection>("outbound-dial", out var direction));
        Assert.Equal(CallDirection.OutboundDial, direction);
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0")]
    public void Refuses_anything_else(string? text)
    {
        Assert.False(ExotelWireNames.TryParse<RecordingFormat>(text, out _));
    }

    [Fact]
    public void Lists_all_spellings()
    {
        Assert.Equal(new[] { "terminal", "answered" }, ExotelWireNames.AllOf<StatusCallbackEvent>());
    }

    [Fact]
    public void An_undefined_value_has_no_spelling()
    {
        var undefined = (RecordingFormat)7;

        Assert.Null(ExotelWireNames.WireNameOf(undefined));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExotelWireNames.ToWire(undefined));
    }
}

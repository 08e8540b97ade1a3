using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class LenientParserTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData(" y ", true)]
    [InlineData("1", true)]
    [InlineData("ON", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("N", false)]
    [InlineData("0", false)]
    [InlineData("off", false)]
    public void Booleans_read_the_words_people_type_in_spreadsheets(string text, bool expected)
    {
        Assert.Equal(expected, LenientParser.ToBoolean(text));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void Booleans_pass_typed_values_through(object value, bool expected)
    {
        Assert.Equal(expected, LenientParser.ToBoolean(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_means_not_given_rather_than_false_or_zero(string? blank)
    {
        Assert.Null(LenientParser.ToBoolean(blank));
        Assert.Null(LenientParser.ToInt32(blank));
        Assert.Null(LenientParser.ToEnum(typeof(RecordingFormat), blank));
        Assert.Null(LenientParser.ToEnumArray(typeof(StatusCallbackEvent), blank));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    public void An_unreadable_boolean_names_the_value(string text)
    {
        var error = Assert.Throws<FormatException>(() => LenientParser.ToBoolean(text));

        Assert.Contains($"'{text}'", error.Message);
    }

    [Theory]
    [InlineData("60", 60)]
    [InlineData(" 99999 ", 99999)]
    [InlineData("-1", -1)]
    [InlineData(45, 45)]
    [InlineData(45L, 45)]
    [InlineData(45.0, 45)]
    public void Integers_read_text_and_numbers(object value, int expected)
    {
        Assert.Equal(expected, LenientParser.ToInt32(value));
    }

    [Theory]
    [InlineData("sixty")]
    [InlineData("60.5")]
    [InlineData("99999999999")]
    public void An_unreadable_integer_names_the_value(string text)
    {
        var error = Assert.Throws<FormatException>(() => LenientParser.ToInt32(text));

        Assert.Contains($"'{text}'", error.Message);
    }

    [Theory]
    [InlineData("mp3-hq", RecordingFormat.Mp3Hq)]
    [InlineData("Mp3Hq", RecordingFormat.Mp3Hq)]
    [InlineData(" MP3 ", RecordingFormat.Mp3)]
    public void Enums_read_Exotel_spelling_and_dotnet_names(string text, RecordingFormat expected)
    {
        Assert.Equal(expected, LenientParser.ToEnum(typeof(RecordingFormat), text));
    }

    [Fact]
    public void Enums_pass_typed_values_through()
    {
        Assert.Equal(StatusCallbackContentType.Json, LenientParser.ToEnum(typeof(StatusCallbackContentType), StatusCallbackContentType.Json));
        Assert.Equal(StatusCallbackContentType.Json, LenientParser.ToEnum(typeof(StatusCallbackContentType), "application/json"));
    }

    [Fact]
    public void An_unknown_enum_value_lists_the_accepted_spellings()
    {
        var error = Assert.Throws<FormatException>(() => LenientParser.ToEnum(typeof(RecordingChannels), "stereo"));

        Assert.Contains("'stereo'", error.Message);
        Assert.Contains("single, dual", error.Message);
    }

    [Theory]
    [InlineData("terminal,answered")]
    [InlineData("terminal; answered")]
    public void Enum_lists_split_a_CSV_cell(string text)
    {
        var parsed = LenientParser.ToEnumArray(typeof(StatusCallbackEvent), text);

        Assert.Equal(new[] { StatusCallbackEvent.Terminal, StatusCallbackEvent.Answered }, Assert.IsType<StatusCallbackEvent[]>(parsed));
    }

    [Fact]
    public void Enum_lists_read_arrays_of_mixed_values()
    {
        var parsed = LenientParser.ToEnumArray(typeof(StatusCallbackEvent), new object[] { "answered", StatusCallbackEvent.Terminal });

        Assert.Equal(new[] { StatusCallbackEvent.Answered, StatusCallbackEvent.Terminal }, Assert.IsType<StatusCallbackEvent[]>(parsed));
    }

    [Fact]
    public void The_attributes_apply_the_parser_and_report_failures_as_transformation_errors()
    {
        Assert.Equal(true, new LenientBooleanAttribute().Convert("yes"));
        Assert.Equal(60, new LenientIntegerAttribute().Convert("60"));
        Assert.Equal(StreamBegin.Leg2Connect, new LenientEnumAttribute(typeof(StreamBegin)).Convert("leg2connect"));
        Assert.IsType<StatusCallbackEvent[]>(new LenientEnumAttribute(typeof(StatusCallbackEvent)) { Many = true }.Convert("terminal"));

        Assert.Throws<System.Management.Automation.ArgumentTransformationMetadataException>(
            () => new LenientIntegerAttribute().Transform(null!, "abc"));
    }
}

using ExotelPS.Client.Http;
using ExotelPS.Client.Tests.Corpus;

namespace ExotelPS.Client.Tests.Parsing;

/// <summary>
/// The reading rules (docs/architecture.md): Exotel's "not set" markers read as empty without a warning; a value
/// that cannot be read is left empty with a warning naming the field and the value; the call survives both.
/// </summary>
public sealed class ReadingRulesTests
{
    [Theory]
    [InlineData("\"Duration\":\"null\"")]
    [InlineData("\"Duration\":\"NA\"")]
    [InlineData("\"Duration\":\"N/A\"")]
    [InlineData("\"Duration\":\"\"")]
    [InlineData("\"Duration\":null")]
    [InlineData("\"Price\":\"null\"")]
    [InlineData("\"EndTime\":\"1970-01-01 05:30:00\"")]
    [InlineData("\"EndTime\":\"0000-00-00 00:00:00\"")]
    [InlineData("\"EndTime\":\"null\"")]
    [InlineData("\"ForwardedFrom\":\"null\"")]
    [InlineData("\"Status\":\"null\"")]
    [InlineData("\"Details\":{\"Leg1Status\":\"NA\",\"Leg2Status\":\"null\"}")]
    public void Not_set_markers_read_as_empty_without_a_warning(string field)
    {
        var call = ReadJson(field);

        Assert.Null(call.Duration);
        Assert.Null(call.Price);
        Assert.Null(call.EndTime);
        Assert.Null(call.ForwardedFrom);
        Assert.Equal(string.Empty, call.Status.Value);
        Assert.Null(call.Details?.Leg1Status);
        Assert.Null(call.Details?.Leg2Status);
        Assert.Null(call.ReadWarnings);
    }

    [Fact]
    public void Na_in_answered_by_is_a_value_not_a_marker()
    {
        Assert.Equal("NA", ReadJson("\"AnsweredBy\":\"NA\"").AnsweredBy);
    }

    [Theory]
    [InlineData("\"Duration\":\"abc\"", "Call.Duration should be a whole number but is 'abc'")]
    [InlineData("\"Duration\":\"12.5\"", "Call.Duration should be a whole number but is '12.5'")]
    [InlineData("\"Duration\":{\"s\":1}", "Call.Duration should be a text or number but is '{\"s\":1}'")]
    [InlineData("\"Price\":\"Rs 1\"", "Call.Price should be a decimal number but is 'Rs 1'")]
    [InlineData("\"DateCreated\":\"yesterday\"", "Call.DateCreated should be a time as yyyy-MM-dd HH:mm:ss but is 'yesterday'")]
    [InlineData("\"Details\":{\"Legs\":[1]}", "Call.Details.Legs[0] should be an object but is '1'")]
    [InlineData("\"Details\":{\"Legs\":{}}", "Call.Details.Legs should be a list but is '{}'")]
    [InlineData("\"Details\":\"soon\"", "Call.Details should be an object but is 'soon'")]
    public void An_unreadable_value_is_left_empty_with_a_warning_naming_the_field_and_the_value(string field, string warning)
    {
        var call = ReadJson(field);

        Assert.Equal("abc", call.Sid);
        Assert.Null(call.Duration);
        Assert.Null(call.Price);
        Assert.Null(call.DateCreated);
        Assert.Empty(call.Details?.Legs ?? Array.Empty<CallLeg>());
        Assert.Equal(warning + "; left empty", call.ReadWarnings);
    }

    [Fact]
    public void An_xml_field_holding_elements_is_left_empty_with_a_warning()
    {
        var call = ExotelResponseReader.ReadCall("<r><call><sid>a</sid><duration><value>10</value></duration></call></r>", json: false);

        Assert.Null(call.Duration);
        Assert.Equal("Call.Duration should be a text or number but is '<value>'; left empty", call.ReadWarnings);
    }

    [Fact]
    public void A_warning_quotes_at_most_forty_characters_of_a_huge_value()
    {
        var call = ReadJson($"\"Duration\":\"{new string('9', 100_000)}x\"");

        Assert.True(call.ReadWarnings!.Length < 120, call.ReadWarnings);
    }

    [Fact]
    public void Legs_with_no_field_the_reader_knows_are_an_unknown_shape_not_a_silent_blank()
    {
        var call = ReadJson("\"Details\":{\"Legs\":[{\"Part\":{\"Id\":1}},{\"Part\":{\"Id\":2}}]}");

        Assert.Equal(2, call.Details!.Legs.Count);
        Assert.Equal("Call.Details.Legs: 2 legs with no field ExotelPS reads, a shape ExotelPS does not know; left empty", call.ReadWarnings);
    }

    [Fact]
    public void Wrapped_json_legs_and_xml_legs_read_the_same()
    {
        var json = ReadJson("\"Details\":{\"Legs\":[{\"Leg\":{\"Id\":1,\"OnCallDuration\":21}},{\"Leg\":{\"Id\":2,\"OnCallDuration\":8}}]}");
        var xml = ExotelResponseReader.ReadCall(
            "<TwilioResponse><Call><Sid>abc</Sid><Details><Legs><Leg><Id>1</Id><OnCallDuration>21</OnCallDuration></Leg>"
            + "<Leg><Id>2</Id><OnCallDuration>8</OnCallDuration></Leg></Legs></Details></Call></TwilioResponse>",
            json: false);

        Assert.Equal(Describe(json), Describe(xml));
        Assert.Equal("1:21|2:8", Describe(json));
    }

    [Fact]
    public async Task A_placed_calls_sid_survives_an_answer_whose_other_fields_are_odd()
    {
        var client = new CorpusServer().AnswerWith("{\"Call\":{\"Sid\":\"placed1\",\"Status\":{\"x\":1},\"Duration\":\"soon\",\"DateCreated\":\"today\"}}").Client();

        var call = await client.ConnectAsync(new ConnectCallOptions { From = "09800000001", To = "09900000001", CallerId = "08030752400" });

        Assert.Equal("placed1", call.Sid);
        Assert.Contains("Call.Status", call.ReadWarnings);
        Assert.Contains("Call.Duration", call.ReadWarnings);
        Assert.Contains("Call.DateCreated", call.ReadWarnings);
    }

    [Fact]
    public async Task Only_an_answer_with_no_readable_sid_and_no_error_is_unreadable()
    {
        var client = new CorpusServer().AnswerWith("{\"Call\":{\"Sid\":{\"id\":\"x\"},\"Status\":\"in-progress\"}}").Client();

        var error = await Assert.ThrowsAsync<ExotelApiException>(
            () => client.ConnectAsync(new ConnectCallOptions { From = "09800000001", To = "09900000001", CallerId = "08030752400" }));

        Assert.Equal(ExotelErrorKind.OutcomeUnknown, error.Kind);
        Assert.True(error.MayHaveBeenPlaced);
    }

    private static ExotelCall ReadJson(string fields) =>
        ExotelResponseReader.ReadCall("{\"Call\":{\"Sid\":\"abc\"," + fields + "}}", json: true);

    private static string Describe(ExotelCall call) =>
        string.Join("|", call.Details!.Legs.Select(leg => $"{leg.Id}:{leg.OnCallDuration}"));
}

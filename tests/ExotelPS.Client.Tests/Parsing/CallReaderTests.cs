using System.Globalization;
using ExotelPS.Client.Http;

namespace ExotelPS.Client.Tests.Parsing;

/// <summary>How one call body maps to <see cref="ExotelCall"/>: value types, names, tolerance and malformed bodies.</summary>
public sealed class CallReaderTests
{
    [Theory]
    [InlineData("\"42\"", 42)]
    [InlineData("42", 42)]
    [InlineData("\" 7 \"", 7)]
    [InlineData("null", null)]
    [InlineData("\"\"", null)]
    public void Duration_reads_from_string_number_or_null(string json, int? expected)
    {
        Assert.Equal(expected, ReadJson($"\"Duration\":{json}").Duration);
    }

    [Theory]
    [InlineData("\"1.50\"", "1.50")]
    [InlineData("1.5", "1.5")]
    [InlineData("\"0.0100\"", "0.0100")]
    [InlineData("\"-0.25\"", "-0.25")]
    [InlineData("0", "0")]
    [InlineData("1e-2", "0.01")]
    public void Price_reads_as_given(string json, string expected)
    {
        var price = ReadJson($"\"Price\":{json}").Price;

        Assert.Equal(expected, price!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Price_null_or_empty_is_null(string json)
    {
        Assert.Null(ReadJson($"\"Price\":{json}").Price);
    }

    [Fact]
    public void Price_ignores_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            // In German "1.50" would read as one hundred and fifty.
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            Assert.Equal(1.50m, ReadJson("\"Price\":\"1.50\"").Price);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Times_are_read_as_india_time()
    {
        var call = ReadJson("\"DateCreated\":\"2024-12-31 23:59:59\",\"EndTime\":\"\"");

        Assert.Equal(new DateTimeOffset(2024, 12, 31, 18, 29, 59, TimeSpan.Zero), call.DateCreated);
        Assert.Equal(TimeSpan.FromHours(5.5), call.DateCreated!.Value.Offset);
        Assert.Null(call.EndTime);
    }

    [Theory]
    [InlineData("from_leg_unanswered")]
    [InlineData("canceled")]
    public void Unknown_status_is_kept(string status)
    {
        var call = ReadJson($"\"Status\":\"{status}\"");

        Assert.Equal(status, call.Status.Value);
        Assert.False(call.Status.IsKnown);
        Assert.False(call.Status.IsFinal);
    }

    [Fact]
    public void Missing_fields_are_null()
    {
        var call = ExotelResponseReader.ReadCall("{\"Call\":{\"Sid\":\"abc\"}}", json: true);

        Assert.Equal("abc", call.Sid);
        Assert.Equal(string.Empty, call.Status.Value);
        Assert.Null(call.DateCreated);
        Assert.Null(call.To);
        Assert.Null(call.Duration);
        Assert.Null(call.Price);
        Assert.Null(call.Details);
    }

    [Fact]
    public void Field_names_match_in_any_case_and_unknown_fields_are_ignored()
    {
        const string body = "{\"call\":{\"SID\":\"abc\",\"status\":\"Busy\",\"dUrAtIoN\":\"3\",\"Tags\":{\"a\":[1,2]},\"Extra\":[{}]}}";

        var call = ExotelResponseReader.ReadCall(body, json: true);

        Assert.Equal("abc", call.Sid);
        Assert.Equal(CallStatus.Busy, call.Status);
        Assert.Equal(3, call.Duration);
    }

    [Fact]
    public void Details_without_legs_has_an_empty_leg_list()
    {
        var details = ReadJson("\"Details\":{\"ConversationDuration\":\"12\",\"Leg1Status\":null}").Details!;

        Assert.Equal(12, details.ConversationDuration);
        Assert.Null(details.Leg1Status);
        Assert.Null(details.Leg2Status);
        Assert.Empty(details.Legs);
    }

    [Fact]
    public void Json_and_xml_map_the_same_call_alike()
    {
        const string json = """
            {"Call":{"Sid":"s1","ParentCallSid":"p1","DateCreated":"2024-03-03 10:48:33","To":"0XXXXX38847",
              "Status":"completed","Duration":"60","Price":"2.25","AnsweredBy":"Human","RecordingUrl":"https://r/1.mp3",
              "Details":{"ConversationDuration":41,"Leg1Status":"completed","Leg2Status":"no-answer",
                "Legs":[{"Id":7,"OnCallDuration":41,"Status":"completed","AnsweredBy":"NA"}]}}}
            """;
        const string xml = """
            <TwilioResponse><Call><Sid>s1</Sid><ParentCallSid>p1</ParentCallSid><DateCreated>2024-03-03 10:48:33</DateCreated>
              <To>0XXXXX38847</To><Status>completed</Status><Duration>60</Duration><Price>2.25</Price><AnsweredBy>Human</AnsweredBy>
              <RecordingUrl>https://r/1.mp3</RecordingUrl>
              <Details><ConversationDuration>41</ConversationDuration><Leg1Status>completed</Leg1Status><Leg2Status>no-answer</Leg2Status>
                <Legs><Leg><Id>7</Id><OnCallDuration>41</OnCallDuration><Status>completed</Status><AnsweredBy>NA</AnsweredBy></Leg></Legs>
              </Details></Call></TwilioResponse>
            """;

        var fromJson = ExotelResponseReader.ReadCall(json, json: true);
        var fromXml = ExotelResponseReader.ReadCall(xml, json: false);

        Assert.Equal(Describe(fromJson), Describe(fromXml));
        Assert.Equal("7", fromXml.Details!.Legs[0].Id);
        Assert.Equal(CallStatus.NoAnswer, fromXml.Details.Leg2Status);
        Assert.Equal(2.25m, fromXml.Price);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Bad Gateway</body></html>")]
    [InlineData("[]")]
    [InlineData("\"Call\"")]
    [InlineData("{\"Call\":")]
    public void Malformed_json_is_a_format_exception(string body)
    {
        Assert.Throws<FormatException>(() => ExotelResponseReader.ReadCall(body, json: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"Call\":{}}")]
    [InlineData("<TwilioResponse><Call><Sid>a</Sid></TwilioResponse>")]
    public void Malformed_xml_is_a_format_exception(string body)
    {
        Assert.Throws<FormatException>(() => ExotelResponseReader.ReadCall(body, json: false));
    }

    [Fact]
    public void Xml_with_a_document_type_is_refused()
    {
        const string body = "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><TwilioResponse><Call><Sid>&e;</Sid></Call></TwilioResponse>";

        Assert.Throws<FormatException>(() => ExotelResponseReader.ReadCall(body, json: false));
    }

    [Theory]
    [InlineData("{\"RestException\":{\"Status\":404}}", "Call")]
    [InlineData("{\"Call\":{\"Status\":\"queued\"}}", "Call.Sid")]
    [InlineData("{\"Call\":[]}", "Call")]
    public void Missing_or_misshapen_call_names_what_was_expected(string body, string path)
    {
        var error = Assert.Throws<FormatException>(() => ExotelResponseReader.ReadCall(body, json: true));

        Assert.Contains(path, error.Message);
    }

    private static ExotelCall ReadJson(string fields) =>
        ExotelResponseReader.ReadCall("{\"Call\":{\"Sid\":\"abc\"," + fields + "}}", json: true);

    private static string Describe(ExotelCall call) =>
        string.Join(
            "|",
            call.Sid, call.ParentCallSid, call.DateCreated, call.To, call.Status, call.Duration, call.Price, call.AnsweredBy, call.RecordingUrl,
            call.Details!.ConversationDuration, call.Details.Leg1Status, call.Details.Leg2Status,
            string.Join(",", call.Details.Legs.Select(leg => $"{leg.Id}/{leg.OnCallDuration}/{leg.Status}/{leg.AnsweredBy}")));
}

using ExotelPS.Client.Http;

namespace ExotelPS.Client.Tests.Parsing;

/// <summary>Every call body in Exotel's documentation pages, parsed field by field.</summary>
public sealed class CallSampleTests
{
    [Theory]
    [InlineData("000-flow-call.json", "your_sid", "09876543210")]
    [InlineData("001-flow-call.json", "Exotel", "0XXXXX30240")]
    public void Flow_call_samples_read_every_field(string sample, string accountSid, string from)
    {
        var call = ExotelResponseReader.ReadCall(Samples.Read(sample), json: true);

        Assert.Equal("80bfbec2d78bbbf10fb851f4fa165211", call.Sid);
        Assert.Null(call.ParentCallSid);
        Assert.Equal(Samples.Ist(2017, 3, 3, 12, 30, 24), call.DateCreated);
        Assert.Equal(TimeSpan.FromMinutes(330), call.DateCreated!.Value.Offset);
        Assert.Equal(Samples.Ist(2017, 3, 3, 12, 30, 27), call.DateUpdated);
        Assert.Equal(accountSid, call.AccountSid);
        Assert.Equal("0XXXXX40682", call.To);
        Assert.Equal(from, call.From);
        Assert.Equal("0XXXXXX4890", call.PhoneNumberSid);
        Assert.Equal(CallStatus.InProgress, call.Status);
        Assert.Equal(Samples.Ist(2017, 3, 3, 12, 30, 27), call.StartTime);
        Assert.Null(call.EndTime);
        Assert.Null(call.Duration);
        Assert.Null(call.Price);
        Assert.Equal("outbound-api", call.Direction);
        Assert.Null(call.AnsweredBy);
        Assert.Null(call.ForwardedFrom);
        Assert.Null(call.CallerName);
        Assert.Equal($"/v1/Accounts/{accountSid}/Calls.json/80bfbec2d78bbbf10fb851f4fa165211", call.Uri);
        Assert.Null(call.RecordingUrl);
        Assert.Null(call.Details);
    }

    [Fact]
    public void Connect_sample_reads_details()
    {
        var call = ExotelResponseReader.ReadCall(Samples.Read("003-connect-call.json"), json: true);

        Assert.Equal("b6cfaf5f5cef3ca0fc937749ef96d245", call.Sid);
        Assert.Equal(Samples.Ist(2024, 3, 3, 10, 48, 33), call.DateCreated);
        Assert.Equal(Samples.Ist(2024, 3, 3, 10, 53, 33), call.DateUpdated);
        Assert.Equal("<account_sid>", call.AccountSid);
        Assert.Equal("0XXXXX38847", call.To);
        Assert.Equal(CallStatus.InProgress, call.Status);
        Assert.Null(call.ForwardedFrom);
        Assert.Null(call.Uri);
        var details = Assert.IsType<CallDetails>(call.Details);
        Assert.Equal(0, details.ConversationDuration);
        Assert.Equal(CallStatus.InProgress, details.Leg1Status);
        Assert.Equal(CallStatus.Queued, details.Leg2Status);
        Assert.Empty(details.Legs);
    }

    [Fact]
    public void Legs_sample_reads_each_leg()
    {
        // The documented Legs array comes from the StatusCallback page; here it stands as a call's Details.
        var body = "{\"Call\":{\"Sid\":\"b6cf\",\"Details\":" + Samples.Read("003-legs.json") + "}}";

        var legs = ExotelResponseReader.ReadCall(body, json: true).Details!.Legs;

        Assert.Collection(
            legs,
            first =>
            {
                Assert.Null(first.Id);
                Assert.Equal(41, first.OnCallDuration);
                Assert.Equal(CallStatus.Completed, first.Status);
                Assert.Equal("NA", first.AnsweredBy);
            },
            second =>
            {
                Assert.Equal(32, second.OnCallDuration);
                Assert.Equal(CallStatus.Completed, second.Status);
                Assert.Equal("Human", second.AnsweredBy);
            });
    }

    [Fact]
    public void Faq_xml_sample_reads_lower_case_tags()
    {
        var call = ExotelResponseReader.ReadCall(Samples.Read("002-faq-call.xml"), json: false);

        Assert.Equal("xxxxxxxxxxxxxxxxxxxx", call.Sid);
        Assert.Null(call.ParentCallSid);
        Assert.Equal(Samples.Ist(2012, 8, 17, 12, 31, 49), call.DateCreated);
        Assert.Equal(Samples.Ist(2012, 8, 17, 12, 31, 49), call.DateUpdated);
        Assert.Equal("xxxxxxxxx", call.AccountSid);
        Assert.Equal("09052161119", call.To);
        Assert.Equal("09739761117", call.From);
        Assert.Equal("xxxxxxx", call.PhoneNumberSid);
        Assert.Equal(Samples.Ist(2012, 8, 17, 12, 31, 49), call.StartTime);
        Assert.Equal(Samples.Ist(2012, 8, 17, 12, 32, 57), call.EndTime);
        Assert.Null(call.Duration);
        Assert.Null(call.Price);
        Assert.Equal("outbound api", call.Direction);
        Assert.Null(call.AnsweredBy);
        Assert.Null(call.ForwardedFrom);
        Assert.Null(call.CallerName);
        Assert.Null(call.RecordingUrl);
        Assert.Equal("/v1/accounts/xxxxxxxx/calls/xxxxxxxxxxxxxx", call.Uri);
        Assert.Null(call.Details);
    }

    [Fact]
    public void Faq_xml_status_with_a_space_reads_as_in_progress()
    {
        var call = ExotelResponseReader.ReadCall(Samples.Read("002-faq-call.xml"), json: false);

        Assert.Equal(CallStatus.InProgress, call.Status);
        Assert.Equal("in-progress", call.Status.Value);
        Assert.True(call.Status.IsKnown);
        Assert.False(call.Status.IsFinal);
    }
}

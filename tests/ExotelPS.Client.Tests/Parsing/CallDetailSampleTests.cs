using ExotelPS.Client.Http;

namespace ExotelPS.Client.Tests.Parsing;

/// <summary>Voice v3 (beta) envelopes, modelled on Exotel's "Call Details (Beta)" and "Call Legs (Beta)" pages, parsed field by field.</summary>
public sealed class CallDetailSampleTests
{
    private static readonly TimeSpan Ist = TimeSpan.FromMinutes(330);

    [Fact]
    public void Terminal_call_details_read_every_field()
    {
        var detail = CallDetailReader.ReadDetail(Samples.Read("v3-call-details.json"), json: true);

        Assert.Equal("b6cfaf5f5cef3ca0fc937749ef96d245", detail.Sid);
        Assert.Equal("outbound", detail.Direction);
        Assert.Equal("0XXXXXX4890", detail.VirtualNumber);
        Assert.Equal("terminal", detail.State);
        Assert.Equal(CallStatus.Completed, detail.Status);
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 22, 54, 40, Ist), detail.CreatedTime);
        Assert.Equal(Ist, detail.CreatedTime!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 22, 56, 2, Ist), detail.UpdatedTime);
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 22, 54, 41, Ist), detail.StartTime);
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 22, 55, 59, Ist), detail.EndTime);
        Assert.Equal(78, detail.TotalDuration);
        Assert.Equal(41, detail.TotalTalkTime);
        Assert.Equal("order-1234", detail.CustomField);
        Assert.Equal("926", detail.AppId);
        Assert.Equal("Order confirmation IVR", detail.AppName);
        Assert.Equal("1", detail.Digits);
        var recording = Assert.Single(detail.Recordings);
        Assert.EndsWith("/b6cfaf5f5cef3ca0fc937749ef96d245.mp3", recording.Url);
        Assert.Equal("single", recording.Channels);
        Assert.Equal(41, recording.Duration);
        Assert.Equal(recording.Url, detail.RecordingUrl);
        Assert.Equal("/v3/accounts/<account_sid>/calls/b6cfaf5f5cef3ca0fc937749ef96d245/legs", detail.LegsUri);
        Assert.Equal("4b1c3f8e2d7a4c0f9e6b5a4d3c2b1a09", detail.RequestId);
        Assert.Null(detail.Legs);
    }

    [Fact]
    public void Active_call_reads_the_epoch_end_as_not_yet_and_absent_fields_as_null()
    {
        var detail = CallDetailReader.ReadDetail(Samples.Read("v3-call-details-active.json"), json: true);

        Assert.Equal("active", detail.State);
        Assert.Null(detail.Status);
        Assert.Null(detail.EndTime);
        Assert.Null(detail.TotalDuration);
        Assert.Null(detail.TotalTalkTime);
        Assert.Null(detail.AppId);
        Assert.Null(detail.AppName);
        Assert.Null(detail.Digits);
        Assert.Empty(detail.Recordings);
        Assert.Null(detail.RecordingUrl);
    }

    [Fact]
    public void Error_envelope_reads_message_code_and_marks_a_v3_answer()
    {
        var error = ExotelResponseReader.ReadError(Samples.Read("v3-error-404.json"), json: true);

        Assert.NotNull(error);
        Assert.True(error!.IsV3);
        Assert.Equal(404, error.Status);
        Assert.Equal("Not Found: Call not found", error.Message);
        Assert.Equal("1002", error.Code);
    }

    [Fact]
    public void V1_error_body_is_not_a_v3_answer()
    {
        Assert.False(ExotelResponseReader.ReadError(Samples.Read("error-400.json"), json: true)!.IsV3);
    }

    [Theory]
    [InlineData("{\"request_id\":\"x\"}", "response")]
    [InlineData("{\"response\":{\"code\":200}}", "response.call_details")]
    [InlineData("{\"response\":{\"call_details\":{\"direction\":\"outbound\"}}}", "response.call_details.sid")]
    public void Envelope_without_the_calls_sid_is_unreadable_and_names_what_is_missing(string body, string field)
    {
        var error = Assert.ThrowsAny<FormatException>(() => CallDetailReader.ReadDetail(body, json: true));

        Assert.Contains(field, error.Message);
    }

    [Theory]
    [InlineData("{\"response\":{\"call_details\":{\"sid\":\"a\",\"total_talk_time\":\"long\"}}}", "response.call_details.total_talk_time", "'long'")]
    [InlineData("{\"response\":{\"call_details\":{\"sid\":\"a\",\"created_time\":\"yesterday\"}}}", "response.call_details.created_time", "'yesterday'")]
    public void An_unreadable_field_is_left_empty_with_a_warning_naming_it_and_its_value(string body, string field, string value)
    {
        var detail = CallDetailReader.ReadDetail(body, json: true);

        Assert.Equal("a", detail.Sid);
        Assert.Null(detail.TotalTalkTime);
        Assert.Null(detail.CreatedTime);
        Assert.Contains(field, detail.ReadWarnings);
        Assert.Contains(value, detail.ReadWarnings);
    }
}

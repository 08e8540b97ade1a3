using static ExotelPS.Client.Tests.Corpus.CorpusServer;

namespace ExotelPS.Client.Tests.Corpus;

/// <summary>
/// Voice v1 bodies of the corpus (connect answers, call details, a listing page), read through the client as a
/// cmdlet reads them, asserting what each body means. A clean read has no <see cref="ExotelCall.ReadWarnings"/>: a shape
/// the readers do not know would put one there and fail these tests instead of reading as a blank.
/// </summary>
public sealed class V1CorpusTests
{
    private static readonly ConnectCallOptions AnyCall = new() { From = "09800000001", To = "09900000001", CallerId = "08030752400" };

    [Fact]
    public async Task Docs_connect_answer_is_a_placed_call_that_has_not_ended()
    {
        var call = await new CorpusServer().Answer("v1-connect/docs-connect-two-numbers.json").Client().ConnectAsync(AnyCall);

        Assert.Equal("c5797dcbaaeed7678c4062a4a3ed2f8a", call.Sid);
        Assert.Equal(CallStatus.InProgress, call.Status);
        Assert.False(call.Status.IsFinal);
        Assert.Equal("0XXXXX30240", call.From);
        Assert.Equal("0XXXXX38847", call.To);
        Assert.Equal(Ist(2017, 3, 3, 10, 48, 33), call.DateCreated);
        Assert.Null(call.EndTime);
        Assert.Null(call.Duration);
        Assert.Null(call.Price);
        Assert.Null(call.Details);
        Assert.Null(call.ReadWarnings);
    }

    [Fact]
    public async Task Recorded_xml_connect_answer_reads_its_empty_elements_as_not_set()
    {
        var call = await new CorpusServer().Answer("v1-connect/recorded-connect-in-progress.xml").Client().ConnectAsync(AnyCall);

        Assert.Equal("55cd271a8e90cf3f3d9d85e06f56189g", call.Sid);
        Assert.Equal(CallStatus.InProgress, call.Status);
        Assert.Equal("chaimine1", call.AccountSid);
        Assert.Equal("09513886363", call.PhoneNumberSid);
        Assert.Null(call.ParentCallSid);
        Assert.Null(call.EndTime);
        Assert.Null(call.Duration);
        Assert.Null(call.Price);
        Assert.Null(call.AnsweredBy);
        Assert.Null(call.RecordingUrl);
        Assert.Null(call.ReadWarnings);
    }

    [Fact]
    public async Task One_recorded_call_reads_the_same_from_its_xml_connect_answer_and_its_json_details()
    {
        var placed = await new CorpusServer().Answer("v1-connect/recorded-connect-in-progress.xml").Client().ConnectAsync(AnyCall);
        var read = await new CorpusServer().Answer("v1-details/recorded-completed.json").Client().GetCallAsync(placed.Sid);

        Assert.Equal(placed.Sid, read.Sid);
        Assert.Equal(placed.AccountSid, read.AccountSid);
        Assert.Equal(placed.From, read.From);
        Assert.Equal(placed.To, read.To);
        Assert.Equal(placed.PhoneNumberSid, read.PhoneNumberSid);
        Assert.Equal(placed.DateCreated, read.DateCreated);
        Assert.Equal(placed.StartTime, read.StartTime);
        Assert.Equal(placed.Direction, read.Direction);
        Assert.Equal(placed.Uri, read.Uri);
        Assert.Equal(placed.ParentCallSid, read.ParentCallSid);
        Assert.Equal(placed.RecordingUrl, read.RecordingUrl);
    }

    [Fact]
    public async Task Docs_details_read_each_wrapped_leg()
    {
        var call = await new CorpusServer().Answer("v1-details/docs-call-details-legs.json").Client().GetCallAsync("b6cfaf5f5cef3ca0fc937749ef96d245", includeDetails: true);

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(17, call.Duration);
        Assert.Equal(1.5m, call.Price);
        var details = Assert.IsType<CallDetails>(call.Details);
        Assert.Equal(8, details.ConversationDuration);
        Assert.Equal(CallStatus.Completed, details.Leg1Status);
        Assert.Equal(CallStatus.Completed, details.Leg2Status);
        Assert.Collection(
            details.Legs,
            first =>
            {
                Assert.Equal("1", first.Id);
                Assert.Equal(21, first.OnCallDuration);
                Assert.Equal("leg 1, 21 s", first.ToString());
            },
            second =>
            {
                Assert.Equal("2", second.Id);
                Assert.Equal(8, second.OnCallDuration);
            });
        Assert.Null(call.ReadWarnings);
    }

    [Fact]
    public async Task Docs_details_read_numbers_sent_as_numbers_and_ignore_fields_the_reader_does_not_map()
    {
        var call = await new CorpusServer().Answer("v1-details/docs-call-details.json").Client().GetCallAsync("80bfbec2d78bbbf10fb851f4fa165211");

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(283, call.Duration);
        Assert.Equal(1.5m, call.Price);
        Assert.Equal(Ist(2017, 3, 3, 12, 35, 10), call.EndTime);
        Assert.Equal("https://s3-ap-southeast-1.amazonaws.com/...", call.RecordingUrl);
        Assert.Null(call.Details);
        Assert.Null(call.ReadWarnings);
    }

    [Theory]
    [InlineData("v1-details/recorded-completed.json", "completed", 11, "0.75", 2024, 9, 16, 15, 50, 12)]
    [InlineData("v1-details/recorded-busy.json", "busy", 30, "0", 2024, 9, 16, 15, 54, 31)]
    [InlineData("v1-details/recorded-no-answer.json", "no-answer", 60, "0", 2024, 9, 16, 15, 55, 11)]
    public async Task Recorded_outcomes_read_as_final_with_their_cost_and_empty_text_as_not_set(
        string file, string status, int duration, string price, int year, int month, int day, int hour, int minute, int second)
    {
        var call = await new CorpusServer().Answer(file).Client().GetCallAsync("any");

        Assert.Equal(new CallStatus(status), call.Status);
        Assert.True(call.Status.IsFinal);
        Assert.Equal(duration, call.Duration);
        Assert.Equal(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), call.Price);
        Assert.Equal(Ist(year, month, day, hour, minute, second), call.EndTime);
        Assert.Null(call.ParentCallSid);
        Assert.Null(call.ForwardedFrom);
        Assert.Null(call.CallerName);
        Assert.Null(call.RecordingUrl);
        Assert.Null(call.ReadWarnings);
    }

    [Fact]
    public async Task Docs_listing_page_reads_its_calls_and_where_the_next_page_is()
    {
        var page = await new CorpusServer().Answer("v1-listing/docs-bulk-call-details.json").Client().GetCallPageAsync(new ListCallsOptions());

        Assert.Equal(1027, page.Total);
        Assert.Equal(20, page.PageSize);
        Assert.Equal("/v1/Accounts/<sid>/Calls.json?After=xyz...", page.NextPageUri);
        var call = Assert.Single(page.Calls);
        Assert.Equal("c5797dcbaaeed7678c4062a4a3ed2f8a", call.Sid);
        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(45, call.Duration);
        Assert.Equal(1.5m, call.Price);
        Assert.Null(call.ReadWarnings);
        Assert.Null(page.ReadWarnings);
    }

    [Theory]
    [InlineData("v1-errors/docs-401.json", 401, ExotelErrorKind.Unauthorized, "Authentication failed. Check your API key and token.", null)]
    [InlineData("v1-errors/docs-429.json", 429, ExotelErrorKind.RateLimited, "Rate limit exceeded. Try again in 30 seconds.", "RATE_LIMIT_EXCEEDED")]
    [InlineData("v1-errors/integrator-400-numeric-code.json", 400, ExotelErrorKind.InvalidInput, "From number +919812345678 is invalid", "34001")]
    [InlineData("v1-errors/faq-400.xml", 400, ExotelErrorKind.InvalidInput, "invalid call parameters no 'from' specified", null)]
    public async Task Error_bodies_say_what_went_wrong(string file, int status, ExotelErrorKind kind, string message, string? code)
    {
        var client = new CorpusServer().Answer(file, status).Client();

        var error = await Assert.ThrowsAsync<ExotelApiException>(() => client.ConnectAsync(AnyCall));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.ExotelStatus);
        Assert.Equal(message, error.ExotelMessage);
        Assert.Equal(code, error.Code);
        Assert.False(error.MayHaveBeenPlaced);
    }
}

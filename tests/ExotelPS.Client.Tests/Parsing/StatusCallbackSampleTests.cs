namespace ExotelPS.Client.Tests.Parsing;

/// <summary>StatusCallback payloads as Exotel's pages describe them (003's fields and Legs, 004's multipart, 000/001's four defaults), parsed.</summary>
public sealed class StatusCallbackSampleTests
{
    private const string Boundary = "----ExotelBoundary7MA4YWxkTrZu0gW";

    public static TheoryData<string, string?> FullPayloads => new()
    {
        { "003-status-callback.json", "application/json" },
        { "003-status-callback.json", null },
        { "004-status-callback.multipart.txt", "multipart/form-data; boundary=" + Boundary },
        { "004-status-callback.multipart.txt", "multipart/form-data" },
    };

    [Theory]
    [MemberData(nameof(FullPayloads))]
    public void Full_payload_reads_every_documented_field(string sample, string? contentType)
    {
        var callback = StatusCallbackReader.Read(Samples.Read(sample), contentType);

        AssertFullPayload(callback);
    }

    [Fact]
    public void Urlencoded_form_of_the_full_payload_reads_the_same()
    {
        var json = StatusCallbackReader.Read(Samples.Read("003-status-callback.json"), "application/json");
        var form = string.Join("&", json.Fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));

        AssertFullPayload(StatusCallbackReader.Read(form, "application/x-www-form-urlencoded; charset=utf-8"));
    }

    [Fact]
    public void Parsed_fields_with_nested_legs_read_the_same()
    {
        // What an Azure Functions trigger hands a script for a JSON body: a hashtable, Legs as a list of hashtables.
        var fields = new Dictionary<string, object?>
        {
            ["CallSid"] = "b6cfaf5f5cef3ca0fc937749ef96d245", ["EventType"] = "terminal", ["DateCreated"] = "2024-03-03 10:48:33",
            ["DateUpdated"] = "2024-03-03 10:53:33", ["Status"] = "completed", ["To"] = "0XXXXX38847", ["From"] = "0XXXXX30240",
            ["PhoneNumberSid"] = "0XXXXXX4890", ["StartTime"] = "2024-03-03 10:48:33", ["EndTime"] = "2024-03-03 10:49:50",
            ["Duration"] = 77, ["ConversationDuration"] = 32L,
            ["RecordingUrl"] = "https://recordings.exotel.com/exotelrecordings/<account_sid>/b6cfaf5f5cef3ca0fc937749ef96d245.mp3",
            ["Direction"] = "outbound-api", ["CustomField"] = "order-1234",
            ["Legs"] = new object[]
            {
                new System.Collections.Hashtable { ["OnCallDuration"] = 41, ["Status"] = "completed", ["AnsweredBy"] = "NA" },
                new System.Collections.Hashtable { ["OnCallDuration"] = 32, ["Status"] = "completed", ["AnsweredBy"] = "Human" },
            },
        };

        AssertFullPayload(StatusCallbackReader.Read(fields));
    }

    [Fact]
    public void Default_four_field_callback_reads_with_no_event()
    {
        var callback = StatusCallbackReader.Read(Samples.Read("000-status-callback.form.txt"), "application/x-www-form-urlencoded");

        Assert.Equal("80bfbec2d78bbbf10fb851f4fa165211", callback.Call.Sid);
        Assert.Equal(CallStatus.NoAnswer, callback.Call.Status);
        Assert.Null(callback.Call.RecordingUrl);
        Assert.Equal(Samples.Ist(2017, 3, 3, 12, 31, 5), callback.Call.DateUpdated);
        Assert.Null(callback.EventType);
        Assert.Null(callback.Call.Details);
        Assert.Empty(callback.UnknownFields);
        Assert.Equal("80bfbec2d78bbbf10fb851f4fa165211||no-answer", callback.DeliveryKey);
    }

    [Fact]
    public void Unknown_fields_are_kept_and_known_ones_are_not_listed_among_them()
    {
        var callback = StatusCallbackReader.Read(
            "CallSid=abc&Status=completed&CallType=trans&Legs[0][Status]=completed&Legs[0][Hangup]=agent&Digits=%221%22", null);

        Assert.Equal(
            new[] { "CallType=trans", "Legs[0][Hangup]=agent", "Digits=\"1\"" },
            callback.UnknownFields.Select(field => field.Key + "=" + field.Value));
        Assert.Equal(CallStatus.Completed, Assert.Single(callback.Call.Details!.Legs).Status);
    }

    [Fact]
    public void Repeated_deliveries_share_a_key_and_the_answered_event_has_its_own()
    {
        var terminal = StatusCallbackReader.Read("CallSid=abc&EventType=terminal&Status=completed&DateUpdated=2024-03-03+10%3A53%3A33", null);
        var again = StatusCallbackReader.Read("CallSid=abc&EventType=terminal&Status=completed&DateUpdated=2024-03-03+10%3A53%3A40", null);
        var answered = StatusCallbackReader.Read("CallSid=abc&EventType=answered&Status=in-progress", null);

        Assert.Equal(terminal.DeliveryKey, again.DeliveryKey);
        Assert.NotEqual(terminal.DeliveryKey, answered.DeliveryKey);
        Assert.True(again.Call.DateUpdated > terminal.Call.DateUpdated);
    }

    [Theory]
    [InlineData("", "application/json", "Body")]
    [InlineData("{not json", "application/json", "Body")]
    [InlineData("[1,2]", "application/json", "Body")]
    [InlineData("Status=completed", null, "CallSid")]
    [InlineData("CallSid=abc", null, "Status")]
    [InlineData("<xml/>", "text/xml", "ContentType")]
    [InlineData("no boundary here", "multipart/form-data", "ContentType")]
    public void Bad_payload_names_the_field_that_is_wrong(string body, string? contentType, string field)
    {
        var error = Assert.Throws<ExotelValidationException>(() => StatusCallbackReader.Read(body, contentType));

        Assert.Equal(field, Assert.Single(error.Failures).Field);
        Assert.StartsWith("Invalid StatusCallback payload: " + field, error.Message);
        Assert.Equal(ExotelErrorKind.InvalidInput, error.Kind);
    }

    [Theory]
    [InlineData("CallSid=abc&Status=completed&Duration=long", "Duration", "'long'")]
    [InlineData("CallSid=abc&Status=completed&DateUpdated=yesterday", "DateUpdated", "'yesterday'")]
    [InlineData("CallSid=abc&Status=completed&Legs[x][Status]=busy", "Legs", "'x'")]
    [InlineData("CallSid=abc&Status=completed&Legs[0][OnCallDuration]=1.5", "Legs[0].OnCallDuration", "'1.5'")]
    public void An_unreadable_field_leaves_the_call_with_a_warning_naming_the_field_and_value(string body, string field, string value)
    {
        var callback = StatusCallbackReader.Read(body, contentType: null);

        Assert.Equal("abc", callback.Call.Sid);
        Assert.Equal(CallStatus.Completed, callback.Call.Status);
        Assert.StartsWith(field + " should be", callback.Call.ReadWarnings);
        Assert.Contains(value, callback.Call.ReadWarnings);
    }

    private static void AssertFullPayload(StatusCallback callback)
    {
        var call = callback.Call;
        Assert.Equal("b6cfaf5f5cef3ca0fc937749ef96d245", call.Sid);
        Assert.Equal("terminal", callback.EventType);
        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal("0XXXXX38847", call.To);
        Assert.Equal("0XXXXX30240", call.From);
        Assert.Equal("0XXXXXX4890", call.PhoneNumberSid);
        Assert.Equal(Samples.Ist(2024, 3, 3, 10, 48, 33), call.DateCreated);
        Assert.Equal(Samples.Ist(2024, 3, 3, 10, 53, 33), call.DateUpdated);
        Assert.Equal(TimeSpan.FromMinutes(330), call.DateUpdated!.Value.Offset);
        Assert.Equal(Samples.Ist(2024, 3, 3, 10, 48, 33), call.StartTime);
        Assert.Equal(Samples.Ist(2024, 3, 3, 10, 49, 50), call.EndTime);
        Assert.Equal(77, call.Duration);
        Assert.EndsWith("b6cfaf5f5cef3ca0fc937749ef96d245.mp3", call.RecordingUrl);
        Assert.Equal("outbound-api", call.Direction);
        Assert.Equal("order-1234", callback.CustomField);
        var details = Assert.IsType<CallDetails>(call.Details);
        Assert.Equal(32, details.ConversationDuration);
        Assert.Collection(
            details.Legs,
            first =>
            {
                Assert.Equal(41, first.OnCallDuration);
                Assert.Equal(CallStatus.Completed, first.Status);
                Assert.Equal("NA", first.AnsweredBy);
            },
            second =>
            {
                Assert.Equal(32, second.OnCallDuration);
                Assert.Equal("Human", second.AnsweredBy);
            });
        Assert.Empty(callback.UnknownFields);
        Assert.Equal("b6cfaf5f5cef3ca0fc937749ef96d245|terminal|completed", callback.DeliveryKey);
    }
}

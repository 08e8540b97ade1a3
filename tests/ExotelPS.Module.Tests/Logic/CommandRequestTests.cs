using ExotelPS.Client;
using ExotelPS.Commands;
using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class CommandRequestTests
{
    [Fact]
    public void Every_Connect_ExotelCall_parameter_reaches_the_request()
    {
        var command = new ConnectExotelCallCommand
        {
            From = "09900000001",
            To = "09900000002",
            CallerId = "08030752400",
            CallType = "trans",
            TimeLimit = "120",
            TimeOut = "30",
            CustomField = "order-17",
            StatusCallback = "https://example.com/status",
            StatusCallbackEvents = new[] { "terminal", "answered" },
            StatusCallbackContentType = "application/json",
            WaitUrl = "https://example.com/wait.wav",
            Record = "true",
            RecordingChannels = "dual",
            RecordingFormat = "Mp3Hq",
            StreamUrl = "wss://example.com/stream",
            StreamBegin = "leg2connect",
            StartPlaybackTo = "Both",
            StartPlaybackValue = "https://example.com/hello.wav",
        };

        var request = Mapped(command);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["From"] = "09900000001",
                ["To"] = "09900000002",
                ["CallerId"] = "08030752400",
                ["CallType"] = "trans",
                ["TimeLimit"] = "120",
                ["TimeOut"] = "30",
                ["WaitUrl"] = "https://example.com/wait.wav",
                ["Record"] = "true",
                ["RecordingChannels"] = "dual",
                ["RecordingFormat"] = "mp3-hq",
                ["StreamUrl"] = "wss://example.com/stream",
                ["StreamBegin"] = "Leg2Connect",
                ["StartPlaybackToNew"] = "Both",
                ["StartPlaybackValueNew"] = "https://example.com/hello.wav",
                ["CustomField"] = "order-17",
                ["StatusCallback"] = "https://example.com/status",
                ["StatusCallbackEvents[0]"] = "terminal",
                ["StatusCallbackEvents[1]"] = "answered",
                ["StatusCallbackContentType"] = "application/json",
            },
            request.ToForm("acme1").ToDictionary(field => field.Key, field => field.Value));
    }

    [Fact]
    public void Parameters_left_out_stay_out_of_the_request()
    {
        var request = Mapped(new ConnectExotelCallCommand { From = "09900000001", To = "09900000002", CallerId = "08030752400" });

        Assert.Equal(new[] { "From", "To", "CallerId" }, request.ToForm("acme1").Select(field => field.Key));
        Assert.Empty(request.StatusCallbackEvents);
    }

    [Fact]
    public void A_flow_call_by_id_carries_the_common_fields()
    {
        var command = new StartExotelFlowCallCommand
        {
            From = "09900000001",
            CallerId = "08030752400",
            FlowId = "926",
            TimeLimit = "60",
            CustomField = "c-1",
            StatusCallbackEvents = new[] { "terminal" },
        };

        var request = Mapped(command);

        Assert.Equal("926", request.FlowId);
        Assert.Null(request.FlowUrl);
        Assert.Equal(60, request.TimeLimit);
        Assert.Equal("c-1", request.CustomField);
        Assert.Equal(new[] { StatusCallbackEvent.Terminal }, request.StatusCallbackEvents);
        Assert.Contains(new KeyValuePair<string, string>("Url", FlowCallOptions.FlowUrlFor("acme1", "926")), request.ToForm("acme1"));
    }

    [Fact]
    public void A_flow_call_by_url_leaves_the_id_out()
    {
        var request = Mapped(new StartExotelFlowCallCommand
        {
            From = "09900000001",
            CallerId = "08030752400",
            FlowUrl = "http://my.exotel.com/acme1/exoml/start_voice/926",
        });

        Assert.Null(request.FlowId);
        Assert.Equal("http://my.exotel.com/acme1/exoml/start_voice/926", request.FlowUrl);
        Assert.Empty(request.Validate());
    }

    [Fact]
    public void Invalid_rows_keep_their_values_so_validation_can_name_them()
    {
        var request = Mapped(new ConnectExotelCallCommand { From = "09900000001", To = "09900abcde", CallerId = "08030752400", TimeLimit = "99999" });

        Assert.Equal(new[] { "To", "TimeLimit" }, request.Validate().Select(failure => failure.Field));
        Assert.Contains(request.Validate(), failure => failure.Value == "09900abcde");
    }

    [Fact]
    public void A_listing_carries_every_filter()
    {
        var after = new DateTime(2024, 5, 1, 9, 0, 0, DateTimeKind.Utc);
        var before = new DateTime(2024, 5, 2, 9, 0, 0, DateTimeKind.Local);
        var command = new GetExotelCallCommand
        {
            Status = new[] { "completed", "no-answer" },
            From = new[] { "09900000001" },
            To = new[] { "09900000002", "09900000003" },
            Direction = "outbound-api",
            After = after,
            Before = before,
        };

        var request = command.ToRequest(25);

        Assert.Equal(new[] { CallStatus.Completed, CallStatus.NoAnswer }, request.Statuses);
        Assert.Equal(new[] { "09900000001" }, request.From);
        Assert.Equal(new[] { "09900000002", "09900000003" }, request.To);
        Assert.Equal(CallDirection.OutboundApi, request.Direction);
        Assert.Equal(new DateTimeOffset(after), request.CreatedAfter);
        Assert.Equal(new DateTimeOffset(before), request.CreatedBefore);
        Assert.Equal(25, request.PageSize);
    }

    [Fact]
    public void A_listing_without_filters_asks_for_everything()
    {
        var request = new GetExotelCallCommand().ToRequest(100);

        Assert.Empty(request.Statuses);
        Assert.Empty(request.From);
        Assert.Empty(request.To);
        Assert.Null(request.Direction);
        Assert.Null(request.CreatedAfter);
        Assert.Null(request.CreatedBefore);
    }

    [Theory]
    [InlineData("CallType", "promo", "trans")]
    [InlineData("RecordingChannels", "triple", "single, dual")]
    [InlineData("RecordingFormat", "wav", "mp3, mp3-hq")]
    [InlineData("StreamBegin", "later", "Leg1Connect, Leg2Connect")]
    [InlineData("StartPlaybackTo", "nobody", "Callee, Both")]
    [InlineData("StatusCallbackContentType", "text/plain", "multipart/form-data, application/json")]
    [InlineData("StatusCallbackEvents", "terminal;bogus", "terminal, answered")]
    public void A_choice_that_cannot_be_read_is_a_failure_naming_the_field_the_value_and_the_choices(string field, string text, string choices)
    {
        var command = new ConnectExotelCallCommand { From = "09900000001", To = "09900000002", CallerId = "08030752400" };
        var property = typeof(ConnectExotelCallCommand).GetProperty(field)!;
        property.SetValue(command, property.PropertyType == typeof(string[]) ? new[] { text } : text);

        var failures = new List<ValidationFailure>();

        command.ToRequest(failures);

        var failure = Assert.Single(failures);
        Assert.Equal(field, failure.Field);
        Assert.Equal(text.Split(';').Last(), failure.Value);
        Assert.Equal("must be one of: " + choices, failure.Reason);
    }

    [Theory]
    [InlineData("terminal,answered")]
    [InlineData("terminal; answered")]
    public void Callback_events_split_a_CSV_cell(string text)
    {
        var request = Mapped(new ConnectExotelCallCommand { StatusCallbackEvents = new[] { text } });

        Assert.Equal(new[] { StatusCallbackEvent.Terminal, StatusCallbackEvent.Answered }, request.StatusCallbackEvents);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_choice_means_not_given(string? blank)
    {
        var request = Mapped(new ConnectExotelCallCommand { RecordingFormat = blank, StatusCallbackEvents = blank is null ? null : new[] { blank } });

        Assert.Null(request.RecordingFormat);
        Assert.Empty(request.StatusCallbackEvents);
    }

    [Theory]
    [InlineData("TimeLimit", "abc")]
    [InlineData("TimeLimit", "1e3")]
    [InlineData("TimeLimit", "30.5")]
    [InlineData("TimeOut", "ten")]
    [InlineData("Record", "maybe")]
    public void A_number_or_yes_no_that_cannot_be_read_is_a_failure_naming_the_field_and_the_value(string field, string text)
    {
        var command = new ConnectExotelCallCommand { From = "09900000001", To = "09900000002", CallerId = "08030752400" };
        typeof(ConnectExotelCallCommand).GetProperty(field)!.SetValue(command, text);
        var failures = new List<ValidationFailure>();

        command.ToRequest(failures);

        var failure = Assert.Single(failures);
        Assert.Equal((field, text), (failure.Field, failure.Value));
    }

    [Theory]
    [InlineData(" 600 ", 600, "yes", true)]
    [InlineData("", null, "", null)]
    [InlineData(null, null, "0", false)]
    public void Numbers_and_yes_no_are_read_from_text_and_blank_means_not_given(string? timeLimit, int? expectedLimit, string? record, bool? expectedRecord)
    {
        var request = Mapped(new ConnectExotelCallCommand { TimeLimit = timeLimit, Record = record });

        Assert.Equal((expectedLimit, expectedRecord), (request.TimeLimit, request.Record));
    }

    // A row whose every value can be read: it maps with no failure.
    private static ConnectCallOptions Mapped(ConnectExotelCallCommand command) => WithoutFailures(failures => command.ToRequest(failures));

    private static FlowCallOptions Mapped(StartExotelFlowCallCommand command) => WithoutFailures(failures => command.ToRequest(failures));

    private static T WithoutFailures<T>(Func<List<ValidationFailure>, T> map)
    {
        var failures = new List<ValidationFailure>();
        var request = map(failures);
        Assert.Empty(failures);
        return request;
    }
}

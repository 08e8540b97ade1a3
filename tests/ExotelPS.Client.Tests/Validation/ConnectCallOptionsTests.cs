namespace ExotelPS.Client.Tests.Validation;

/// <summary>Validation and form fields of <c>Calls/connect</c> between two numbers.</summary>
public sealed class ConnectCallOptionsTests
{
    private const string AccountSid = "exotel1";

    [Fact]
    public void Minimal_request_has_the_three_required_fields_normalised()
    {
        var options = new ConnectCallOptions { From = "098765-43210", To = "+91 99001 23456", CallerId = "080 3075 2400" };

        Assert.Empty(options.Validate());
        Assert.Equal(
            new[] { Field("From", "09876543210"), Field("To", "+919900123456"), Field("CallerId", "08030752400") },
            options.ToForm(AccountSid));
    }

    [Fact]
    public void Every_field_comes_in_documented_order_with_exact_wire_spellings()
    {
        Assert.Equal(EveryField.Form, EveryField.Request().ToForm(AccountSid));
    }

    [Fact]
    public void Record_false_is_sent_as_false()
    {
        var form = Valid(options => options.Record = false).ToForm(AccountSid);

        Assert.Contains(Field("Record", "false"), form);
    }

    [Theory]
    [InlineData("From")]
    [InlineData("To")]
    [InlineData("CallerId")]
    public void Each_number_is_required(string field)
    {
        var failure = Assert.Single(Valid(options => SetNumber(options, field, null)).Validate());

        Assert.Equal(field, failure.Field);
        Assert.Contains("required", failure.Reason);
    }

    [Theory]
    [InlineData("From", "98765abcde")]
    [InlineData("To", "12345")]
    [InlineData("CallerId", "+1234567890123456")]
    public void A_bad_number_names_its_field_and_value(string field, string value)
    {
        var options = Valid(o => SetNumber(o, field, value));

        var failure = Assert.Single(options.Validate());
        Assert.Equal(field, failure.Field);
        Assert.Equal(value, failure.Value);
        var error = Assert.Throws<ExotelValidationException>(() => options.ToForm(AccountSid));
        Assert.Contains($"{field} '{value}'", error.Message);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(14400, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(14401, false)]
    public void TimeLimit_is_1_to_14400_seconds(int seconds, bool valid)
    {
        AssertRange(Valid(options => options.TimeLimit = seconds), "TimeLimit", seconds, valid);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(60, true)]
    [InlineData(0, false)]
    [InlineData(61, false)]
    public void TimeOut_is_1_to_60_seconds(int seconds, bool valid)
    {
        AssertRange(Valid(options => options.TimeOut = seconds), "TimeOut", seconds, valid);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void CustomField_is_at_most_128_characters(int length, bool valid)
    {
        var text = new string('x', length);

        var failures = Valid(options => options.CustomField = text).Validate();

        if (valid)
        {
            Assert.Empty(failures);
        }
        else
        {
            var failure = Assert.Single(failures);
            Assert.Equal("CustomField", failure.Field);
            Assert.Equal(text, failure.Value);
            Assert.Contains("at most 128 characters (it has 129)", failure.Reason);
        }
    }

    [Theory]
    [InlineData("WaitUrl", "https://example.com/a.wav", true)]
    [InlineData("WaitUrl", "http://example.com/a.wav", true)]
    [InlineData("WaitUrl", "ftp://example.com/a.wav", false)]
    [InlineData("WaitUrl", "/a.wav", false)]
    [InlineData("WaitUrl", "example.com/a.wav", false)]
    [InlineData("StatusCallback", "https://example.com/cb", true)]
    [InlineData("StatusCallback", "wss://example.com/cb", false)]
    [InlineData("StatusCallback", "not a url", false)]
    [InlineData("StartPlaybackValueNew", "file:///etc/hosts", false)]
    [InlineData("StreamUrl", "ws://example.com/s", true)]
    [InlineData("StreamUrl", "wss://example.com/s", true)]
    [InlineData("StreamUrl", "https://example.com/s", false)]
    public void Urls_must_be_absolute_with_the_right_scheme(string field, string url, bool valid)
    {
        var options = Valid(o => SetUrl(o, field, url));

        var failures = options.Validate();

        if (valid)
        {
            Assert.Empty(failures);
            Assert.Contains(Field(field, url), options.ToForm(AccountSid));
        }
        else
        {
            var failure = Assert.Single(failures);
            Assert.Equal(field, failure.Field);
            Assert.Equal(url, failure.Value);
            Assert.StartsWith("must ", failure.Reason);
        }
    }

    [Fact]
    public void Blank_optional_urls_are_left_out()
    {
        var form = Valid(options => options.WaitUrl = "  ").ToForm(AccountSid);

        Assert.DoesNotContain(form, field => field.Key == "WaitUrl");
    }

    [Fact]
    public void An_undefined_enumeration_value_is_a_failure_not_a_crash()
    {
        var failure = Assert.Single(Valid(options => options.RecordingFormat = (RecordingFormat)7).Validate());

        Assert.Equal("RecordingFormat", failure.Field);
        Assert.Equal("7", failure.Value);
        Assert.Contains("mp3, mp3-hq", failure.Reason);
    }

    [Fact]
    public void Every_failure_is_reported_at_once_in_field_order()
    {
        var options = new ConnectCallOptions
        {
            From = "abc",
            To = "123",
            TimeLimit = 0,
            TimeOut = 61,
            StreamUrl = "http://example.com",
            CustomField = new string('x', 129),
            StatusCallback = "callback",
        };

        var error = Assert.Throws<ExotelValidationException>(() => options.ToForm(AccountSid));

        Assert.Equal(
            new[] { "From", "To", "CallerId", "TimeLimit", "TimeOut", "StreamUrl", "CustomField", "StatusCallback" },
            error.Failures.Select(failure => failure.Field));
        Assert.Equal(error.Failures.Select(f => f.Field), options.Validate().Select(f => f.Field));
        Assert.Equal(ExotelErrorKind.InvalidInput, error.Kind);
        Assert.False(error.MayHaveBeenPlaced);
    }

    [Fact]
    public void Describes_itself_by_numbers()
    {
        Assert.Equal("09876543210 -> 09900123456 as 08030752400", Valid(_ => { }).ToString());
        Assert.Equal("09900123456", Valid(_ => { }).Target);
    }

    private static ConnectCallOptions Valid(Action<ConnectCallOptions> change)
    {
        var options = new ConnectCallOptions { From = "09876543210", To = "09900123456", CallerId = "08030752400" };
        change(options);
        return options;
    }

    private static void SetNumber(ConnectCallOptions options, string field, string? value)
    {
        switch (field)
        {
            case "From": options.From = value; break;
            case "To": options.To = value; break;
            default: options.CallerId = value; break;
        }
    }

    private static void SetUrl(ConnectCallOptions options, string field, string url)
    {
        switch (field)
        {
            case "WaitUrl": options.WaitUrl = url; break;
            case "StatusCallback": options.StatusCallback = url; break;
            case "StartPlaybackValueNew": options.StartPlaybackValueNew = url; break;
            default: options.StreamUrl = url; break;
        }
    }

    private static void AssertRange(ConnectCallOptions options, string field, int seconds, bool valid)
    {
        var text = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (valid)
        {
            Assert.Empty(options.Validate());
            Assert.Contains(Field(field, text), options.ToForm(AccountSid));
        }
        else
        {
            var failure = Assert.Single(options.Validate());
            Assert.Equal(field, failure.Field);
            Assert.Equal(text, failure.Value);
            Assert.Contains("between 1 and", failure.Reason);
        }
    }

    [Theory]
    [InlineData("https://example.com/call back")]
    [InlineData("https://example.com/a\tb")]
    [InlineData("https://exa mple.com/")]
    public void A_status_callback_with_white_space_inside_is_refused(string url)
    {
        var options = new ConnectCallOptions { From = "09876543210", To = "09900123456", CallerId = "08030752400", StatusCallback = url };

        var failure = Assert.Single(options.Validate());

        Assert.Equal("StatusCallback", failure.Field);
    }

    [Theory]
    [InlineData("order-", 0xD800, "")]
    [InlineData("", 0xDC00, "order")]
    [InlineData("a", 0xDBFF, "b")]
    public void A_custom_field_with_a_lone_surrogate_is_refused_as_it_could_not_be_sent_or_journaled_exactly(string before, int surrogate, string after)
    {
        var customField = before + (char)surrogate + after;
        var options = new ConnectCallOptions { From = "09876543210", To = "09900123456", CallerId = "08030752400", CustomField = customField };

        var failure = Assert.Single(options.Validate());

        Assert.Equal("CustomField", failure.Field);
        Assert.Contains("surrogate", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_bad_value_is_echoed_cut_short()
    {
        var options = new ConnectCallOptions { From = "09876543210", To = new string('9', 1_000_000), CallerId = "08030752400" };

        var error = new ExotelValidationException(options.Validate());

        Assert.True(error.Message.Length < 1_000, $"{error.Message.Length} characters");
        Assert.Contains("1000000 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(1_000_000, error.Failures.Single().Value!.Length);
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}

namespace ExotelPS.Client.Tests.Validation;

/// <summary>Validation and form fields of <c>Calls/connect</c> to a call flow.</summary>
public sealed class FlowCallOptionsTests
{
    private const string AccountSid = "exotel1";

    [Fact]
    public void FlowId_becomes_the_flow_url_in_documented_order()
    {
        var options = new FlowCallOptions
        {
            From = "09876543210",
            CallerId = "08030752400",
            FlowId = " 926 ",
            CallType = CallType.Trans,
            TimeLimit = 300,
            TimeOut = 45,
            StatusCallback = "https://example.com/callback",
            StatusCallbackEvents = { StatusCallbackEvent.Terminal },
            CustomField = "lead-7",
        };

        Assert.Equal(
            new[]
            {
                Field("From", "09876543210"),
                Field("CallerId", "08030752400"),
                Field("Url", "http://my.exotel.com/exotel1/exoml/start_voice/926"),
                Field("CallType", "trans"),
                Field("TimeLimit", "300"),
                Field("TimeOut", "45"),
                Field("StatusCallback", "https://example.com/callback"),
                Field("StatusCallbackEvents[0]", "terminal"),
                Field("CustomField", "lead-7"),
            },
            options.ToForm(AccountSid));
    }

    [Fact]
    public void FlowUrl_is_sent_as_given()
    {
        const string url = "http://my.exotel.com/Exotel/exoml/start_voice/926";

        var form = Valid(options => options.FlowUrl = url).ToForm(AccountSid);

        Assert.Equal(Field("Url", url), form[2]);
    }

    [Fact]
    public void Flow_url_escapes_the_account_sid()
    {
        Assert.Equal("http://my.exotel.com/a%20b/exoml/start_voice/1", FlowCallOptions.FlowUrlFor("a b", "1"));
    }

    [Fact]
    public void FlowId_and_FlowUrl_together_are_refused()
    {
        var failure = Assert.Single(Valid(options =>
        {
            options.FlowId = "926";
            options.FlowUrl = "https://example.com/flow";
        }).Validate());

        Assert.Equal("Url", failure.Field);
        Assert.Equal("https://example.com/flow", failure.Value);
        Assert.Contains("not both", failure.Reason);
        Assert.Contains("926", failure.Reason);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    public void A_flow_is_required(string? flowId, string? flowUrl)
    {
        var failure = Assert.Single(Valid(options =>
        {
            options.FlowId = flowId;
            options.FlowUrl = flowUrl;
        }).Validate());

        Assert.Equal("Url", failure.Field);
        Assert.Contains("FlowId or FlowUrl", failure.Reason);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("92 6")]
    [InlineData("-926")]
    [InlineData("1234567890123")]
    public void FlowId_must_be_numeric(string flowId)
    {
        var failure = Assert.Single(Valid(options => options.FlowId = flowId).Validate());

        Assert.Equal("FlowId", failure.Field);
        Assert.Equal(flowId, failure.Value);
    }

    [Theory]
    [InlineData("ftp://my.exotel.com/x")]
    [InlineData("my.exotel.com/Exotel/exoml/start_voice/926")]
    public void FlowUrl_must_be_absolute_http(string url)
    {
        var failure = Assert.Single(Valid(options => options.FlowUrl = url).Validate());

        Assert.Equal("Url", failure.Field);
        Assert.Equal(url, failure.Value);
    }

    [Fact]
    public void Failures_of_shared_fields_are_collected_too()
    {
        var options = new FlowCallOptions { From = "1", CallerId = "x", TimeOut = 0, CustomField = new string('y', 200) };

        var error = Assert.Throws<ExotelValidationException>(() => options.ToForm(AccountSid));

        Assert.Equal(new[] { "From", "CallerId", "Url", "TimeOut", "CustomField" }, error.Failures.Select(f => f.Field));
    }

    [Fact]
    public void Target_names_the_flow()
    {
        Assert.Equal("flow 926", Valid(options => options.FlowId = "926").Target);
        Assert.Equal("https://example.com/f", Valid(options => options.FlowUrl = "https://example.com/f").Target);
    }

    private static FlowCallOptions Valid(Action<FlowCallOptions> change)
    {
        var options = new FlowCallOptions { From = "09876543210", CallerId = "08030752400", FlowId = null };
        change(options);
        return options;
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}

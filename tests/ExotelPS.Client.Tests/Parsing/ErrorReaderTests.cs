using ExotelPS.Client.Http;

namespace ExotelPS.Client.Tests.Parsing;

/// <summary><c>RestException</c> bodies, and bodies that are not one.</summary>
public sealed class ErrorReaderTests
{
    [Theory]
    [InlineData("error-400.json", true, 400, "Invalid call parameters. No 'From' specified", null)]
    [InlineData("error-429.json", true, 429, "Too Many Requests", "RATE_LIMIT_EXCEEDED")]
    [InlineData("error-429.xml", false, 429, "Too Many Requests", "RATE_LIMIT_EXCEEDED")]
    [InlineData("002-faq-error.xml", false, 400, "invalid call parameters no 'from' specified", null)]
    public void Error_samples_read_status_message_and_code(string sample, bool json, int status, string message, string? code)
    {
        var error = ExotelResponseReader.ReadError(Samples.Read(sample), json);

        Assert.NotNull(error);
        Assert.Equal(status, error.Status);
        Assert.Equal(message, error.Message);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Status_may_come_as_a_string()
    {
        var error = ExotelResponseReader.ReadError("{\"RestException\":{\"Status\":\"404\",\"Message\":\"Not Found\"}}", json: true);

        Assert.Equal(404, error!.Status);
    }

    [Fact]
    public void A_status_that_is_not_a_number_keeps_the_message()
    {
        var error = ExotelResponseReader.ReadError("{\"RestException\":{\"Status\":\"oops\",\"Message\":\"Server busy\"}}", json: true);

        Assert.Null(error!.Status);
        Assert.Equal("Server busy", error.Message);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("Bad Gateway", true)]
    [InlineData("<html><body>502 Bad Gateway</body></html>", true)]
    [InlineData("<html><body>502 Bad Gateway</body></html>", false)]
    [InlineData("{\"Call\":{\"Sid\":\"a\"}}", true)]
    [InlineData("[1,2]", true)]
    [InlineData("{\"RestException\":\"boom\"}", true)]
    [InlineData("", false)]
    public void Anything_else_is_not_an_error_body(string body, bool json)
    {
        Assert.Null(ExotelResponseReader.ReadError(body, json));
    }
}

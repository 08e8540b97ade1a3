using ExotelPS.Client.Http;

namespace ExotelPS.Client.Tests.Parsing;

/// <summary>Listing pages: <c>{"Metadata":{...},"Calls":[...]}</c> and its XML twin.</summary>
public sealed class PageReaderTests
{
    [Fact]
    public void First_page_reads_metadata_and_calls_in_order()
    {
        var page = ExotelResponseReader.ReadPage(Samples.Read("page-first.json"), json: true);

        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.PageSize);
        Assert.Equal("/v1/Accounts/your_sid/Calls.json?PageSize=2&After=Mg==", page.NextPageUri);
        Assert.Collection(
            page.Calls,
            first =>
            {
                Assert.Equal("b6cfaf5f5cef3ca0fc937749ef96d245", first.Sid);
                Assert.Equal(CallStatus.Completed, first.Status);
                Assert.Equal(Samples.Ist(2024, 3, 3, 10, 53, 30), first.EndTime);
                Assert.Equal(297, first.Duration);
                Assert.Equal(1.50m, first.Price);
                Assert.Equal("Human", first.AnsweredBy);
                Assert.Equal("https://recordings.exotel.com/your_sid/b6cfaf5f5cef3ca0fc937749ef96d245.mp3", first.RecordingUrl);
            },
            second =>
            {
                Assert.Equal("80bfbec2d78bbbf10fb851f4fa165211", second.Sid);
                Assert.Equal(CallStatus.NoAnswer, second.Status);
                Assert.Equal(31, second.Duration);
                Assert.Equal(0m, second.Price);
                Assert.Null(second.RecordingUrl);
            });
    }

    [Fact]
    public void Last_page_has_no_next_page()
    {
        var page = ExotelResponseReader.ReadPage(Samples.Read("page-last.json"), json: true);

        Assert.Null(page.NextPageUri);
        var call = Assert.Single(page.Calls);
        Assert.Equal(CallStatus.Busy, call.Status);
        Assert.Equal(0, call.Duration);
        Assert.Equal(0m, call.Price);
        Assert.Null(call.To);
        Assert.Null(call.EndTime);
    }

    [Fact]
    public void Empty_page_has_no_calls()
    {
        var page = ExotelResponseReader.ReadPage(Samples.Read("page-empty.json"), json: true);

        Assert.Empty(page.Calls);
        Assert.Equal(0, page.Total);
        Assert.Equal(50, page.PageSize);
        Assert.Null(page.NextPageUri);
    }

    [Fact]
    public void Xml_page_reads_like_json()
    {
        const string body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TwilioResponse>
              <Metadata><Total>2</Total><PageSize>50</PageSize><NextPageUri/></Metadata>
              <Calls>
                <Call><Sid>a</Sid><Status>completed</Status><Duration>10</Duration></Call>
                <Call><Sid>b</Sid><Status>failed</Status></Call>
              </Calls>
            </TwilioResponse>
            """;

        var page = ExotelResponseReader.ReadPage(body, json: false);

        Assert.Equal(2, page.Total);
        Assert.Null(page.NextPageUri);
        Assert.Equal(new[] { "a", "b" }, page.Calls.Select(call => call.Sid));
        Assert.Equal(10, page.Calls[0].Duration);
        Assert.Equal(CallStatus.Failed, page.Calls[1].Status);
    }

    [Fact]
    public void Metadata_numbers_may_come_as_strings()
    {
        var page = ExotelResponseReader.ReadPage("{\"Metadata\":{\"Total\":\"120\",\"PageSize\":\"100\"},\"Calls\":[]}", json: true);

        Assert.Equal(120, page.Total);
        Assert.Equal(100, page.PageSize);
    }

    [Theory]
    [InlineData("{\"Call\":{\"Sid\":\"a\"}}", "Calls")]
    [InlineData("{\"Metadata\":{},\"Calls\":{\"Sid\":\"a\"}}", "Calls")]
    [InlineData("{\"Metadata\":{},\"Calls\":[{\"Sid\":\"a\"},1]}", "Calls[1] should be an object")]
    [InlineData("{\"Metadata\":{},\"Calls\":[{\"Status\":\"busy\"}]}", "Calls[0].Sid")]
    public void Body_that_is_not_a_page_names_what_was_expected(string body, string path)
    {
        var error = Assert.Throws<FormatException>(() => ExotelResponseReader.ReadPage(body, json: true));

        Assert.Contains(path, error.Message);
    }
}

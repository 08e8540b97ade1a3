using ExotelPS.Client.Campaigns.Reporting.Html;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class HtmlWriterTests
{
    [Fact]
    public void A_sentence_writes_its_numbers_as_fields_in_the_order_its_words_put_them()
    {
        var html = new HtmlWriter().Sentence("{1} of {0} <rows>", ("Rows", Shown.Count(1200)), ("Reached", Shown.Count(7))).ToString();

        Assert.Equal(
            "<span data-field=\"Reached\" data-value=\"7\">7</span> of <span data-field=\"Rows\" data-value=\"1200\">1,200</span> &lt;rows&gt;",
            html);
    }

    [Fact]
    public void A_sentence_without_numbers_is_encoded_text()
    {
        Assert.Equal("a &amp; b", new HtmlWriter().Sentence("a & b").ToString());
    }
}

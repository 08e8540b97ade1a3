using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class LenientParserTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData(" y ", true)]
    [InlineData("1", true)]
    [InlineData("ON", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("N", false)]
    [InlineData("0", false)]
    [InlineData("off", false)]
    public void Booleans_read_the_words_people_type_in_spreadsheets(string text, bool expected)
    {
        Assert.Equal(expected, LenientParser.ToBoolean(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_means_not_given_rather_than_false_or_zero(string? blank)
    {
        Assert.Null(LenientParser.ToBoolean(blank));
        Assert.Null(LenientParser.ToInt32(blank));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    public void An_unreadable_boolean_names_the_value(string text)
    {
        var error = Assert.Throws<FormatException>(() => LenientParser.ToBoolean(text));

        Assert.Contains($"'{text}'", error.Message);
    }

    [Theory]
    [InlineData("60", 60)]
    [InlineData(" 99999 ", 99999)]
    [InlineData("-1", -1)]
    public void Integers_read_text(string value, int expected)
    {
        Assert.Equal(expected, LenientParser.ToInt32(value));
    }

    [Theory]
    [InlineData("sixty")]
    [InlineData("60.5")]
    [InlineData("99999999999")]
    public void An_unreadable_integer_names_the_value(string text)
    {
        var error = Assert.Throws<FormatException>(() => LenientParser.ToInt32(text));

        Assert.Contains($"'{text}'", error.Message);
    }
}

namespace ExotelPS.Client.Tests.Validation;

/// <summary>The number forms Exotel accepts, and the reasons for refusing the rest.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+919900123456", "+919900123456")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    [InlineData("09876543210", "09876543210")]
    [InlineData("098765 43210", "09876543210")]
    [InlineData("080-3075-2400", "08030752400")]
    [InlineData("(080) 30752400", "08030752400")]
    [InlineData("9876543210", "9876543210")]
    [InlineData("98.76.54.32.10", "9876543210")]
    [InlineData(" 6000000000\t", "6000000000")]
    public void Accepted_forms_lose_their_separators(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.TryNormalize(input, out var reason));
        Assert.Equal(string.Empty, reason);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData(" - ", "required")]
    [InlineData("98765abcde", "only digits")]
    [InlineData("+91 98765 4321O", "only digits")]
    [InlineData("98765#43210", "only digits")]
    [InlineData("09876\t543210", "only digits")]
    [InlineData("09876\n543210", "only digits")]
    [InlineData("09876\r\n543210", "only digits")]
    [InlineData("12345", "too short (5 digits)")]
    [InlineData("098765432", "too short (9 digits)")]
    [InlineData("+1234567890123456", "too long (16 digits)")]
    [InlineData("09876543210123456", "too long (17 digits)")]
    [InlineData("5876543210", "not a dialable number")]
    [InlineData("919876543210", "not a dialable number")]
    [InlineData("00876543210", "not a dialable number")]
    [InlineData("+0919876543210", "not a dialable number")]
    public void Refused_forms_say_why(string? input, string because)
    {
        Assert.Null(PhoneNumber.TryNormalize(input, out var reason));
        Assert.Contains(because, reason);
    }
}

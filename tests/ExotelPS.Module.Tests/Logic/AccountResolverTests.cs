using System.Security;
using ExotelPS.Client;
using ExotelPS.Sessions;

namespace ExotelPS.Module.Tests.Logic;

public sealed class AccountResolverTests
{
    private const string Token = "tok-3f9a1c77e2";

    private static readonly Dictionary<string, string> FullEnvironment = new()
    {
        [AccountResolver.AccountSidVariable] = "env-sid",
        [AccountResolver.ApiKeyVariable] = "env-key",
        [AccountResolver.ApiTokenVariable] = "env-token",
        [AccountResolver.RegionVariable] = "mumbai",
    };

    [Fact]
    public void Everything_can_come_from_the_environment()
    {
        var account = AccountResolver.Resolve(new AccountSettings(), Environment(FullEnvironment));

        Assert.Equal("env-sid", account.AccountSid);
        Assert.Equal("env-key", account.ApiKey);
        Assert.True(account.Reveals("env-token"));
        Assert.Equal(ExotelRegion.Mumbai, account.Region);
        Assert.Equal(ExotelAccount.RegionBaseUri(ExotelRegion.Mumbai), account.BaseUri);
    }

    [Fact]
    public void Parameters_win_over_the_environment_setting_by_setting()
    {
        var given = new AccountSettings { AccountSid = "acme1", ApiToken = Secure(Token), Region = "Singapore" };

        var account = AccountResolver.Resolve(given, Environment(FullEnvironment));

        Assert.Equal("acme1", account.AccountSid);
        Assert.Equal("env-key", account.ApiKey);
        Assert.True(account.Reveals(Token));
        Assert.False(account.Reveals("env-token"));
        Assert.Equal(ExotelRegion.Singapore, account.Region);
    }

    [Fact]
    public void Without_a_region_anywhere_the_account_is_in_Singapore()
    {
        var account = AccountResolver.Resolve(new AccountSettings { AccountSid = "a", ApiKey = "k", ApiToken = Secure(Token) }, Environment(new()));

        Assert.Equal(ExotelRegion.Singapore, account.Region);
    }

    [Fact]
    public void A_base_uri_sends_requests_elsewhere()
    {
        var given = new AccountSettings { AccountSid = "a", ApiKey = "k", ApiToken = Secure(Token), BaseUri = new Uri("http://127.0.0.1:5099") };

        Assert.Equal(new Uri("http://127.0.0.1:5099/"), AccountResolver.Resolve(given, Environment(new())).BaseUri);
    }

    [Fact]
    public void An_empty_secure_token_falls_back_to_the_environment()
    {
        var given = new AccountSettings { AccountSid = "a", ApiKey = "k", ApiToken = new SecureString() };

        Assert.True(AccountResolver.Resolve(given, Environment(FullEnvironment)).Reveals("env-token"));
    }

    [Theory]
    [InlineData(AccountResolver.AccountSidVariable, "AccountSid")]
    [InlineData(AccountResolver.ApiKeyVariable, "ApiKey")]
    [InlineData(AccountResolver.ApiTokenVariable, "ApiToken")]
    public void A_missing_setting_names_its_parameter_and_variable(string variable, string parameter)
    {
        var environment = FullEnvironment.Where(pair => pair.Key != variable).ToDictionary(pair => pair.Key, pair => pair.Value);

        var error = Assert.Throws<ArgumentException>(() => AccountResolver.Resolve(new AccountSettings(), Environment(environment)));

        Assert.Contains(variable, error.Message);
        Assert.Contains(parameter, error.Message);
        Assert.DoesNotContain("env-token", error.Message);
    }

    [Fact]
    public void A_bad_region_variable_names_the_variable_and_the_choices()
    {
        var environment = new Dictionary<string, string>(FullEnvironment) { [AccountResolver.RegionVariable] = "1" };

        var error = Assert.Throws<ArgumentException>(() => AccountResolver.Resolve(new AccountSettings(), Environment(environment)));

        Assert.Contains(AccountResolver.RegionVariable, error.Message);
        Assert.Contains("Singapore, Mumbai", error.Message);
    }

    [Fact]
    public void SecureText_reveals_the_exact_text()
    {
        Assert.Equal(Token, SecureText.Reveal(Secure(Token)));
        Assert.Equal(string.Empty, SecureText.Reveal(new SecureString()));
    }

    internal static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }

    private static Func<string, string?> Environment(Dictionary<string, string> variables) =>
        name => variables.TryGetValue(name, out var value) ? value : null;
}

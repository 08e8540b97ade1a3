using System.Text;

namespace ExotelPS.Client.Tests.Accounts;

/// <summary>Where an account talks to, how it authenticates, and that its secrets stay secret.</summary>
public sealed class ExotelAccountTests
{
    private const string Sid = "exotel1";
    private const string Key = "key-1234";
    private const string Token = "tok-5e3f9a7c1d";

    [Theory]
    [InlineData(ExotelRegion.Singapore, "https://api.exotel.com/")]
    [InlineData(ExotelRegion.Mumbai, "https://api.in.exotel.com/")]
    public void Regions_have_their_base_uri(ExotelRegion region, string expected)
    {
        var account = new ExotelAccount(Sid, Key, Token, region);

        Assert.Equal(new Uri(expected), account.BaseUri);
        Assert.Equal(region, account.Region);
        Assert.Equal(new Uri(expected), ExotelAccount.RegionBaseUri(region));
    }

    [Theory]
    [InlineData("https://api.in.exotel.com", "https://api.in.exotel.com/", ExotelRegion.Mumbai)]
    [InlineData("https://proxy.example.com:8443/some/path?q=1", "https://proxy.example.com:8443/", ExotelRegion.Singapore)]
    [InlineData("http://127.0.0.1:5099", "http://127.0.0.1:5099/", ExotelRegion.Singapore)]
    [InlineData("http://127.10.20.30", "http://127.10.20.30/", ExotelRegion.Singapore)]
    [InlineData("http://[::1]:5099/", "http://[::1]:5099/", ExotelRegion.Singapore)]
    [InlineData("http://localhost:5099", "http://localhost:5099/", ExotelRegion.Singapore)]
    public void Custom_base_uri_keeps_scheme_host_and_port(string baseUri, string expected, ExotelRegion region)
    {
        var account = new ExotelAccount(Sid, Key, Token, new Uri(baseUri));

        Assert.Equal(new Uri(expected), account.BaseUri);
        Assert.Equal(region, account.Region);
    }

    [Theory]
    [InlineData("http://api.exotel.com")]
    [InlineData("http://10.0.0.1:5099")]
    [InlineData("http://128.0.0.1")]
    [InlineData("http://localhost.example.com")]
    [InlineData("ftp://api.exotel.com")]
    [InlineData("ws://127.0.0.1")]
    public void Plain_http_is_refused_except_on_loopback(string baseUri)
    {
        var error = Assert.Throws<ArgumentException>(() => new ExotelAccount(Sid, Key, Token, new Uri(baseUri)));

        Assert.Equal("BaseUri", error.ParamName);
        Assert.Contains("https", error.Message);
    }

    [Fact]
    public void A_relative_or_missing_base_uri_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => new ExotelAccount(Sid, Key, Token, new Uri("api.exotel.com", UriKind.Relative)));
        Assert.Throws<ArgumentException>(() => new ExotelAccount(Sid, Key, Token, (Uri)null!));
    }

    [Fact]
    public void Credentials_in_the_base_uri_are_refused_without_echoing_them()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new ExotelAccount(Sid, Key, Token, new Uri($"https://{Key}:{Token}@api.exotel.com/")));

        Assert.Contains("credentials", error.Message);
        Assert.DoesNotContain(Token, error.ToString());
    }

    [Theory]
    [InlineData("", Key, Token, "AccountSid")]
    [InlineData(Sid, " ", Token, "ApiKey")]
    [InlineData(Sid, Key, "", "ApiToken")]
    [InlineData(Sid, Key, null, "ApiToken")]
    public void Every_credential_part_is_required(string sid, string key, string? token, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new ExotelAccount(sid, key, token!));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Authorization_is_basic_key_and_token()
    {
        var header = new ExotelAccount(Sid, Key, Token).CreateAuthorizationHeader();

        Assert.Equal("Basic", header.Scheme);
        Assert.Equal($"{Key}:{Token}", Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!)));
    }

    [Fact]
    public void Reveals_finds_the_token_and_the_encoded_credentials()
    {
        var account = new ExotelAccount(Sid, Key, Token);
        var encoded = account.CreateAuthorizationHeader().Parameter!;

        Assert.True(account.Reveals($"token={Token}"));
        Assert.True(account.Reveals("Authorization: Basic " + encoded));
        Assert.False(account.Reveals($"{Sid} {Key}"));
        Assert.False(account.Reveals(null));
        Assert.False(account.Reveals(string.Empty));
    }

    [Fact]
    public void ToString_and_throttle_key_hold_no_secret()
    {
        var account = new ExotelAccount(Sid, Key, Token, new Uri("http://127.0.0.1:5099"));

        Assert.Equal("exotel1 @ 127.0.0.1", account.ToString());
        Assert.Equal("http://127.0.0.1:5099/exotel1", account.ThrottleKey);
        Assert.False(account.Reveals(account.ToString()));
        Assert.False(account.Reveals(account.ThrottleKey));
    }

    [Fact]
    public void Accounts_of_one_server_share_a_throttle_key_whatever_the_host_case()
    {
        var first = new ExotelAccount(Sid, Key, Token, new Uri("https://API.exotel.com"));
        var second = new ExotelAccount(Sid, "other-key", "other-token", ExotelRegion.Singapore);
        var elsewhere = new ExotelAccount(Sid, Key, Token, ExotelRegion.Mumbai);

        Assert.Equal(first.ThrottleKey, second.ThrottleKey);
        Assert.NotEqual(first.ThrottleKey, elsewhere.ThrottleKey);
    }

    [Theory]
    [InlineData("http://10.1.2.3")]
    [InlineData("https://key-1234:tok-5e3f9a7c1d@api.exotel.com")]
    [InlineData("http://key-1234:tok-5e3f9a7c1d@example.com")]
    public void No_error_message_reveals_a_secret(string baseUri)
    {
        var account = new ExotelAccount(Sid, Key, Token);

        var error = Assert.Throws<ArgumentException>(() => new ExotelAccount(Sid, Key, Token, new Uri(baseUri)));

        Assert.False(account.Reveals(error.ToString()), error.Message);
    }
}

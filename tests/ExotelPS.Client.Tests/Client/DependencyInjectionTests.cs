using Microsoft.Extensions.DependencyInjection;

namespace ExotelPS.Client.Tests.Client;

/// <summary>services.AddExotelClient for .NET applications.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_client_resolves_from_the_container_with_its_options_and_a_factory_http_client()
    {
        await using var server = await RecordingServer.StartAsync(200, Answers.Call("c1", "completed"));
        var account = server.CreateAccount();
        var services = new ServiceCollection();
        services.AddExotelClient(account, options => options.MaxRetries = 2);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ExotelClient>();
        var call = await client.GetCallAsync("c1");

        Assert.Same(account, client.Account);
        Assert.Equal(2, client.Options.MaxRetries);
        Assert.NotNull(provider.GetService<IHttpClientFactory>());
        Assert.Equal("c1", call.Sid);
        Assert.Equal(account.CreateAuthorizationHeader().ToString(), Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public void Invalid_options_are_refused_at_registration()
    {
        var account = new ExotelAccount("sid", "key", "token");

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ServiceCollection().AddExotelClient(account, options => options.MaxConcurrency = 0));

        Assert.Equal("MaxConcurrency", error.ParamName);
    }
}

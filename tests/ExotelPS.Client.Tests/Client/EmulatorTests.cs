namespace ExotelPS.Client.Tests.Client;

/// <summary>The client end to end against the emulator on 127.0.0.1.</summary>
public sealed class EmulatorTests
{
    [Fact]
    public async Task A_call_placed_can_be_read_back_and_listed()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var account = emulator.CreateAccount();
        using var client = new ExotelClient(account);

        await client.VerifyCredentialsAsync();
        var placed = await client.ConnectAsync(new ConnectCallOptions { From = "09900000001", To = "+919900000002", CallerId = "08030752400" });
        var read = await client.GetCallAsync(placed.Sid, includeDetails: true);

        Assert.False(string.IsNullOrEmpty(placed.Sid));
        Assert.Equal(placed.Sid, read.Sid);
        Assert.Equal("09900000002", read.To);
        Assert.Single(emulator.Simulator.Calls);
    }

    [Fact]
    public async Task Wrong_credentials_and_a_do_not_call_number_are_reported_by_kind()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var account = emulator.CreateAccount();
        using var impostor = new ExotelClient(new ExotelAccount(account.AccountSid, account.ApiKey, "wrong-token", account.BaseUri));
        using var client = new ExotelClient(account);

        var unauthorized = await Assert.ThrowsAsync<ExotelApiException>(() => impostor.VerifyCredentialsAsync());
        var forbidden = await Assert.ThrowsAsync<ExotelApiException>(
            () => client.ConnectAsync(new ConnectCallOptions { From = "09900000001", To = "09900000403", CallerId = "08030752400" }));

        Assert.Equal(ExotelErrorKind.Unauthorized, unauthorized.Kind);
        Assert.Equal(ExotelErrorKind.Forbidden, forbidden.Kind);
        Assert.False(forbidden.MayHaveBeenPlaced);
        Assert.EndsWith("do-not-call) list.", forbidden.Message);
        Assert.DoesNotContain("..", forbidden.Message);
        Assert.Empty(emulator.Simulator.Calls);
    }
}

using ExotelPS.Client;
using ExotelPS.Diagnostics;

namespace ExotelPS.Module.Tests.Logic;

public sealed class TraceRelayTests
{
    private const string Token = "tok-8d2e4b11aa";
    private static readonly ExotelAccount Account = new("acme1", "key-1", Token);

    [Fact]
    public async Task Lines_written_from_other_threads_are_drained_in_order()
    {
        var relay = new TraceRelay();
        using var listener = relay.Listen();

        await Task.Run(() =>
        {
            relay.Write("POST /v1/Accounts/acme1/Calls/connect.json 200");
            relay.Write("GET /v1/Accounts/acme1/Calls.json 200");
        });

        Assert.Equal(
            new[] { "POST /v1/Accounts/acme1/Calls/connect.json 200", "GET /v1/Accounts/acme1/Calls.json 200" },
            listener.Drain(Account).ToArray());
        Assert.Empty(listener.Drain(Account));
    }

    [Fact]
    public void A_line_revealing_a_credential_is_withheld()
    {
        var relay = new TraceRelay();
        using var listener = relay.Listen();
        var basic = Account.CreateAuthorizationHeader().Parameter;

        relay.Write("token " + Token);
        relay.Write("Authorization: Basic " + basic);

        var lines = listener.Drain(Account).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.False(Account.Reveals(line)));
        Assert.All(lines, line => Assert.Contains("withheld", line));
    }

    [Fact]
    public void Every_listening_command_hears_each_line_and_a_disposed_one_stops_hearing()
    {
        var relay = new TraceRelay();
        var first = relay.Listen();
        using var second = relay.Listen();

        relay.Write("one");
        first.Dispose();
        relay.Write("two");

        Assert.Equal(new[] { "one" }, first.Drain(Account).ToArray());
        Assert.Equal(new[] { "one", "two" }, second.Drain(Account).ToArray());
    }
}

using System.Reflection;
using ExotelPS.Client;
using ExotelPS.Client.Sandbox;
using ExotelPS.Diagnostics;

namespace ExotelPS.Module.Tests.Logic;

public sealed class ExotelSessionTests
{
    private const string Token = "tok-51c0ffee";

    [Fact]
    public void A_session_shows_where_and_how_fast_but_never_the_token()
    {
        var account = new ExotelAccount("acme1", "key-1", Token, ExotelRegion.Mumbai);
        using var session = new ExotelSession(
            new ExotelClient(account, new ExotelClientOptions { RequestsPerMinute = 120, MaxConcurrency = 4 }), new TraceRelay(), simulatedSpeed: null);

        Assert.Equal("acme1", session.AccountSid);
        Assert.Equal("Mumbai", session.Region);
        Assert.Equal(new Uri("https://api.in.exotel.com/"), session.BaseUri);
        Assert.Equal(120, session.RequestsPerMinute);
        Assert.Equal(4, session.ThrottleLimit);
        Assert.False(session.IsSandbox);
        Assert.Null(session.SimulatedSpeed);
        Assert.Equal("acme1 @ api.in.exotel.com", session.ToString());

        var shown = typeof(ExotelSession).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => Convert.ToString(property.GetValue(session)))
            .Append(session.ToString());
        Assert.All(shown, text => Assert.False(account.Reveals(text)));
    }

    [Fact]
    public void Sessions_of_one_account_show_the_budget_they_share_as_it_is_now()
    {
        var account = new ExotelAccount("acme-" + Guid.NewGuid().ToString("N"), "key-1", Token, ExotelRegion.Mumbai);
        using var older = new ExotelSession(
            new ExotelClient(account, new ExotelClientOptions { RequestsPerMinute = 120, MaxConcurrency = 4 }), new TraceRelay(), simulatedSpeed: null);
        using var newer = new ExotelSession(
            new ExotelClient(account, new ExotelClientOptions { RequestsPerMinute = 60, MaxConcurrency = 2 }), new TraceRelay(), simulatedSpeed: null);

        Assert.Equal((60, 2), (older.RequestsPerMinute, older.ThrottleLimit));
        Assert.Equal((60, 2), (newer.RequestsPerMinute, newer.ThrottleLimit));
        Assert.Null(older.Client.ReplacedBudget);
        Assert.Equal((120, 4), newer.Client.ReplacedBudget);
    }

    [Fact]
    public void A_sped_up_sandbox_session_shows_its_speed()
    {
        using var session = new ExotelSession(
            ExotelSandbox.CreateClient(simulatorOptions: new SimulatorOptions { Speed = 60 }), new TraceRelay(), simulatedSpeed: 60);

        Assert.True(session.IsSandbox);
        Assert.Equal(60, session.SimulatedSpeed);
        Assert.Equal("sandbox (sandbox, 60x)", session.ToString());
    }

    [Fact]
    public void No_public_member_of_a_session_exposes_the_client_or_the_account()
    {
        var members = typeof(ExotelSession).GetProperties().Select(property => property.PropertyType);

        Assert.DoesNotContain(typeof(ExotelClient), members);
        Assert.DoesNotContain(typeof(ExotelAccount), members);
    }

    [Fact]
    public void A_sandbox_session_says_so_and_disconnecting_marks_it()
    {
        var session = new ExotelSession(ExotelSandbox.CreateClient(), new TraceRelay(), simulatedSpeed: 1);

        Assert.True(session.IsSandbox);
        Assert.Equal(1, session.SimulatedSpeed);
        Assert.Equal(ExotelSandbox.AccountSid, session.AccountSid);
        Assert.Equal("sandbox (sandbox)", session.ToString());
        Assert.False(session.IsDisconnected);

        session.Dispose();
        session.Dispose();

        Assert.True(session.IsDisconnected);
    }
}

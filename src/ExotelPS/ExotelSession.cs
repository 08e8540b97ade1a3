using ExotelPS.Client;
using ExotelPS.Diagnostics;

namespace ExotelPS;

/// <summary>
/// A connection to one Exotel account, made by Connect-ExotelAccount: where requests go and how they are paced.
/// It holds the account's client; the API token stays inside it and is never shown.
/// </summary>
public sealed class ExotelSession : IDisposable
{
    internal ExotelSession(ExotelClient client, TraceRelay trace, double? simulatedSpeed)
    {
        Client = client;
        Trace = trace;
        SimulatedSpeed = simulatedSpeed;
        AccountSid = client.Account.AccountSid;
        Region = client.Account.Region.ToString();
        BaseUri = client.Account.BaseUri;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>The account SID.</summary>
    public string AccountSid { get; }

    /// <summary>The Exotel region (for a custom base URI, the region it resembles).</summary>
    public string Region { get; }

    /// <summary>Where requests go.</summary>
    public Uri BaseUri { get; }

    /// <summary>Requests a minute allowed for the account now: one budget shared by every session of it in this process, set by the latest.</summary>
    public int RequestsPerMinute => Client.RequestsPerMinute;

    /// <summary>The account's cap on requests in flight now (shared like <see cref="RequestsPerMinute"/>); null when sized from measured latency.</summary>
    public int? ThrottleLimit => Client.MaxConcurrency;

    /// <summary>Requests allowed in flight now: <see cref="ThrottleLimit"/>, or the window sized from the latency measured so far.</summary>
    public int InFlightLimit => Client.InFlightLimit;

    /// <summary>True for the offline sandbox: no call leaves the computer.</summary>
    public bool IsSandbox => SimulatedSpeed is not null;

    /// <summary>For the sandbox, how many times as fast as real time it runs (1: real time); null for an account.</summary>
    public double? SimulatedSpeed { get; }

    /// <summary>When the session was opened.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>True once Disconnect-ExotelAccount has closed the session.</summary>
    public bool IsDisconnected { get; private set; }

    internal ExotelClient Client { get; }

    internal TraceRelay Trace { get; }

    internal ExotelAccount Account => Client.Account;

    /// <summary>Account SID and host, e.g. <c>acme1 @ api.exotel.com</c>; never the token.</summary>
    public override string ToString() =>
        SimulatedSpeed is null ? $"{AccountSid} @ {BaseUri.Host}"
        : SimulatedSpeed == 1 ? $"{AccountSid} (sandbox)"
        : string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} (sandbox, {1}x)", AccountSid, SimulatedSpeed);

    /// <summary>Closes the session's connections; later commands with it fail with a clear error.</summary>
    public void Dispose()
    {
        if (!IsDisconnected)
        {
            IsDisconnected = true;
            Client.Dispose();
        }
    }
}

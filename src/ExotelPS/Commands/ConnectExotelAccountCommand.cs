using System.Management.Automation;
using System.Security;
using ExotelPS.Client;
using ExotelPS.Client.Sandbox;
using ExotelPS.Diagnostics;
using ExotelPS.Pipeline;
using ExotelPS.Resources;
using ExotelPS.Sessions;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Connects to an Exotel account (or the offline sandbox) and makes it the default session of this runspace.</para>
/// <para type="description">Give the API key and token as a PSCredential (user name = API key, password = API token), as -ApiKey and -ApiToken, or in the environment variables EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY, EXOTEL_API_TOKEN and EXOTEL_REGION. The credentials are checked with one request.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "ExotelAccount", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(ExotelSession))]
public sealed class ConnectExotelAccountCommand : ExotelCmdlet
{
    private const string CredentialSet = "Credential";
    private const string ApiKeySet = "ApiKey";
    private const string SandboxSet = "Sandbox";

    /// <summary>The account SID (default: $env:EXOTEL_ACCOUNT_SID).</summary>
    [Parameter(ParameterSetName = CredentialSet, Position = 0)]
    [Parameter(ParameterSetName = ApiKeySet, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? AccountSid { get; set; }

    /// <summary>User name = API key, password = API token: what Get-AutomationPSCredential and Get-Secret return.</summary>
    [Parameter(ParameterSetName = CredentialSet, Position = 1)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>The API key (default: $env:EXOTEL_API_KEY).</summary>
    [Parameter(ParameterSetName = ApiKeySet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? ApiKey { get; set; }

    /// <summary>The API token.</summary>
    [Parameter(ParameterSetName = ApiKeySet, Mandatory = true)]
    [ValidateNotNull]
    public SecureString? ApiToken { get; set; }

    /// <summary>The account's region, Singapore or Mumbai (default: $env:EXOTEL_REGION, else Singapore).</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = ApiKeySet)]
    [ValidateSet(nameof(ExotelRegion.Singapore), nameof(ExotelRegion.Mumbai))]
    public string? Region { get; set; }

    /// <summary>Another base URI: the local emulator, or a proxy (https, or http on loopback only).</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>Use the offline sandbox: no account needed, no call leaves this computer.</summary>
    [Parameter(ParameterSetName = SandboxSet, Mandatory = true)]
    public SwitchParameter Sandbox { get; set; }

    /// <summary>Sandbox only: how long each call rings, in seconds, or a range each call draws from (2-5); default 2.</summary>
    [Parameter(ParameterSetName = SandboxSet)]
    [ValidateNotNullOrEmpty]
    public string? SimulatedRingTime { get; set; }

    /// <summary>Sandbox only: how long each call talks, in seconds, or a range each call draws from (20-40); default 3.</summary>
    [Parameter(ParameterSetName = SandboxSet)]
    [ValidateNotNullOrEmpty]
    public string? SimulatedTalkTime { get; set; }

    /// <summary>Sandbox only: how many times as fast as real time the sandbox runs, 1 to 3600 (60: an hour in a minute); default 1.</summary>
    [Parameter(ParameterSetName = SandboxSet)]
    [ValidateRange(SimulatorOptions.MinSpeed, SimulatorOptions.MaxSpeed)]
    public double SimulatedSpeed { get; set; } = SimulatorOptions.MinSpeed;

    /// <summary>Sandbox only: the share (0 to 1) of calls to ordinary numbers that end busy, drawn per call; default 0.</summary>
    [Parameter(ParameterSetName = SandboxSet)]
    [ValidateRange(0.0, 1.0)]
    public double SimulatedBusyShare { get; set; }

    /// <summary>Sandbox only: the share (0 to 1) of calls to ordinary numbers that end no-answer, drawn per call; default 0.</summary>
    [Parameter(ParameterSetName = SandboxSet)]
    [ValidateRange(0.0, 1.0)]
    public double SimulatedNoAnswerShare { get; set; }

    /// <summary>Requests a minute allowed for the account (default: Exotel's 200).</summary>
    [Parameter]
    [ValidateRange(1, 100000)]
    public int? RequestsPerMinute { get; set; }

    /// <summary>Most requests in flight at once, 1 to 1000 (default: sized from the latency measured, 10 to 1000).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int? ThrottleLimit { get; set; }

    /// <summary>Also write the session, for -Session or to keep several.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Connects, checks the credentials, and sets the default session.</summary>
    protected override void EndProcessing()
    {
        var trace = new TraceRelay();
        var options = new ExotelClientOptions { Trace = trace.Write };
        options.RequestsPerMinute = RequestsPerMinute ?? options.RequestsPerMinute;
        options.MaxConcurrency = ThrottleLimit;

        var client = Sandbox ? ExotelSandbox.CreateClient(options, SandboxExotel(options)) : new ExotelClient(ResolveAccount(), options);
        ListenToTrace(trace, client.Account);
        if (!Sandbox)
        {
            VerifyCredentials(client);
        }

        if (client.ReplacedBudget is { } replaced)
        {
            WriteWarning(Text.Format(
                Strings.SharedBudgetChanged, client.Account.AccountSid, replaced.RequestsPerMinute, InFlight(replaced.MaxConcurrency), client.RequestsPerMinute, InFlight(client.MaxConcurrency)));
        }

        var session = new ExotelSession(client, trace, Sandbox ? SimulatedSpeed : null);
        DefaultSession.Set(session);
        WriteVerbose(Sandbox
            ? Text.Format(Strings.ConnectedSandbox, session.AccountSid)
            : Text.Format(Strings.Connected, session.AccountSid, session.BaseUri));
        if (Sandbox && SimulatedSpeed != SimulatorOptions.MinSpeed)
        {
            WriteVerbose(Text.Format(Strings.ConnectedSandboxFaster, SimulatedSpeed));
        }
        if (PassThru)
        {
            WriteObject(session);
        }
    }

    // The sandbox's Exotel: the client's own rate, the speed, the outcomes' shares, and the ring and talk times asked for.
    // The engine runs the client on the simulator's sped-up time: this assembly must not name TimeProvider (see
    // EngineBindingTests), so only the speed, a double, crosses.
    private SimulatorOptions SandboxExotel(ExotelClientOptions options)
    {
        if (!SimulatorOptions.SharesFit(SimulatedBusyShare, SimulatedNoAnswerShare))
        {
            throw Terminate(new ErrorRecord(
                new ArgumentException(Text.Format(Strings.SimulatedSharesInvalid, SimulatedBusyShare, SimulatedNoAnswerShare)),
                ErrorCatalog.InvalidConnectionSettings,
                ErrorCategory.InvalidArgument,
                SimulatedNoAnswerShare));
        }

        var simulator = new SimulatorOptions
        {
            RequestsPerMinute = options.RequestsPerMinute,
            Speed = SimulatedSpeed,
            BusyShare = SimulatedBusyShare,
            NoAnswerShare = SimulatedNoAnswerShare,
        };
        (simulator.RingDelay, simulator.RingDelaySpread) = SimulatedTime(nameof(SimulatedRingTime), SimulatedRingTime, simulator.RingDelay);
        (simulator.TalkTime, simulator.TalkTimeSpread) = SimulatedTime(nameof(SimulatedTalkTime), SimulatedTalkTime, simulator.TalkTime);
        return simulator;
    }

    private (TimeSpan Least, TimeSpan Spread) SimulatedTime(string parameter, string? value, TimeSpan fallback)
    {
        if (value is null)
        {
            return (fallback, TimeSpan.Zero);
        }

        if (!CallDurations.TryParseSeconds(value, out var least, out var spread, out var reason))
        {
            throw Terminate(new ErrorRecord(
                new ArgumentException(Text.Format(Strings.SimulatedTimeInvalid, parameter, value, reason)), ErrorCatalog.InvalidConnectionSettings, ErrorCategory.InvalidArgument, value));
        }

        return (least, spread);
    }

    private ExotelAccount ResolveAccount()
    {
        var settings = new AccountSettings
        {
            AccountSid = AccountSid,
            ApiKey = ApiKey ?? Credential?.UserName,
            ApiToken = ApiToken ?? Credential?.Password,
            Region = Region,
            BaseUri = BaseUri,
        };
        try
        {
            return AccountResolver.Resolve(settings, Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException ex)
        {
            throw Terminate(new ErrorRecord(ex, ErrorCatalog.InvalidConnectionSettings, ErrorCategory.InvalidArgument, AccountSid));
        }
    }

    private void VerifyCredentials(ExotelClient client)
    {
        try
        {
            Await(client.VerifyCredentialsAsync(StopToken));
        }
        catch (ExotelException ex)
        {
            client.Dispose();
            var record = ErrorCatalog.Create(ex, client.Account.AccountSid);
            record.ErrorDetails = new ErrorDetails(ex.Kind == ExotelErrorKind.Unauthorized
                ? Text.Format(Strings.CredentialsRefused, client.Account.AccountSid)
                : Text.Format(Strings.CredentialsNotChecked, client.Account.AccountSid, ex.Message));
            throw Terminate(record);
        }
    }

    // A cap the user set, or what no cap means: the window follows the latency measured.
    private static string InFlight(int? cap) => cap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Strings.InFlightFromLatency;
}

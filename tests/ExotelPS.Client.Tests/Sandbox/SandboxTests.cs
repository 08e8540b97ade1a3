using System.Text;
using ExotelPS.Client.Sandbox;
using ExotelPS.Client.Tests.Emulator;

namespace ExotelPS.Client.Tests.Sandbox;

/// <summary>The simulated Exotel in memory, through <see cref="SandboxMessageHandler"/>: the same contract as the emulator.</summary>
public sealed class SandboxTests : SimulatedExotelContract
{
    protected override Task<SimulatedExotel> CreateAsync(Action<SimulatorOptions> configure) => Task.FromResult(SimulatedExotel.Sandbox(configure));

    protected override void AssertDropLooksLikeASocketFailure(HttpRequestException failure) =>
        Assert.IsType<IOException>(failure.InnerException);

    [Fact]
    public async Task CredentialsInTheUrlAreNeverAccepted()
    {
        await using var exotel = await StartAsync();
        var account = exotel.CreateAccount();
        var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(account.CreateAuthorizationHeader().Parameter!));
        var withUserInfo = new UriBuilder(exotel.BaseUri)
        {
            UserName = account.ApiKey,
            Password = credentials.Substring(account.ApiKey.Length + 1),
            Path = $"v1/Accounts/{account.AccountSid}/Calls.json",
        }.Uri;

        using var response = await exotel.Http.GetAsync(withUserInfo);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SandboxClientPlacesAndReadsBackCallsWithNoNetwork()
    {
        var simulator = new ExotelSimulator(new SimulatorOptions { TimeProvider = Clock });
        using var client = ExotelSandbox.CreateClientFor(simulator);

        var placed = await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = "+919900000480", CallerId = CallerId });
        Clock.Advance(simulator.Options.RingDelay + simulator.Options.TalkTime);
        var ended = await client.GetCallAsync(placed.Sid, includeDetails: true);

        Assert.Equal(ExotelSandbox.AccountSid, client.Account.AccountSid);
        Assert.Equal(CallStatus.Queued, placed.Status);
        Assert.Equal(CallStatus.NoAnswer, ended.Status);
        Assert.Equal(CallStatus.NoAnswer, ended.Details!.Leg2Status);
        Assert.Equal(placed.Sid, Assert.Single(simulator.Calls).Sid);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(6_000)]
    public void A_sandbox_allows_the_rate_its_client_is_given_so_a_campaign_can_be_rehearsed_at_it(int requestsPerMinute)
    {
        var options = ExotelSandbox.SimulatorOptionsFor(new ExotelClientOptions { RequestsPerMinute = requestsPerMinute });

        Assert.Equal(requestsPerMinute, options.RequestsPerMinute);
        Assert.Equal(ExotelClientOptions.ExotelRequestsPerMinute, ExotelSandbox.SimulatorOptionsFor(null).RequestsPerMinute);
    }

    [Fact]
    public async Task Past_its_bound_the_simulator_forgets_the_oldest_final_calls_so_memory_stays_flat()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 3, 5, 18, 33, TimeSpan.Zero));
        var simulator = new ExotelSimulator(new SimulatorOptions { TimeProvider = clock, MaxRetainedCalls = 100, RequestsPerMinute = int.MaxValue });
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 100_000 });
        var first = await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = "09900000002", CallerId = CallerId });
        for (var call = 1; call < 1_000; call++)
        {
            await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = "09900000002", CallerId = CallerId });
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.InRange(simulator.Calls.Count, 100, 110);
        Assert.Equal(1_000, simulator.CallCount);
        var forgotten = await Assert.ThrowsAsync<ExotelApiException>(() => client.GetCallAsync(first.Sid));
        Assert.Equal(ExotelErrorKind.NotFound, forgotten.Kind);
    }

    [Fact]
    public async Task A_call_not_yet_final_is_kept_whatever_the_bound()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 3, 5, 18, 33, TimeSpan.Zero));
        var simulator = new ExotelSimulator(new SimulatorOptions { TimeProvider = clock, MaxRetainedCalls = 10, RequestsPerMinute = int.MaxValue });
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = 100_000 });

        // All placed at one instant: none is final, so none may be forgotten.
        var placed = new List<ExotelCall>();
        for (var call = 0; call < 50; call++)
        {
            placed.Add(await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = "09900000002", CallerId = CallerId }));
        }

        Assert.Equal(50, simulator.Calls.Count);
        clock.Advance(simulator.Options.RingDelay + simulator.Options.TalkTime);
        Assert.Equal(CallStatus.Completed, (await client.GetCallAsync(placed[0].Sid)).Status);
    }

    [Fact]
    public void TheSameSeedInjectsTheSameFaults()
    {
        static IReadOnlyList<(FaultKind Kind, bool Recorded)> Run(int seed)
        {
            var simulator = new ExotelSimulator(new SimulatorOptions
            {
                Seed = seed,
                Faults = new FaultSettings { ErrorRate = 0.3, DropRate = 0.2, SlowRate = 0.2 },
            });
            simulator.AddAccount("seeded", "key", "token");
            var authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("key:token"));
            for (var index = 0; index < 50; index++)
            {
                simulator.Handle(new SimulatorRequest(
                    "POST", "/v1/Accounts/seeded/Calls/connect.json", null, authorization, "From=09900000001&To=09900000002&CallerId=08030752400"));
            }

            return simulator.InjectedFaults.Select(fault => (fault.Kind, fault.CallRecorded)).ToList();
        }

        var first = Run(11);

        Assert.Equal(first, Run(11));
        Assert.NotEqual(first, Run(12));
        Assert.Contains(first, fault => fault.Kind == FaultKind.Drop);
        Assert.Contains(first, fault => fault.Kind == FaultKind.ServerError);
        Assert.Contains(first, fault => fault.Kind == FaultKind.SlowBody);
    }

    [Fact]
    public void ResetForgetsCallsAndCountersButKeepsAccounts()
    {
        var simulator = new ExotelSimulator();
        simulator.AddAccount("kept", "key", "token");
        var authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("key:token"));
        var connect = new SimulatorRequest("POST", "/v1/Accounts/kept/Calls/connect", null, authorization, "From=09900000001&To=09900000002&CallerId=08030752400");
        Assert.Equal(200, simulator.Handle(connect).StatusCode);

        simulator.Reset();

        Assert.Empty(simulator.Calls);
        Assert.Equal(0, simulator.RequestCount);
        Assert.Equal(200, simulator.Handle(connect).StatusCode);
    }
}

using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Sandbox;

/// <summary>
/// A campaign rehearsed in the sandbox: at a <see cref="SimulatorOptions.Speed"/> the client and the simulated Exotel
/// share sped-up time (calls, the throttle), and busy/no-answer shares decide how ordinary numbers end.
/// </summary>
public sealed class SimulatedCampaignTests
{
    private const string Agent = "+919800000001";
    private const string Customer = "+919900000002";
    private const string CallerId = "08030000000";

    // Real-time pacing would only slow the tests whose simulated Exotel stands still on a fake time.
    private static ExotelClientOptions Unthrottled => new() { RequestsPerMinute = 1_000_000 };

    [Fact]
    public async Task At_speed_60_a_45_second_call_ends_after_under_a_second_of_base_time()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 3, 30, 0, TimeSpan.Zero));
        using var client = ExotelSandbox.CreateClient(
            new ExotelClientOptions(), new SimulatorOptions { Speed = 60, TimeProvider = real, TalkTime = TimeSpan.FromSeconds(45) });

        var placed = await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = Customer, CallerId = CallerId });
        real.Advance(TimeSpan.FromSeconds(0.75));
        var talking = await client.GetCallAsync(placed.Sid);
        real.Advance(TimeSpan.FromSeconds(0.05));
        var ended = await client.GetCallAsync(placed.Sid);

        Assert.Equal(CallStatus.InProgress, talking.Status);
        Assert.Equal(CallStatus.Completed, ended.Status);
        Assert.Equal(47, ended.Duration);
        Assert.Equal(TimeSpan.FromSeconds(47), ended.EndTime - ended.DateCreated);
        Assert.Equal(real.Start, placed.DateCreated);
        Assert.Equal(real.Start + TimeSpan.FromMinutes(0.8), client.TimeProvider.GetUtcNow());
    }

    [Fact]
    public async Task At_speed_60_the_throttle_allows_its_rate_per_simulated_minute_and_the_sandbox_never_refuses()
    {
        const int rate = 60;
        var real = new SkipAheadTimeProvider();
        var simulator = new ExotelSimulator(new SimulatorOptions { Speed = 60, TimeProvider = real, RequestsPerMinute = rate });
        using var client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions { RequestsPerMinute = rate, TimeProvider = simulator.Time });
        var simulatedStart = client.TimeProvider.GetUtcNow();

        for (var call = 0; call < (2 * rate) + 1; call++)
        {
            await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = Customer, CallerId = CallerId });
        }

        var simulated = client.TimeProvider.GetUtcNow() - simulatedStart;
        var baseTime = real.GetUtcNow() - real.Start;
        Assert.InRange(simulated, TimeSpan.FromMinutes(1.9), TimeSpan.FromMinutes(2.5));
        Assert.InRange(baseTime, TimeSpan.FromTicks(simulated.Ticks / 60) - TimeSpan.FromMilliseconds(10), TimeSpan.FromTicks(simulated.Ticks / 60) + TimeSpan.FromMilliseconds(10));
        Assert.Equal(0, simulator.RateLimitedCount);
    }

    [Fact]
    public async Task Shares_are_honoured_over_many_calls_to_one_number_and_a_seed_repeats_the_outcomes()
    {
        var first = await OutcomesAsync(seed: 5, calls: 2000);
        var again = await OutcomesAsync(seed: 5, calls: 2000);
        var otherSeed = await OutcomesAsync(seed: 6, calls: 2000);

        Assert.InRange(Share(first, CallStatus.Busy), 0.12, 0.18);
        Assert.InRange(Share(first, CallStatus.NoAnswer), 0.22, 0.28);
        Assert.InRange(Share(first, CallStatus.Completed), 0.56, 0.64);
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
    }

    [Theory]
    [InlineData("+919900000486", "busy")]
    [InlineData("+919900000480", "no-answer")]
    [InlineData("+919900000404", "failed")]
    public async Task Test_numbers_keep_their_fixed_outcome_whatever_the_shares(string to, string expected)
    {
        var simulator = new ExotelSimulator(new SimulatorOptions { TimeProvider = new FakeTimeProvider(), BusyShare = 0.5, NoAnswerShare = 0.5 });
        using var client = ExotelSandbox.CreateClientFor(simulator, Unthrottled);

        for (var call = 0; call < 20; call++)
        {
            await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = to, CallerId = CallerId });
        }

        Assert.All(simulator.Calls, call => Assert.Equal(expected, call.FinalStatus.Value));
    }

    [Fact]
    public async Task A_customer_who_misses_the_call_shows_in_the_second_leg_after_the_agent_answered()
    {
        var time = new FakeTimeProvider();
        var simulator = new ExotelSimulator(new SimulatorOptions { TimeProvider = time, BusyShare = 0.5, NoAnswerShare = 0.5 });
        using var client = ExotelSandbox.CreateClientFor(simulator, Unthrottled);
        var sids = new List<string>();
        for (var call = 0; call < 20; call++)
        {
            sids.Add((await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = Customer, CallerId = CallerId })).Sid);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        var ended = new List<ExotelCall>();
        foreach (var sid in sids)
        {
            ended.Add(await client.GetCallAsync(sid, includeDetails: true));
        }

        Assert.Contains(ended, call => call.Status == CallStatus.Busy);
        Assert.Contains(ended, call => call.Status == CallStatus.NoAnswer);
        Assert.All(ended, call =>
        {
            Assert.Equal(CallStatus.Completed, call.Details!.Leg1Status);
            Assert.Equal(call.Status, call.Details.Leg2Status);
            Assert.Equal(0, call.Details.ConversationDuration);
        });
    }

    [Theory]
    [InlineData(nameof(SimulatorOptions.Speed), 0.5)]
    [InlineData(nameof(SimulatorOptions.Speed), 3601)]
    [InlineData(nameof(SimulatorOptions.Speed), double.NaN)]
    [InlineData(nameof(SimulatorOptions.BusyShare), -0.1)]
    [InlineData(nameof(SimulatorOptions.BusyShare), 1.5)]
    [InlineData(nameof(SimulatorOptions.NoAnswerShare), 1.01)]
    public void A_setting_out_of_range_is_refused_naming_it_and_its_value(string setting, double value)
    {
        var options = new SimulatorOptions();
        typeof(SimulatorOptions).GetProperty(setting)!.SetValue(options, value);

        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => new ExotelSimulator(options));

        Assert.Equal(setting, failure.ParamName);
        Assert.Equal(value, failure.ActualValue);
    }

    [Fact]
    public void Shares_that_add_up_to_more_than_one_are_refused()
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => new ExotelSimulator(new SimulatorOptions { BusyShare = 0.6, NoAnswerShare = 0.5 }));

        Assert.Equal(nameof(SimulatorOptions.NoAnswerShare), failure.ParamName);
        Assert.Contains("0.6", failure.Message);
        Assert.True(SimulatorOptions.SharesFit(0.6, 0.4));
    }

    [Fact]
    public void The_emulator_takes_the_speed_and_the_shares_by_switch_and_refuses_shares_over_one_naming_both()
    {
        var settings = EmulatorSettings.FromArgs(new[] { "--speed", "60", "--busy-share", "0.15", "--no-answer-share", "0.25" });
        var failure = Assert.Throws<ArgumentException>(() => EmulatorSettings.FromArgs(new[] { "--busy-share", "0.6", "--no-answer-share", "0.5" }));

        Assert.Equal((60, 0.15, 0.25), (settings.Simulator.Speed, settings.Simulator.BusyShare, settings.Simulator.NoAnswerShare));
        Assert.Contains("--busy-share 0.6", failure.Message);
        Assert.Contains("--no-answer-share 0.5", failure.Message);
    }

    [Fact]
    public async Task The_emulator_at_speed_3600_ends_an_hour_long_call_within_seconds_of_real_time()
    {
        await using var emulator = await EmulatorHost.StartAsync(options =>
        {
            options.Speed = 3600;
            options.TalkTime = TimeSpan.FromHours(1);
        });
        using var client = new ExotelClient(emulator.CreateAccount());

        var placed = await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = Customer, CallerId = CallerId });
        await Eventually.TrueAsync(() => emulator.Simulator.Time.GetUtcNow() > Assert.Single(emulator.Simulator.Calls).EndsAt, "the call's simulated end");
        var ended = await client.GetCallAsync(placed.Sid);

        Assert.Equal(CallStatus.Completed, ended.Status);
        Assert.Equal(3602, ended.Duration);
    }

    private static double Share(IReadOnlyList<string> outcomes, CallStatus status) =>
        outcomes.Count(outcome => outcome == status.Value) / (double)outcomes.Count;

    private static async Task<IReadOnlyList<string>> OutcomesAsync(int seed, int calls)
    {
        var simulator = new ExotelSimulator(new SimulatorOptions
        {
            TimeProvider = new FakeTimeProvider(), RequestsPerMinute = 1_000_000, BusyShare = 0.15, NoAnswerShare = 0.25, Seed = seed,
        });
        using var client = ExotelSandbox.CreateClientFor(simulator, Unthrottled);
        for (var call = 0; call < calls; call++)
        {
            await client.ConnectAsync(new ConnectCallOptions { From = Agent, To = Customer, CallerId = CallerId });
        }

        return simulator.Calls.Select(call => call.FinalStatus.Value).ToList();
    }
}

using System.Text.Json;
using ExotelPS.Client.Sandbox;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Client;

/// <summary>A session carries its time: what is built over a client, and a sandbox made for it, run on the client's TimeProvider.</summary>
public sealed class SessionTimeTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 3, 3, 5, 18, 33, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-time-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ConnectCallOptions Call(string to) => new() { From = "09800000001", To = to, CallerId = "08030752400" };

    [Fact]
    public async Task A_sandbox_made_for_a_client_runs_its_calls_on_the_clients_time()
    {
        var time = new FakeTimeProvider(Start);
        using var client = ExotelSandbox.CreateClient(new ExotelClientOptions { TimeProvider = time });
        var placed = await client.ConnectAsync(Call("09900000001"));

        time.Advance(TimeSpan.FromHours(1));
        var ended = await client.GetCallAsync(placed.Sid);

        Assert.Equal(CallStatus.Queued, placed.Status);
        Assert.Equal(CallStatus.Completed, ended.Status);
        Assert.Equal(Start, placed.DateCreated);
    }

    [Fact]
    public async Task A_waiter_over_a_client_times_out_on_the_clients_time()
    {
        var time = new SkipAheadTimeProvider(Start);
        var simulator = new SimulatorOptions { TimeProvider = time, TalkTime = TimeSpan.FromDays(1), RequestsPerMinute = 100_000 };
        using var client = ExotelSandbox.CreateClient(new ExotelClientOptions { TimeProvider = time, RequestsPerMinute = 100_000 }, simulator);
        var placed = await client.ConnectAsync(Call("09900000001"));
        using var waiter = new CallWaiter<int>(client, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));

        waiter.Add(1, placed.Sid);
        waiter.Complete();
        var result = await Task.Run(() => waiter.TakeAll().Single()).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.TimedOut);
        Assert.Equal(CallStatus.InProgress, result.Call!.Status);
        Assert.True(time.GetUtcNow() >= Start + TimeSpan.FromMinutes(30), $"timed out at {time.GetUtcNow()}");
    }

    [Fact]
    public void A_reconciler_over_a_client_reads_the_clients_time()
    {
        var time = new FakeTimeProvider(Start);
        using var client = ExotelSandbox.CreateClient(new ExotelClientOptions { TimeProvider = time });

        Assert.Equal(Start, new CallReconciler(client).Now);
    }

    [Fact]
    public void A_journal_opened_on_a_time_stamps_its_lines_with_it()
    {
        var time = new FakeTimeProvider(Start);
        using var client = ExotelSandbox.CreateClient(new ExotelClientOptions { TimeProvider = time });
        var path = Path.Combine(folder, "calls.jsonl");

        using (var journal = CallJournal.Open(path, time))
        using (var dispatcher = new CallDispatcher<int>(client, journal: journal))
        {
            dispatcher.Post(1, Call("09900000001"));
            dispatcher.Complete();
            Assert.Equal(RowEnding.Placed, Assert.Single(dispatcher.TakeAll()).Ending);
        }

        var stamps = File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(new[] { Start, Start }, stamps);
    }

    [Fact]
    public void Clients_of_one_account_on_another_time_get_a_throttle_of_their_own()
    {
        var account = new ExotelAccount("timed" + Guid.NewGuid().ToString("N"), "key", "token", new Uri("https://api.exotel.com/"));
        var fake = new FakeTimeProvider();

        var real = ThrottleRegistry.For(account, new ExotelClientOptions(), out _);
        var onFake = ThrottleRegistry.For(account, new ExotelClientOptions { TimeProvider = fake }, out _);
        var onFakeAgain = ThrottleRegistry.For(account, new ExotelClientOptions { TimeProvider = fake }, out _);

        Assert.NotSame(real, onFake);
        Assert.Same(onFake, onFakeAgain);
    }

    [Fact]
    public void A_missing_time_provider_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ExotelClientOptions { TimeProvider = null! }.Validate());

        Assert.Equal(nameof(ExotelClientOptions.TimeProvider), error.ParamName);
    }
}

using ExotelPS.Client.Sandbox;

namespace ExotelPS.Client.Tests.Reconciliation;

/// <summary>How the reconciler spends its time and the rate budget while it waits for certainty, on a manual clock.</summary>
public sealed class CallReconcilerTests : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);
    private readonly SkipAheadTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly ExotelSimulator simulator;
    private readonly ExotelClient client;

    public CallReconcilerTests()
    {
        simulator = new ExotelSimulator(new SimulatorOptions { TimeProvider = clock, RequestsPerMinute = 100_000 });
        client = ExotelSandbox.CreateClientFor(simulator, new ExotelClientOptions
        {
            RequestsPerMinute = 100_000, MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(1),
        });
    }

    public void Dispose() => client.Dispose();

    private CallReconciler Reconciler(int? maxRequestsPerLook = null) =>
        new(client, new ReconcileOptions { SettleMargin = TimeSpan.Zero, PollInterval = Poll, MaxRequestsPerLook = maxRequestsPerLook }, clock);

    private CallInDoubt Row(int n, int timeLimit = 20) => new("+919800000001", $"+9199000003{n:d2}", "+918030752400", clock.GetUtcNow(), timeOut: 5, timeLimit);

    [Fact]
    public async Task It_looks_again_every_poll_interval_and_at_each_certainty_time_and_stops_once_all_are_certain()
    {
        var rows = new[] { Row(1, timeLimit: 20), Row(2, timeLimit: 50) };

        var report = await Reconciler().ReconcileAsync(rows, isClaimed: null, TimeSpan.FromMinutes(5));

        // Certainty at 30 s and 60 s: looks at 0, 15, 30 (the first), 45, 60 (the second); then nothing is pending.
        Assert.Equal(new[] { Poll, Poll, Poll, Poll }, clock.Delays);
        Assert.All(report.Resolutions, resolution => Assert.Equal(RowEnding.NotPlaced, resolution.Ending));
        Assert.Equal(5, report.Requests);
    }

    [Fact]
    public async Task A_failing_listing_is_looked_at_once_a_poll_interval_and_leaves_its_rows_in_doubt()
    {
        simulator.Faults = new FaultSettings { ErrorRate = 1 };

        var report = await Reconciler().ReconcileAsync(new[] { Row(1) }, isClaimed: null, TimeSpan.FromMinutes(1));

        Assert.Equal(RowEnding.StillInDoubt, Assert.Single(report.Resolutions).Ending);
        Assert.NotNull(report.Failure);
        Assert.All(clock.Delays, delay => Assert.True(delay >= TimeSpan.FromSeconds(5), $"looked again after {delay}"));
        Assert.InRange(clock.Delays.Count, 1, 5);
    }

    [Fact]
    public async Task Rows_whose_query_does_not_fit_the_budget_of_a_look_wait_for_the_next_look()
    {
        var rows = Enumerable.Range(1, 10).Select(n => Row(n)).ToArray();

        var first = await Reconciler(maxRequestsPerLook: 1).ReconcileAsync(rows, isClaimed: null, TimeSpan.Zero);
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = await Reconciler(maxRequestsPerLook: 1).ReconcileAsync(rows, isClaimed: null, TimeSpan.FromMinutes(1));

        Assert.Equal(1, first.Requests);
        Assert.Equal(Enumerable.Repeat(RowEnding.StillInDoubt, 10), first.Resolutions.Select(resolution => resolution.Ending));
        Assert.Equal(2, later.Requests);
        Assert.All(later.Resolutions, resolution => Assert.Equal(RowEnding.NotPlaced, resolution.Ending));
    }
}

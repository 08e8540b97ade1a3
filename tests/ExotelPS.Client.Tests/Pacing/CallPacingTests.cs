using System.Collections.Concurrent;
using ExotelPS.Client.Pacing;

namespace ExotelPS.Client.Tests.Pacing;

/// <summary>Learning finality for pacing: polled only while rows wait, in batches of 100, inside a share of the budget.</summary>
public sealed class CallPacingTests
{
    [Fact]
    public async Task A_call_listed_final_frees_its_From_and_says_so()
    {
        var final = new ConcurrentDictionary<string, bool>();
        var listing = new FakeListing(final);
        var rooms = 0;
        using var pacing = new CallPacing(new PacingOptions(), TimeProvider.System, listing.ListFinal, () => 200, () => Interlocked.Increment(ref rooms));
        var request = Request("09900000001");
        pacing.Settled(pacing.TryTake(request)!, RowEnding.Placed, "CA1", request);

        // The dispatcher's look: a row for the same number finds no room, and says one row waits.
        Assert.Null(pacing.TryTake(Request("+919900000001")));
        final["CA1"] = true;
        pacing.SetWaiting(1);

        await Eventually.TrueAsync(() => Volatile.Read(ref rooms) > 0, "told that the From has room");
        Assert.NotNull(pacing.TryTake(Request("09900000001")));
        Assert.Contains(listing.Batches, batch => batch.Contains("CA1"));
    }

    [Fact]
    public async Task Only_the_calls_of_the_Froms_rows_wait_for_are_polled()
    {
        var listing = new FakeListing(new ConcurrentDictionary<string, bool>());
        using var pacing = new CallPacing(new PacingOptions(), TimeProvider.System, listing.ListFinal, () => 200, () => { });
        foreach (var (from, sid) in new[] { ("09900000001", "CA-wanted"), ("09900000002", "CA-nobody-waits") })
        {
            var request = Request(from);
            pacing.Settled(pacing.TryTake(request)!, RowEnding.Placed, sid, request);
        }

        Assert.Null(pacing.TryTake(Request("09900000001")));
        pacing.SetWaiting(1);

        await Eventually.TrueAsync(() => !listing.Batches.IsEmpty, "a poll");
        Assert.Equal(new[] { "CA-wanted" }, listing.Batches.First());
    }

    [Fact]
    public async Task With_no_row_waiting_nothing_is_polled_and_a_call_never_seen_final_ends_at_its_bound()
    {
        var clock = new SkipAheadTimeProvider();
        var listing = new FakeListing(new ConcurrentDictionary<string, bool>());
        var rooms = 0;
        using var pacing = new CallPacing(new PacingOptions(), clock, listing.ListFinal, () => 200, () => Interlocked.Increment(ref rooms));
        var request = Request("09900000001");
        request.TimeOut = 20;
        request.TimeLimit = 60;

        pacing.Settled(pacing.TryTake(request)!, RowEnding.Placed, "CA1", request);

        await Eventually.TrueAsync(() => Volatile.Read(ref rooms) > 0, "the bound ended the call");
        Assert.Empty(listing.Batches);
        Assert.True(clock.GetUtcNow() - clock.Start >= TimeSpan.FromSeconds((2 * 20) + 60), $"ended at {clock.GetUtcNow() - clock.Start}, before TimeOut and TimeLimit allow");
        Assert.NotNull(pacing.TryTake(Request("09900000001")));
    }

    [Fact]
    public async Task Polling_stays_inside_its_share_of_the_budget_with_at_most_100_sids_a_request()
    {
        var listing = new FakeListing(new ConcurrentDictionary<string, bool>());
        var agents = Enumerable.Range(0, 250).Select(i => "099000" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var options = new PacingOptions { AgentPool = agents, PollShare = 0.1, MinPollInterval = TimeSpan.FromMilliseconds(10) };

        // 6,000 a minute, a tenth of it for polling: 600 requests a minute, one every 100 ms; 250 live calls take 3 a round.
        using var pacing = new CallPacing(options, TimeProvider.System, listing.ListFinal, () => 6000, () => { });
        for (var i = 0; i < 250; i++)
        {
            var request = Request(from: "");
            pacing.Settled(pacing.TryTake(request)!, RowEnding.Placed, "CA" + i, request);
        }

        // Every agent busy: the next pool row finds none, so every agent's call is worth asking about.
        Assert.Null(pacing.TryTake(Request(from: "")));
        pacing.SetWaiting(1);
        await Eventually.TrueAsync(() => listing.Times.Count >= 12, "four polling rounds");
        pacing.Dispose();

        // A round's requests go out one after another; the next round waits the interval after the last of them.
        var requests = listing.Times.Zip(listing.Batches, (at, batch) => (At: at, Batch: batch)).ToList();
        Assert.All(requests, request => Assert.InRange(request.Batch.Count, 1, ListCallsOptions.MaxSids));
        var rounds = requests.Chunk(3).Take(4).ToList();
        Assert.All(rounds, round => Assert.Equal(250, round.SelectMany(request => request.Batch).Distinct().Count()));
        for (var next = 1; next < rounds.Count; next++)
        {
            var gap = rounds[next][0].At - rounds[next - 1][^1].At;
            Assert.True(gap >= TimeSpan.FromMilliseconds(295), $"round {next} came {gap.TotalMilliseconds} ms after the last: over the share");
        }

        Assert.True(pacing.PollRequests >= 12, $"{pacing.PollRequests} requests counted");
    }

    [Fact]
    public async Task While_requests_wait_for_the_rate_limit_no_request_is_spent_on_polling()
    {
        var listing = new FakeListing(new ConcurrentDictionary<string, bool>());
        using var pacing = new CallPacing(new PacingOptions { MinPollInterval = TimeSpan.FromMilliseconds(10) }, TimeProvider.System, listing.ListFinal, () => 6000, () => { });
        var request = Request("09900000001");
        pacing.Settled(pacing.TryTake(request)!, RowEnding.Placed, "CA1", request);
        pacing.SetAwaitingRate(1);
        Assert.Null(pacing.TryTake(Request("09900000001")));
        pacing.SetWaiting(1);

        // Many poll intervals pass: none may be spent while a request waits for the rate limit.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Empty(listing.Batches);

        pacing.SetAwaitingRate(0);
        await Eventually.TrueAsync(() => listing.Batches.Any(batch => batch.Contains("CA1")), "polled once the rate limit let go");
    }

    [Fact]
    public void The_poll_interval_is_the_budget_share_and_never_under_the_floor()
    {
        var options = new PacingOptions();

        Assert.Equal(TimeSpan.FromSeconds(3), CallPacing.PollInterval(options, requestsPerMinute: 200));
        Assert.Equal(TimeSpan.FromSeconds(6), CallPacing.PollInterval(options, requestsPerMinute: 200, batches: 2));
        Assert.Equal(PacingOptions.DefaultMinPollInterval, CallPacing.PollInterval(options, requestsPerMinute: 6000));
    }

    [Theory]
    [InlineData(-1, 0, 0.1)]
    [InlineData(1, -1, 0.1)]
    [InlineData(1, 0, 0)]
    [InlineData(1, 0, 1.5)]
    public void Settings_that_cannot_work_are_refused(int max, int wrapUpSeconds, double share)
    {
        var options = new PacingOptions { MaxCallsPerFrom = max, WrapUp = TimeSpan.FromSeconds(wrapUpSeconds), PollShare = share };

        Assert.Throws<ArgumentOutOfRangeException>(() => new CallPacing(options, TimeProvider.System, null, () => 200, () => { }));
    }

    [Fact]
    public void An_agent_pool_number_that_cannot_be_dialled_is_refused_by_name()
    {
        var options = new PacingOptions { AgentPool = { "09800000001", "12" } };

        var error = Assert.Throws<ExotelValidationException>(() => new CallPacing(options, TimeProvider.System, null, () => 200, () => { }));

        Assert.Equal("AgentPool", Assert.Single(error.Failures).Field);
        Assert.Equal("12", error.Failures[0].Value);
    }

    private static ConnectCallOptions Request(string from) => new() { From = from, To = "09900000010", CallerId = "08030752400" };

    /// <summary>A listing that answers from a set of Sids it calls final, recording each request's Sids and (real) time.</summary>
    private sealed class FakeListing
    {
        private readonly ConcurrentDictionary<string, bool> final;
        private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

        public FakeListing(ConcurrentDictionary<string, bool> final) => this.final = final;

        public ConcurrentQueue<IReadOnlyList<string>> Batches { get; } = new();

        public ConcurrentQueue<TimeSpan> Times { get; } = new();

        public async Task<IReadOnlyList<ExotelCall>> ListFinal(IReadOnlyList<string> batch, CancellationToken cancellationToken)
        {
            Times.Enqueue(clock.Elapsed);
            Batches.Enqueue(batch.ToList());
            await Task.Yield();
            return batch.Where(final.ContainsKey).Select(sid => new ExotelCall { Sid = sid, Status = CallStatus.Completed }).ToList();
        }
    }
}

using System.Collections.Concurrent;
using ExotelPS.Client.Pacing;

namespace ExotelPS.Client.Tests.Pacing;

/// <summary>Learning finality for pacing: polled only while rows wait, in batches of 100, inside a share of the budget.</summary>
public sealed class CallPacingTests
{
    [Fact]
    public async Task A_call_listed_final_frees_its_From_and_says_so()
    {
        var clock = new FakeClock();
        var final = new ConcurrentDictionary<string, bool>();
        var listing = new FakeListing(clock, final);
        var rooms = 0;
        using var pacing = new CallPacing(Options(clock), listing.ListFinal, () => 200, () => Interlocked.Increment(ref rooms));
        var request = Request("09900000001");
        pacing.Settled(pacing.TryTake(request)!, DispatchOutcome.Placed, "CA1", request);
        Assert.Null(pacing.TryTake(Request("+919900000001")));

        final["CA1"] = true;
        pacing.SetWaiting(1);

        await Eventually.TrueAsync(() => Volatile.Read(ref rooms) > 0, "told that the From has room");
        Assert.NotNull(pacing.TryTake(Request("09900000001")));
        Assert.Contains(listing.Batches, batch => batch.Contains("CA1"));
    }

    [Fact]
    public async Task With_no_row_waiting_nothing_is_polled_and_a_call_never_seen_final_ends_at_its_bound()
    {
        var clock = new FakeClock();
        var listing = new FakeListing(clock, new ConcurrentDictionary<string, bool>());
        var rooms = 0;
        using var pacing = new CallPacing(Options(clock), listing.ListFinal, () => 200, () => Interlocked.Increment(ref rooms));
        var request = Request("09900000001");
        request.TimeOut = 20;
        request.TimeLimit = 60;

        pacing.Settled(pacing.TryTake(request)!, DispatchOutcome.Placed, "CA1", request);

        await Eventually.TrueAsync(() => Volatile.Read(ref rooms) > 0, "the bound ended the call");
        Assert.Empty(listing.Batches);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds((2 * 20) + 60), $"ended at {clock.Elapsed}, before TimeOut and TimeLimit allow");
        Assert.NotNull(pacing.TryTake(Request("09900000001")));
    }

    [Fact]
    public async Task Polling_stays_inside_its_share_of_the_budget_with_at_most_100_sids_a_request()
    {
        var clock = new FakeClock();
        var listing = new FakeListing(clock, new ConcurrentDictionary<string, bool>());
        var options = Options(clock);
        options.PollShare = 0.1;

        // 60 a minute, a tenth of it for polling: 6 requests a minute, one every 10 s; 250 live calls take 3 a round.
        using var pacing = new CallPacing(options, listing.ListFinal, () => 60, () => { });

        // A row waits first, so the poller never sleeps towards the calls' far bound (the fake clock would jump there).
        pacing.SetWaiting(1);
        for (var i = 0; i < 250; i++)
        {
            var request = Request("099000" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
            pacing.Settled(pacing.TryTake(request)!, DispatchOutcome.Placed, "CA" + i, request);
        }

        // Rounds begun while the calls were being added may have seen only some of them.
        var roundsWhileAdding = listing.Times.Distinct().Count();
        await Eventually.TrueAsync(() => listing.Times.Distinct().Count() >= roundsWhileAdding + 5, "five more polling rounds");
        pacing.Dispose();

        // A round's requests go out together (the fake listing takes no time), so a round is the requests of one instant.
        var rounds = listing.Times.Zip(listing.Batches, (at, batch) => (At: at, Batch: batch))
            .GroupBy(request => request.At).Select(round => (At: round.Key, Batches: round.Select(request => request.Batch).ToList())).ToList();
        Assert.All(rounds.SelectMany(round => round.Batches), batch => Assert.InRange(batch.Count, 1, ListCallsOptions.MaxSids));
        var full = rounds.Skip(roundsWhileAdding + 1).Take(4).ToList();
        Assert.All(full, round => Assert.Equal(250, round.Batches.SelectMany(batch => batch).Distinct().Count()));
        Assert.All(full, round => Assert.Equal(3, round.Batches.Count));
        for (var next = 1; next < rounds.Count; next++)
        {
            var gap = rounds[next].At - rounds[next - 1].At;
            var allowed = TimeSpan.FromSeconds(10 * rounds[next - 1].Batches.Count);
            Assert.True(gap >= allowed, $"round {next} came {gap} after a round of {rounds[next - 1].Batches.Count} requests: over the share");
        }

        Assert.True(pacing.PollRequests >= 6, $"{pacing.PollRequests} requests counted");
    }

    [Fact]
    public async Task While_requests_wait_for_the_rate_limit_no_request_is_spent_on_polling()
    {
        var clock = new FakeClock();
        var listing = new FakeListing(clock, new ConcurrentDictionary<string, bool>());
        var rooms = 0;
        using var pacing = new CallPacing(Options(clock), listing.ListFinal, () => 200, () => Interlocked.Increment(ref rooms));
        pacing.SetAwaitingRate(1);
        pacing.SetWaiting(1);
        var request = Request("09900000001");

        pacing.Settled(pacing.TryTake(request)!, DispatchOutcome.Placed, "CA1", request);

        // The fake clock jumps to wherever the poller sleeps: with no poll due, that is the call's bound.
        await Eventually.TrueAsync(() => Volatile.Read(ref rooms) > 0, "the bound ended the call");
        Assert.Empty(listing.Batches);

        pacing.SetAwaitingRate(0);
        var next = Request("09900000001");
        pacing.Settled(pacing.TryTake(next)!, DispatchOutcome.Placed, "CA2", next);
        await Eventually.TrueAsync(() => listing.Batches.Any(batch => batch.Contains("CA2")), "polled once the rate limit let go");
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

        Assert.Throws<ArgumentOutOfRangeException>(() => new CallPacing(options, null, () => 200, () => { }));
    }

    [Fact]
    public void An_agent_pool_number_that_cannot_be_dialled_is_refused_by_name()
    {
        var options = new PacingOptions { AgentPool = { "09800000001", "12" } };

        var error = Assert.Throws<ExotelValidationException>(() => new CallPacing(options, null, () => 200, () => { }));

        Assert.Equal("AgentPool", Assert.Single(error.Failures).Field);
        Assert.Equal("12", error.Failures[0].Value);
    }

    private static PacingOptions Options(FakeClock clock) => new() { Clock = clock };

    private static ConnectCallOptions Request(string from) => new() { From = from, To = "09900000010", CallerId = "08030752400" };

    /// <summary>A listing that answers from a set of Sids it calls final, recording each request's Sids and time.</summary>
    private sealed class FakeListing
    {
        private readonly FakeClock clock;
        private readonly ConcurrentDictionary<string, bool> final;

        public FakeListing(FakeClock clock, ConcurrentDictionary<string, bool> final)
        {
            this.clock = clock;
            this.final = final;
        }

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

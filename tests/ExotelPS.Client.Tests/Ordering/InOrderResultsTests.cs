namespace ExotelPS.Client.Tests.Ordering;

/// <summary>The in-order handoff alone: reserved in order, filled in any order from any thread, taken back in order.</summary>
public sealed class InOrderResultsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly InOrderResults<Place, string> line = new();

    private Place[] Reserve(int count)
    {
        var places = Enumerable.Range(0, count).Select(_ => new Place()).ToArray();
        Array.ForEach(places, line.Reserve);
        return places;
    }

    [Fact]
    public void TakeReady_gives_only_the_filled_results_whose_turn_has_come_and_never_blocks()
    {
        var places = Reserve(3);
        line.Fill(places[1], "b");

        Assert.Empty(line.TakeReady());
        Assert.False(line.NextIsReady);

        line.Fill(places[0], "a");
        Assert.True(line.NextIsReady);
        Assert.Equal(new[] { "a", "b" }, line.TakeReady());
        Assert.Equal(1, line.Count);
        Assert.Equal(new[] { places[2] }, line.Unfilled());
    }

    [Fact]
    public void The_first_fill_wins()
    {
        var place = Reserve(1)[0];

        Assert.True(line.Fill(place, "first"));
        Assert.False(line.Fill(place, "second"));
        Assert.Equal("first", Assert.Single(line.TakeReady()));
    }

    [Fact]
    public async Task TakeAll_waits_for_fills_from_other_threads_and_gives_every_result_in_order()
    {
        var places = Reserve(200);

        var taking = Task.Run(() => line.TakeAll(CancellationToken.None).ToList());
        Parallel.ForEach(places.Select((place, index) => (place, index)).Reverse(), pair => line.Fill(pair.place, pair.index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), await taking.WaitAsync(Patience));
    }

    [Fact]
    public async Task TakeAll_stops_when_cancelled_with_what_was_ready()
    {
        var places = Reserve(2);
        line.Fill(places[0], "a");
        using var cancel = new CancellationTokenSource();
        var taken = new List<string>();

        var taking = Task.Run(() => taken.AddRange(line.TakeAll(cancel.Token)));
        await Eventually.TrueAsync(() => line.Count == 1);
        cancel.Cancel();

        await taking.WaitAsync(Patience);
        Assert.Equal(new[] { "a" }, taken);
    }

    [Fact]
    public async Task A_fault_is_thrown_by_TakeAll_after_the_last_result()
    {
        var places = Reserve(2);
        var fault = new IOException("the journal broke");
        line.Fail(fault);
        line.Fail(new IOException("a later reason"));
        var taken = new List<string>();

        var taking = Task.Run(() => taken.AddRange(line.TakeAll(CancellationToken.None)));
        line.Fill(places[1], "b");
        line.Fill(places[0], "a");

        Assert.Same(fault, await Assert.ThrowsAsync<IOException>(() => taking.WaitAsync(Patience)));
        Assert.Equal(new[] { "a", "b" }, taken);
    }

    [Fact]
    public async Task A_fill_before_the_wait_is_not_lost_and_one_wake_up_is_kept_however_many_fills()
    {
        var places = Reserve(3);
        Array.ForEach(places, place => line.Fill(place, "x"));

        line.WaitForChange(CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => line.WaitForChangeAsync(new CancellationToken(canceled: true)));
        var waiting = line.WaitForChangeAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        line.Fail(new IOException());
        await waiting.WaitAsync(Patience);
    }

    [Fact]
    public void TakeAll_with_an_idle_callback_calls_it_while_nothing_is_ready()
    {
        var place = Reserve(1)[0];
        var idles = 0;

        var results = line.TakeAll(CancellationToken.None, TimeSpan.FromMilliseconds(10), () =>
        {
            if (++idles == 3)
            {
                line.Fill(place, "late");
            }
        }).ToList();

        Assert.Equal(new[] { "late" }, results);
        Assert.Equal(3, idles);
    }

    private sealed class Place : Turn<string>
    {
    }
}

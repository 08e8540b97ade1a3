using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Engine;

public sealed class InFlightWindowTests
{
    private int waitingForFrom = -1;
    private int awaitingSend = -1;
    private int placesFreed;

    [Fact]
    public void Starts_rows_in_input_order_up_to_its_cap_and_a_row_whose_from_is_busy_lets_the_rows_behind_it_pass()
    {
        var window = Window(new DispatcherOptions { MaxInFlight = 2 });
        foreach (var row in new[] { "busy", "a", "b", "c" })
        {
            window.Enqueue(row);
        }

        var started = window.TakeStartable(row => row != "busy");

        Assert.Equal(new[] { "a", "b" }, started);
        Assert.Equal((1, 2), (waitingForFrom, awaitingSend));

        Assert.True(window.Finished(), "the cap held c back: the caller is told to start it");
        Assert.Equal(new[] { "c" }, window.TakeStartable(row => row != "busy"));
        window.Close();
        Assert.False(window.Finished(), "no row waits any more");
    }

    [Fact]
    public void Counts_a_row_on_the_wire_once_it_no_longer_waits_to_be_sent()
    {
        var window = Window(new DispatcherOptions());
        window.Enqueue("a");
        window.Enqueue("b");
        window.TakeStartable(_ => true);

        window.StoppedAwaitingSend();

        Assert.Equal((1, 1), (window.OnTheWire, awaitingSend));
    }

    [Fact]
    public void Over_a_client_it_follows_the_accounts_live_window_and_sizes_the_backlog_from_it()
    {
        var account = new ConcurrencyGate(300);
        var window = Window(new DispatcherOptions(), account);
        for (var row = 0; row < 500; row++)
        {
            window.Enqueue(row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(300, window.TakeStartable(_ => true)!.Count);
        Assert.Equal(600, window.BacklogAllowed());

        account.SetLimit(350);
        Assert.Equal(50, window.TakeStartable(_ => true)!.Count);
    }

    [Fact]
    public void Over_a_client_its_rows_and_the_accounts_other_requests_count_against_the_one_cap()
    {
        var account = new ConcurrencyGate(3);
        var other = account.EnterAsync(CancellationToken.None);
        var window = Window(new DispatcherOptions(), account);
        foreach (var row in new[] { "busy", "a", "b", "c" })
        {
            window.Enqueue(row);
        }

        Assert.True(other.IsCompleted);
        Assert.Equal(new[] { "a", "b" }, window.TakeStartable(row => row != "busy"));
        Assert.Equal(3, account.InFlight);
        Assert.Equal(0, placesFreed);

        account.Exit();
        Assert.Equal(1, placesFreed);
        Assert.Equal(new[] { "c" }, window.TakeStartable(row => row != "busy"));

        window.Finished();
        Assert.Equal(2, account.InFlight);
    }

    [Fact]
    public void Over_a_client_a_row_the_account_has_no_place_for_waits_in_the_window_not_at_the_gate()
    {
        var account = new ConcurrencyGate(1);
        var window = Window(new DispatcherOptions(), account);
        window.Enqueue("a");
        window.Enqueue("b");

        Assert.Equal(new[] { "a" }, window.TakeStartable(_ => true));
        Assert.Null(window.TakeStartable(_ => true));
        Assert.Equal(1, account.InFlight);

        Assert.False(window.Finished(), "the account's gate held b back, and calls back for it itself");
        Assert.Equal(1, placesFreed);
        Assert.Equal(new[] { "b" }, window.TakeStartable(_ => true));
    }

    [Fact]
    public void Over_a_function_it_caps_at_ten_by_default_and_follows_a_live_limit_under_max_in_flight()
    {
        var limit = 3;
        Assert.Equal(DispatcherOptions.DefaultMaxInFlight, Started(Window(new DispatcherOptions())));
        Assert.Equal(3, Started(Window(new DispatcherOptions { MaxInFlight = 5, InFlightLimit = () => limit })));
        limit = 50;
        Assert.Equal(5, Started(Window(new DispatcherOptions { MaxInFlight = 5, InFlightLimit = () => limit })));
        Assert.Equal(DispatcherOptions.DefaultMaxBacklog, Window(new DispatcherOptions { MaxInFlight = 5 }).BacklogAllowed());
    }

    [Fact]
    public void Once_closed_it_starts_nothing_and_forgets_the_rows_waiting()
    {
        var window = Window(new DispatcherOptions());
        window.Enqueue("a");
        window.Close();
        window.Enqueue("b");

        Assert.Null(window.TakeStartable(_ => true));
    }

    private static int Started(InFlightWindow<string> window)
    {
        for (var row = 0; row < 20; row++)
        {
            window.Enqueue(row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return window.TakeStartable(_ => true)?.Count ?? 0;
    }

    private InFlightWindow<string> Window(DispatcherOptions options, ConcurrencyGate? account = null) =>
        new(options, account, () => placesFreed++, rows => waitingForFrom = rows, rows => awaitingSend = rows);
}

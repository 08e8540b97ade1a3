namespace ExotelPS.Client.Tests.Engine;

public sealed class InFlightWindowTests
{
    private int waitingForFrom = -1;
    private int awaitingSend = -1;

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

        window.Finished();
        Assert.Equal(new[] { "c" }, window.TakeStartable(row => row != "busy"));
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
        var accountWindow = 300;
        var window = Window(new DispatcherOptions(), accountWindow: () => accountWindow);
        for (var row = 0; row < 500; row++)
        {
            window.Enqueue(row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(300, window.TakeStartable(_ => true)!.Count);
        Assert.Equal(600, window.BacklogAllowed());

        accountWindow = 350;
        Assert.Equal(50, window.TakeStartable(_ => true)!.Count);
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

    private InFlightWindow<string> Window(DispatcherOptions options, Func<int>? accountWindow = null) =>
        new(options, accountWindow, rows => waitingForFrom = rows, rows => awaitingSend = rows);
}

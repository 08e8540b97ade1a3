namespace ExotelPS.Client;

/// <summary>
/// The in-flight window: rows cleared to be sent wait here, in input order, until there is room in flight and (with
/// pacing) room for their From; a row whose From is busy stays and the rows behind it pass. It counts the rows started
/// and, of those, the ones whose request still waits to be let onto the wire (the account's throttle).
/// </summary>
/// <remarks>
/// Its cap is read here, live, before each start: <see cref="DispatcherOptions.MaxInFlight"/> and the window, the
/// lower. The window of a dispatcher over an <see cref="ExotelClient"/> is the account's
/// (<see cref="ExotelClient.InFlightLimit"/>, the number the account's throttle enforces), so no caller passes it;
/// a dispatcher over a bare function takes <see cref="DispatcherOptions.InFlightLimit"/>, else
/// <see cref="DispatcherOptions.DefaultMaxInFlight"/>. Starting no more rows than the account's window keeps them from
/// queueing at the throttle, where each would cost a wait of its own (measured: about a fifth more CPU per row).
/// </remarks>
internal sealed class InFlightWindow<TRow>
    where TRow : class
{
    // Guards waiting, started, awaitingSend and closed. Held while the rows are looked at and the counts told, which
    // asks the pacer (whose own lock nests inside this one); never while a row is placed, journaled or settled.
    private readonly object gate = new();
    private readonly LinkedList<TRow> waiting = new();
    private readonly Func<int> cap;
    private readonly Func<int> backlogWindow;
    private readonly Action<int> waitingForFromChanged;
    private readonly Action<int> awaitingSendChanged;
    private int started;
    private int awaitingSend;
    private bool closed;

    /// <param name="options">MaxInFlight, InFlightLimit and MaxBacklog.</param>
    /// <param name="accountWindow">The account's live window, for a dispatcher over a client.</param>
    /// <param name="waitingForFromChanged">Told, at the end of each look, how many rows waited for their From.</param>
    /// <param name="awaitingSendChanged">Told how many started rows wait to be let onto the wire, whenever that changes.</param>
    public InFlightWindow(DispatcherOptions options, Func<int>? accountWindow, Action<int> waitingForFromChanged, Action<int> awaitingSendChanged)
    {
        this.waitingForFromChanged = waitingForFromChanged;
        this.awaitingSendChanged = awaitingSendChanged;
        var maxInFlight = options.MaxInFlight is null or >= 1
            ? options.MaxInFlight
            : throw new ArgumentOutOfRangeException(nameof(options), options.MaxInFlight, "MaxInFlight must be at least 1.");
        var maxBacklog = options.MaxBacklog is null or >= 1
            ? options.MaxBacklog
            : throw new ArgumentOutOfRangeException(nameof(options), options.MaxBacklog, "MaxBacklog must be at least 1.");
        var limit = accountWindow ?? options.InFlightLimit;
        cap = () =>
        {
            var window = limit?.Invoke();
            return Math.Max(1, maxInFlight is int most ? Math.Min(most, window ?? most) : window ?? DispatcherOptions.DefaultMaxInFlight);
        };

        // Enough untaken results to keep the window full.
        backlogWindow = () => maxBacklog ?? Math.Max(DispatcherOptions.DefaultMaxBacklog, 2 * cap());
    }

    /// <summary>Rows started whose request is on the wire: started, less those still waiting to be let onto it.</summary>
    public int OnTheWire
    {
        get { lock (gate) { return started - awaitingSend; } }
    }

    /// <summary>Untaken results allowed before posting waits: MaxBacklog, else twice the window, at least 256.</summary>
    public int BacklogAllowed() => backlogWindow();

    /// <summary>Queues a row cleared to be sent; <paramref name="first"/> puts it before the others (a campaign's agent miss, for the next free agent).</summary>
    public void Enqueue(TRow row, bool first = false)
    {
        lock (gate)
        {
            if (!closed)
            {
                _ = first ? waiting.AddFirst(row) : waiting.AddLast(row);
            }
        }
    }

    /// <summary>Takes every queued row out of the queue, unstarted (a campaign's deadline).</summary>
    public List<TRow> TakeWaiting()
    {
        lock (gate)
        {
            var taken = waiting.ToList();
            waiting.Clear();
            return taken;
        }
    }

    /// <summary>
    /// Takes the rows that may start now, in input order, while there is room; <paramref name="tryStart"/> says whether a
    /// row's From has room (and takes it, starting the row).
    /// </summary>
    public List<TRow>? TakeStartable(Func<TRow, bool> tryStart)
    {
        List<TRow>? startable = null;
        var waitingForFrom = 0;
        lock (gate)
        {
            var allowed = cap();
            for (var node = waiting.First; !closed && started < allowed && node is not null;)
            {
                var next = node.Next;
                if (tryStart(node.Value))
                {
                    waiting.Remove(node);
                    started++;
                    awaitingSend++;
                    (startable ??= new List<TRow>()).Add(node.Value);
                }
                else
                {
                    waitingForFrom++;
                }

                node = next;
            }

            waitingForFromChanged(waitingForFrom);
            if (startable is not null)
            {
                awaitingSendChanged(awaitingSend);
            }
        }

        return startable;
    }

    /// <summary>A started row stopped waiting to be sent: its request left, or it settled first.</summary>
    public void StoppedAwaitingSend()
    {
        lock (gate)
        {
            awaitingSend--;
            awaitingSendChanged(awaitingSend);
        }
    }

    /// <summary>A started row settled.</summary>
    public void Finished()
    {
        lock (gate)
        {
            started--;
        }
    }

    /// <summary>Stops starting rows and forgets those waiting (a stop settles them).</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
            waiting.Clear();
        }
    }
}

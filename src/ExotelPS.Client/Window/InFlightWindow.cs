using ExotelPS.Client.Resources;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client;

/// <summary>
/// The in-flight window: rows cleared to be sent wait here, in input order, until there is room in flight and (with
/// pacing) room for their From; a row whose From is busy stays and the rows behind it pass. It counts the rows started
/// and, of those, the ones whose request still waits to be let onto the wire (the account's rate limit).
/// </summary>
/// <remarks>
/// Room in flight is counted in one place. Over an <see cref="ExotelClient"/> it is the account's gate
/// (<see cref="ExotelClient.InFlightPlaces"/>, the cap every request of the account counts against: the user's
/// MaxConcurrency, else the adaptive window): each row started takes a place there without waiting, holds it until its
/// request is answered (not while its outcome line is stored: the window is sized for requests), and its request takes no other; when none is free the rows stay here and the gate says when one frees.
/// Rows never queue at the gate, where each would cost a wait of its own (measured: about a fifth more CPU per row).
/// Over a bare function the room is <see cref="DispatcherOptions.InFlightLimit"/>, else
/// <see cref="DispatcherOptions.DefaultMaxInFlight"/>, read live before each start. Either way
/// <see cref="DispatcherOptions.MaxInFlight"/>, the run's own cap, bounds the rows started too.
/// </remarks>
internal sealed class InFlightWindow<TRow>
    where TRow : class
{
    // Guards waiting, started, awaitingSend and closed. Held while the rows are looked at and the counts told, which
    // asks the pacer (whose own lock nests inside this one) and takes places at the account's gate (whose lock nests
    // too); never while a row is placed, journaled or settled, nor while a place is given back (giving one back may
    // call placeFreed, which looks at the rows again).
    private readonly object gate = new();
    private readonly LinkedList<TRow> waiting = new();
    private readonly ConcurrencyGate? places;
    private readonly Action placeFreed;
    private readonly Func<int> cap;
    private readonly Func<int> backlogWindow;
    private readonly Action<int> waitingForFromChanged;
    private readonly Action<int> awaitingSendChanged;
    private int started;
    private int awaitingSend;
    private bool closed;

    /// <param name="options">MaxInFlight, InFlightLimit and MaxBacklog.</param>
    /// <param name="accountPlaces">The account's gate, for a dispatcher over a client.</param>
    /// <param name="placeFreed">Called when a place frees at the account's gate after a row found none.</param>
    /// <param name="waitingForFromChanged">Told, at the end of each look, how many rows waited for their From.</param>
    /// <param name="awaitingSendChanged">Told how many started rows wait to be let onto the wire, whenever that changes.</param>
    public InFlightWindow(DispatcherOptions options, ConcurrencyGate? accountPlaces, Action placeFreed, Action<int> waitingForFromChanged, Action<int> awaitingSendChanged)
    {
        places = accountPlaces;
        this.placeFreed = placeFreed;
        this.waitingForFromChanged = waitingForFromChanged;
        this.awaitingSendChanged = awaitingSendChanged;
        var maxInFlight = options.MaxInFlight is null or >= 1
            ? options.MaxInFlight
            : throw new ArgumentOutOfRangeException(nameof(options), options.MaxInFlight, EngineText.Format(EngineStrings.MustBeAtLeastOne, nameof(options.MaxInFlight)));
        var maxBacklog = options.MaxBacklog is null or >= 1
            ? options.MaxBacklog
            : throw new ArgumentOutOfRangeException(nameof(options), options.MaxBacklog, EngineText.Format(EngineStrings.MustBeAtLeastOne, nameof(options.MaxBacklog)));
        var limit = accountPlaces is null ? options.InFlightLimit : () => accountPlaces.Limit;
        Func<int> room = () =>
        {
            var window = limit?.Invoke();
            return Math.Max(1, maxInFlight is int most ? Math.Min(most, window ?? most) : window ?? DispatcherOptions.DefaultMaxInFlight);
        };

        // The account's gate caps what it counts itself; here only the run's own cap remains.
        cap = accountPlaces is null ? room : () => maxInFlight ?? int.MaxValue;

        // Enough untaken results to keep the window full.
        backlogWindow = () => maxBacklog ?? Math.Max(DispatcherOptions.DefaultMaxBacklog, 2 * room());
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
        var place = false;
        lock (gate)
        {
            var allowed = cap();
            for (var node = waiting.First; !closed && started < allowed && node is not null;)
            {
                // The place comes before the From: a row whose From is busy leaves it to the next row.
                if (!place && !(place = TakePlace()))
                {
                    break;
                }

                var next = node.Next;
                if (tryStart(node.Value))
                {
                    place = false;
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

        if (place)
        {
            places?.Exit();
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

    /// <summary>
    /// A started row's request was answered: its place in flight is given back. Returns true when rows wait that the
    /// run's own cap held back, for the caller to start (the account's gate calls back itself for those it held).
    /// </summary>
    public bool Finished()
    {
        bool heldBack;
        lock (gate)
        {
            heldBack = started-- >= cap() && waiting.First is not null;
        }

        places?.Exit();
        return heldBack;
    }

    // A place at the account's gate, taken without waiting (the gate calls placeFreed when none was free); over a function, always.
    private bool TakePlace() => places is null || places.TryEnter(placeFreed);

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

using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Admission and in-order output: each posted row gets its turn in input order; posting waits (cancellably) while too
/// many results are untaken, which bounds memory; results, filled from any thread, are taken back in input order.
/// Posting and taking happen on one thread (PowerShell's pipeline thread, or the async driver).
/// </summary>
internal sealed class RowAdmission<TInput>
{
    // Rows past the backlog a campaign may hold, about 3 KB each: 80 minutes of input for 20 agents on 45-second calls,
    // 12.5 at Exotel's full 200 a minute. Memory is the harder bound: a 100,000-row run in batch mode peaked at 347 MB
    // with 2,500, 389 MB with 5,000 and 422 MB with 10,000 (docs/performance.md).
    private const int MostExempt = 2_500;

    // Guards posted, completing and closed; held only to read or change them.
    private readonly object gate = new();
    private readonly InOrderResults<DispatchRow<TInput>, DispatchResult<TInput>> results = new();
    private readonly Func<int> backlogAllowed;
    private readonly Func<int>? rowsHeld;
    private long posted;
    private bool completing;
    private bool closed;

    /// <param name="backlogAllowed">Untaken results allowed before posting waits, read live.</param>
    /// <param name="rowsHeld">In a campaign, its rows held between attempts, read live; null outside one.</param>
    public RowAdmission(Func<int> backlogAllowed, Func<int>? rowsHeld = null)
    {
        this.backlogAllowed = backlogAllowed;
        this.rowsHeld = rowsHeld;
    }

    /// <summary>Rows posted so far.</summary>
    public long Posted
    {
        get { lock (gate) { return posted; } }
    }

    /// <summary>Rows posted whose results are not taken yet.</summary>
    public int Untaken => results.Count;

    /// <summary>True once no more input will come and every result has been taken.</summary>
    public bool IsDrained
    {
        get { lock (gate) { return completing && results.Count == 0; } }
    }

    /// <summary>Gives a row its turn, at the back of the line.</summary>
    public DispatchRow<TInput> Admit(TInput input, CheckedRequest? request)
    {
        lock (gate)
        {
            var row = new DispatchRow<TInput>(posted++, input, request);
            results.Reserve(row);
            return row;
        }
    }

    /// <summary>Blocks until one more row fits (or the next result must be taken first); throws once stopped or closed.</summary>
    /// <remarks>
    /// Returns as soon as the next result in order is ready even when the backlog is full, so the single posting thread
    /// can take it: post, then <see cref="TakeReady"/>, and the backlog never exceeds the bound + 1.
    /// </remarks>
    public void WaitForRoom(CancellationToken stop)
    {
        ThrowIfClosed(stop);
        while (!HasRoom())
        {
            results.WaitForChange(stop);
        }

        // Stopping settles the head, which makes room: it must not let the input in.
        stop.ThrowIfCancellationRequested();
    }

    /// <summary>As <see cref="WaitForRoom"/>, asynchronously; false when the run was stopped.</summary>
    public async Task<bool> WaitForRoomAsync(CancellationToken stop)
    {
        try
        {
            ThrowIfClosed(stop);
            while (!HasRoom())
            {
                await results.WaitForChangeAsync(stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return !stop.IsCancellationRequested;
    }

    /// <summary>The backlog allowed grew (a row now waits between a campaign's attempts): a waiting poster looks again.</summary>
    public void RoomMade() => results.Nudge();

    /// <summary>No more input will come.</summary>
    public void Complete()
    {
        lock (gate)
        {
            completing = true;
        }
    }

    /// <summary>No more input may come, and posting says the dispatcher is disposed; false when already closed.</summary>
    public bool Close()
    {
        lock (gate)
        {
            var wasOpen = !closed;
            closed = true;
            return wasOpen;
        }
    }

    /// <summary>Gives a row its result; false when it had one already (the first result wins).</summary>
    public bool Fill(DispatchRow<TInput> row, DispatchResult<TInput> result) => results.Fill(row, result);

    /// <summary>The rows posted without a result yet, in input order.</summary>
    public IReadOnlyList<DispatchRow<TInput>> Unfilled() => results.Unfilled();

    /// <summary>Records why the run failed: taking every result then throws it.</summary>
    public void Fail(Exception error) => results.Fail(error);

    public void ThrowIfFailed() => results.ThrowIfFailed();

    public IEnumerable<DispatchResult<TInput>> TakeReady() => results.TakeReady();

    public IEnumerable<DispatchResult<TInput>> TakeAll(CancellationToken cancellationToken, TimeSpan idleEvery = default, Action? idle = null) =>
        results.TakeAll(cancellationToken, idleEvery, idle);

    /// <summary>Waits until a result is filled (or a fault recorded) since the last wake-up.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => results.WaitForChangeAsync(cancellationToken);

    // Room for one more input, or the next result in order is ready and the caller must take it before more fits.
    private bool HasRoom() => results.Count < backlogAllowed() + Exempt() || results.NextIsReady;

    // A campaign's rows between attempts (a redial may be an hour away), and the results done behind them that wait
    // their turn, take no backlog place: else they would stop the input, and the agents with it. Up to a bound, so
    // memory stays flat when the input outruns the redials (a sandbox's rate reads it far ahead).
    private int Exempt() => rowsHeld is null ? 0 : Math.Min(rowsHeld() + results.Filled, MostExempt);

    private void ThrowIfClosed(CancellationToken stop)
    {
        lock (gate)
        {
            if (closed)
            {
                throw new ObjectDisposedException(nameof(CallDispatcher<TInput>));
            }

            if (completing)
            {
                throw new InvalidOperationException(EngineStrings.PostAfterComplete);
            }
        }

        results.ThrowIfFailed();
        stop.ThrowIfCancellationRequested();
    }
}

using ExotelPS.Client.Throttling;

namespace ExotelPS.Client;

/// <summary>A place in an <see cref="InOrderResults{TTurn, TResult}"/> line: a promise of its result, kept once, by the first fill.</summary>
internal abstract class Turn<TResult>
    where TResult : class
{
    // Continuations never run on the filling thread.
    private readonly TaskCompletionSource<TResult> result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The result, null until filled.</summary>
    internal TResult? Result => result.Task.IsCompleted ? result.Task.Result : null;

    /// <summary>Keeps <paramref name="value"/> unless the turn was filled already (then false): the first fill wins, from any thread.</summary>
    internal bool TryFill(TResult value) => result.TrySetResult(value);
}

/// <summary>
/// The in-order handoff of the bulk engine: a queue of promises (<see cref="Turn{TResult}"/>), reserved in input order by
/// one thread, filled in any order by any thread, and taken back in input order by the reserving thread.
/// </summary>
/// <remarks>
/// One wake-up discipline: every fill (and a fault) leaves at most one pending wake-up, and a woken taker looks at the
/// whole line again; the pipeline thread parks on it without spinning (<see cref="QuietWait"/>). One fault path:
/// <see cref="Fail"/> makes <see cref="TakeAll"/> throw once every result reserved is taken. Taking ends when no
/// reserved turn is left: reserving and taking happen on the same thread, so none can be added meanwhile.
/// </remarks>
internal sealed class InOrderResults<TTurn, TResult>
    where TTurn : Turn<TResult>
    where TResult : class
{
    // Guards the queue, the count filled, the fault and the wake-up; never held while calling out (a turn is filled
    // under it, but its continuations run elsewhere), so callers may hold their own lock around any method here.
    private readonly object gate = new();

    // Reserved and not yet taken: a taken turn is let go, so a long run holds only what is still to come.
    private readonly Queue<TTurn> untaken = new();
    private readonly SemaphoreSlim changed = new(0, 1);
    private Exception? fault;

    // Turns filled and not yet taken: results done, waiting for an earlier turn's.
    private int filled;

    /// <summary>Reserved turns not yet taken.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return untaken.Count;
            }
        }
    }

    /// <summary>Results done and not yet taken: each waits for an earlier turn's.</summary>
    public int Filled
    {
        get
        {
            lock (gate)
            {
                return filled;
            }
        }
    }

    /// <summary>True when the first untaken turn is filled, so taking it would not block.</summary>
    public bool NextIsReady
    {
        get
        {
            lock (gate)
            {
                return untaken.Count > 0 && untaken.Peek().Result is not null;
            }
        }
    }

    /// <summary>Puts <paramref name="turn"/> at the back of the line.</summary>
    public void Reserve(TTurn turn)
    {
        lock (gate)
        {
            untaken.Enqueue(turn);
        }
    }

    /// <summary>Gives <paramref name="turn"/> its result; false when it had one already (the first result wins).</summary>
    public bool Fill(TTurn turn, TResult result)
    {
        lock (gate)
        {
            // Filled under the lock so the count agrees with the queue; its continuations run elsewhere.
            if (!turn.TryFill(result))
            {
                return false;
            }

            filled++;
            Wake();
        }

        return true;
    }

    /// <summary>The reserved turns not filled yet, in line order.</summary>
    public IReadOnlyList<TTurn> Unfilled()
    {
        lock (gate)
        {
            return untaken.Where(turn => turn.Result is null).ToList();
        }
    }

    /// <summary>Wakes a waiter to look again: room was made without a fill (a campaign holds a row between attempts).</summary>
    public void Nudge()
    {
        lock (gate)
        {
            Wake();
        }
    }

    /// <summary>Records why the run failed (the first reason wins): <see cref="TakeAll"/> throws it after the last result.</summary>
    public void Fail(Exception error)
    {
        lock (gate)
        {
            fault ??= error;
            Wake();
        }
    }

    /// <summary>Throws the recorded fault, if any.</summary>
    public void ThrowIfFailed()
    {
        Exception? error;
        lock (gate)
        {
            error = fault;
        }

        if (error is not null)
        {
            throw error;
        }
    }

    /// <summary>The results whose turn has come and are ready now, in line order; never blocks.</summary>
    public IEnumerable<TResult> TakeReady()
    {
        for (var result = TryTake(); result is not null; result = TryTake())
        {
            yield return result;
        }
    }

    /// <summary>
    /// Every remaining result in line order, blocking until each is ready; stops early when cancelled. Then throws the
    /// fault, if any. With <paramref name="idle"/>, calls it (on the taking thread) each time <paramref name="idleEvery"/>
    /// passes with nothing to take, so a caller can report progress while it waits.
    /// </summary>
    public IEnumerable<TResult> TakeAll(CancellationToken cancellationToken, TimeSpan idleEvery = default, Action? idle = null)
    {
        while (true)
        {
            foreach (var result in TakeReady())
            {
                yield return result;
            }

            if (Count == 0)
            {
                break;
            }

            try
            {
                if (idle is null)
                {
                    changed.WaitWithoutSpinning(cancellationToken);
                }
                else if (!changed.WaitWithoutSpinning(idleEvery, cancellationToken))
                {
                    idle();
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        ThrowIfFailed();
    }

    /// <summary>Blocks until a turn is filled (or a fault recorded) since the last wake-up; cancellable.</summary>
    public void WaitForChange(CancellationToken cancellationToken) => changed.WaitWithoutSpinning(cancellationToken);

    /// <summary>Waits until a turn is filled (or a fault recorded) since the last wake-up; cancellable.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => changed.WaitAsync(cancellationToken);

    // Under the gate, so two fills cannot both see no pending wake-up and overfill the semaphore.
    private void Wake()
    {
        if (changed.CurrentCount == 0)
        {
            changed.Release();
        }
    }

    private TResult? TryTake()
    {
        lock (gate)
        {
            if (untaken.Count == 0 || untaken.Peek().Result is not { } result)
            {
                return null;
            }

            untaken.Dequeue();
            filled--;
            return result;
        }
    }
}

namespace ExotelPS.Client.Throttling;

/// <summary>
/// The account's one cap on requests in flight, whose limit can change while it is in use (a later client of the same
/// account may set another MaxConcurrency, the adaptive window resizes it), which SemaphoreSlim cannot do. Requests wait
/// for a place first come, first served; a bulk dispatcher takes its rows' places without waiting
/// (<see cref="TryEnter"/>) and is told when one frees.
/// </summary>
internal sealed class ConcurrencyGate
{
    // Guards limit, inFlight, waiters and whenFree; held only to read or change them. A waiter's task completes under
    // it, but its request goes on on the thread pool, never inline; those told of a free place are called after it.
    private readonly object gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> waiters = new();
    private int limit;
    private int inFlight;
    private Action? whenFree;

    public ConcurrencyGate(int limit) => this.limit = limit;

    /// <summary>Requests holding a place now.</summary>
    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return inFlight;
            }
        }
    }

    /// <summary>Requests allowed in flight now.</summary>
    public int Limit
    {
        get
        {
            lock (gate)
            {
                return limit;
            }
        }
    }

    /// <summary>Changes the cap; waiters are let in at once if it grew.</summary>
    public void SetLimit(int newLimit)
    {
        Action? told;
        lock (gate)
        {
            limit = newLimit;
            told = ReleaseWithinLimit();
        }

        // Called off this thread: a client's settings change under their own lock.
        if (told is not null)
        {
            ThreadPool.QueueUserWorkItem(_ => told());
        }
    }

    /// <summary>
    /// Takes a place now if one is free and no request waits for one; else <paramref name="whenFreed"/> is called once,
    /// on the thread that frees one, after the waiting requests have had theirs. Call <see cref="Exit"/> for a place taken.
    /// </summary>
    public bool TryEnter(Action whenFreed)
    {
        lock (gate)
        {
            if (inFlight < limit && waiters.Count == 0)
            {
                inFlight++;
                return true;
            }

            // Usually the one window asking again: compared first, without listing the callbacks.
            if (whenFree is null || (whenFree != whenFreed && Array.IndexOf(whenFree.GetInvocationList(), whenFreed) < 0))
            {
                whenFree += whenFreed;
            }

            return false;
        }
    }

    /// <summary>Waits for a place; call <see cref="Exit"/> once the request is over.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (gate)
        {
            if (inFlight < limit && waiters.Count == 0)
            {
                inFlight++;
                return;
            }

            // Continuations run elsewhere so a releasing thread never runs a waiter's request inline.
            node = waiters.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        using (cancellationToken.Register(() => Abandon(node, cancellationToken)))
        {
            await node.Value.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Gives a place back, handing it to the longest waiter.</summary>
    public void Exit()
    {
        Action? told;
        lock (gate)
        {
            inFlight--;
            told = ReleaseWithinLimit();
        }

        told?.Invoke();
    }

    private void Abandon(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // A waiter already let in (no longer listed) keeps its place; its caller sees the task succeed.
            if (node.List is null)
            {
                return;
            }

            waiters.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }

    // Lets waiters in while there is room; returns those to tell of the room left, if any, forgetting them.
    private Action? ReleaseWithinLimit()
    {
        while (inFlight < limit && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            inFlight++;
            first.Value.TrySetResult(true);
        }

        var told = inFlight < limit ? whenFree : null;
        whenFree = told is null ? whenFree : null;
        return told;
    }
}

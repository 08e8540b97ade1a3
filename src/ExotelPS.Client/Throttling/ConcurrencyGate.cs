namespace ExotelPS.Client.Throttling;

/// <summary>
/// A cap on requests in flight whose limit can change while it is in use (a later client of the same account
/// may set another MaxConcurrency), which SemaphoreSlim cannot do. Waiters are served first come, first served.
/// </summary>
internal sealed class ConcurrencyGate
{
    private readonly object gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> waiters = new();
    private int limit;
    private int inFlight;

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

    /// <summary>Changes the cap; waiters are let in at once if it grew.</summary>
    public void SetLimit(int newLimit)
    {
        lock (gate)
        {
            limit = newLimit;
            ReleaseWaitersWithinLimit();
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
        lock (gate)
        {
            inFlight--;
            ReleaseWaitersWithinLimit();
        }
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

    private void ReleaseWaitersWithinLimit()
    {
        while (inFlight < limit && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            inFlight++;
            first.Value.TrySetResult(true);
        }
    }
}

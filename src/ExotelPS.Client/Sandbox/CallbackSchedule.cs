namespace ExotelPS.Client.Sandbox;

/// <summary>
/// The simulator's status callbacks: scheduled when a call is accepted, falling due at the answer and the end, and
/// what became of each once due. Not thread-safe: the simulator calls it under its lock.
/// </summary>
internal sealed class CallbackSchedule
{
    private readonly List<PendingCallback> pending = new();
    private readonly List<StatusCallbackDelivery> delivered = new();
    private TaskCompletionSource<bool> somethingPending = NewSignal();

    /// <summary>Every callback that has fallen due, with what became of it.</summary>
    public IReadOnlyList<StatusCallbackDelivery> Delivered => delivered.ToArray();

    /// <summary>Completes once a callback is waiting for its time.</summary>
    public Task SomethingPending => somethingPending.Task;

    /// <summary>Schedules the callbacks the call's request asked for.</summary>
    public void Schedule(RecordedCall call)
    {
        if (string.IsNullOrWhiteSpace(call.Request.StatusCallback))
        {
            return;
        }

        // Only a connected call is answered; terminal always comes, as Exotel's default.
        if (call.Request.StatusCallbackEvents.Contains(StatusCallbackEvent.Answered) && call.FinalStatus == CallStatus.Completed)
        {
            pending.Add(new PendingCallback(call, StatusCallbackEvent.Answered, call.AnsweredAt));
        }

        pending.Add(new PendingCallback(call, StatusCallbackEvent.Terminal, call.EndsAt));
        somethingPending.TrySetResult(true);
    }

    /// <summary>The callbacks due by <paramref name="now"/>, taken out of the schedule and recorded as delivered.</summary>
    public IReadOnlyList<StatusCallbackDelivery> TakeDue(DateTimeOffset now)
    {
        var due = pending.Where(callback => callback.DueAt <= now).ToList();
        pending.RemoveAll(callback => callback.DueAt <= now);
        Rearm();
        var ready = due.Select(callback => callback.ToDelivery(now)).ToList();
        delivered.AddRange(ready);
        return ready;
    }

    public void Clear()
    {
        pending.Clear();
        Rearm();
        delivered.Clear();
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Once nothing is pending, the next scheduled callback completes a fresh signal.
    private void Rearm()
    {
        if (pending.Count == 0 && somethingPending.Task.IsCompleted)
        {
            somethingPending = NewSignal();
        }
    }
}

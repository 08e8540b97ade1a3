namespace ExotelPS.Client;

/// <content>Stopping: by the token, by Dispose, or because the journal could not be written.</content>
public sealed partial class CallDispatcher<TInput>
{
    /// <summary>Stops the run as the constructor's token would: nothing new is sent, calls in flight are cancelled.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        stop.Cancel();
        onStop.Dispose();
        stop.Dispose();
        pacing?.Dispose();
    }

    // Without the journal a rerun could ring people twice: stop sending. Never called under the gate.
    private void StopAfterJournalFault()
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed, hence already stopped.
        }
    }

    // The stop token's callback: settles every posted input now, so nothing waits on a call that may never answer.
    private void OnStopped()
    {
        IReadOnlyList<Slot> unsettled;
        lock (gate)
        {
            stopped = true;
            waiting.Clear();
            unsettled = backlog.Unfilled();
        }

        pacing?.Dispose();

        foreach (var slot in unsettled)
        {
            bool onTheWire;
            lock (gate)
            {
                onTheWire = slot.OnTheWire;
            }

            var result = onTheWire
                ? Result(slot, RowEnding.OutcomeUnknown, error: RowEndings.AsExotelError(new OperationCanceledException(stopToken)))
                : Result(slot, RowEnding.NotSent, error: RowEndings.StoppedBeforeSending());
            Settle(slot, result);
        }
    }
}

namespace ExotelPS.Client.Throttling;

/// <summary>Blocking waits for the pipeline thread that do not spin.</summary>
internal static class QuietWait
{
    /// <summary>
    /// Like <see cref="SemaphoreSlim.Wait(CancellationToken)"/>, but parks the thread at once: SemaphoreSlim spins
    /// (yielding the CPU in a loop) before it blocks, and a throttled run blocks once per row, so that spinning was
    /// most of the CPU a waiting session spent.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void WaitWithoutSpinning(this SemaphoreSlim semaphore, CancellationToken cancellationToken)
    {
        var handles = new[] { semaphore.AvailableWaitHandle, cancellationToken.WaitHandle };
        while (!semaphore.Wait(0))
        {
            WaitHandle.WaitAny(handles);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}

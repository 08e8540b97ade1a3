namespace ExotelPS.Client.Throttling;

/// <summary>Blocking waits for the pipeline thread that do not spin.</summary>
/// <remarks>
/// .NET's blocking waits spin first (SemaphoreSlim.Wait, Task.Wait); the one that need not, a ManualResetEventSlim with
/// a spin count of 0, has no async wait, and the in-order line's one wake-up serves async takers (RunAsync) too.
/// </remarks>
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

    /// <summary>As <see cref="WaitWithoutSpinning(SemaphoreSlim, CancellationToken)"/>, giving up after <paramref name="timeout"/>: false then.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static bool WaitWithoutSpinning(this SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var handles = new[] { semaphore.AvailableWaitHandle, cancellationToken.WaitHandle };
        // Real, monotonic time: this paces the caller's progress reports, not the session.
        var started = TimeProvider.System.GetTimestamp();
        while (!semaphore.Wait(0))
        {
            var left = timeout - TimeProvider.System.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            WaitHandle.WaitAny(handles, left);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return true;
    }
}

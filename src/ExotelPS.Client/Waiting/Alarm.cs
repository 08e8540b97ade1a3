using ExotelPS.Client.Throttling;

namespace ExotelPS.Client;

/// <summary>
/// What a background poller sleeps on: woken by news (at most one wake-up pending, since the poller looks at
/// everything each time it wakes), or once a given time has passed on its <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>Nothing to dispose: the semaphore's wait handle is never asked for.</remarks>
internal sealed class Alarm
{
    private readonly TimeProvider time;
    private readonly SemaphoreSlim wake = new(0);

    public Alarm(TimeProvider time) => this.time = time;

    /// <summary>Wakes the sleeper now, or at once when it next sleeps.</summary>
    public void Ring()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    /// <summary>Until <see cref="Ring"/>, or until <paramref name="wakeIn"/> has passed (never, when null; at once, when not positive).</summary>
    public async Task SleepAsync(TimeSpan? wakeIn, CancellationToken cancellationToken)
    {
        if (wakeIn is not { } delay)
        {
            await wake.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        // A cancelled wait takes no wake-up with it, so a ring during the nap is kept for the next sleep.
        using var nap = time.CancelAfter(delay);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, nap.Token);
        try
        {
            await wake.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time came first.
        }
    }
}

using ExotelPS.Client.Throttling;

namespace ExotelPS.Client;

/// <summary>
/// What a background poller sleeps on: woken by news (at most one wake-up pending, since the poller looks at
/// everything each time it wakes), or by its clock once a given time has passed.
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

    /// <summary>Until <see cref="Ring"/>, or until the clock says <paramref name="wakeIn"/> has passed (never, when null).</summary>
    public async Task SleepAsync(TimeSpan? wakeIn, CancellationToken cancellationToken)
    {
        if (wakeIn is not { } delay)
        {
            await wake.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var nap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = wake.WaitAsync(nap.Token);
        var timer = time.SleepAsync(delay, nap.Token);
        var first = await Task.WhenAny(woken, timer).ConfigureAwait(false);

        // Withdraws whichever is still pending: a wait left behind would swallow a later wake-up.
        nap.Cancel();
        if (first == timer)
        {
            // Surfaces a clock that failed.
            await timer.ConfigureAwait(false);
        }

        try
        {
            await woken.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The clock's delay ended the nap first.
        }
    }
}

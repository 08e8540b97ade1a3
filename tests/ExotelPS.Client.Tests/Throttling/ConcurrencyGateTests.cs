using ExotelPS.Client.Throttling;

namespace ExotelPS.Client.Tests.Throttling;

/// <summary>The cap on requests in flight.</summary>
public sealed class ConcurrencyGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Requests_past_the_limit_wait_for_a_place_first_come_first_served()
    {
        var gate = new ConcurrencyGate(2);
        await gate.EnterAsync(CancellationToken.None);
        await gate.EnterAsync(CancellationToken.None);

        var third = gate.EnterAsync(CancellationToken.None);
        var fourth = gate.EnterAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);

        gate.Exit();
        await third.WaitAsync(Patience);
        Assert.False(fourth.IsCompleted);
        Assert.Equal(2, gate.InFlight);

        gate.Exit();
        await fourth.WaitAsync(Patience);
    }

    [Fact]
    public async Task Taking_a_place_without_waiting_yields_to_waiting_requests_and_is_told_once_when_one_frees()
    {
        var gate = new ConcurrencyGate(1);
        var told = 0;
        void Told() => told++;
        Assert.True(gate.TryEnter(Told));
        var waiting = gate.EnterAsync(CancellationToken.None);

        Assert.False(gate.TryEnter(Told));
        Assert.False(gate.TryEnter(Told));
        gate.Exit();
        await waiting.WaitAsync(Patience);
        Assert.Equal(0, told);

        gate.Exit();
        Assert.Equal(1, told);
        Assert.True(gate.TryEnter(Told));
        gate.Exit();
        Assert.Equal(1, told);
    }

    [Fact]
    public async Task Raising_the_limit_lets_waiters_in()
    {
        var gate = new ConcurrencyGate(1);
        await gate.EnterAsync(CancellationToken.None);
        var waiting = gate.EnterAsync(CancellationToken.None);

        gate.SetLimit(2);

        await waiting.WaitAsync(Patience);
        Assert.Equal(2, gate.InFlight);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_without_taking_a_place()
    {
        var gate = new ConcurrencyGate(1);
        await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(cancel.Token);
        var next = gate.EnterAsync(CancellationToken.None);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        gate.Exit();

        await next.WaitAsync(Patience);
        Assert.Equal(1, gate.InFlight);
    }
}

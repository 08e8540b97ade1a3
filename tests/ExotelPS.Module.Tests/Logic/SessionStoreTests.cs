using System.Runtime.CompilerServices;
using ExotelPS.Sessions;

namespace ExotelPS.Module.Tests.Logic;

public sealed class SessionStoreTests
{
    private readonly SessionStore<object, string> store = new();
    private readonly object runspaceA = new();
    private readonly object runspaceB = new();

    [Fact]
    public void Each_runspace_has_its_own_default()
    {
        store.Set(runspaceA, "session A");
        store.Set(runspaceB, "session B");

        Assert.Equal("session A", store.Get(runspaceA));
        Assert.Equal("session B", store.Get(runspaceB));
        Assert.Null(store.Get(new object()));
    }

    [Fact]
    public void Connecting_again_replaces_the_default()
    {
        store.Set(runspaceA, "first");
        store.Set(runspaceA, "second");

        Assert.Equal("second", store.Get(runspaceA));
    }

    [Fact]
    public void Clearing_forgets_only_the_session_named()
    {
        var current = "current";
        store.Set(runspaceA, current);

        Assert.False(store.Clear(runspaceA, "another session"));
        Assert.Same(current, store.Get(runspaceA));
        Assert.True(store.Clear(runspaceA, current));
        Assert.Null(store.Get(runspaceA));
        Assert.False(store.Clear(runspaceB, current));
    }

    [Fact]
    public void A_collected_runspace_takes_its_session_with_it()
    {
        var session = AddForGarbageRunspace(store);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(session.TryGetTarget(out _));
    }

    // A separate, never inlined frame, so the runspace key is unreachable when the test collects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<string> AddForGarbageRunspace(SessionStore<object, string> target)
    {
        var session = new string('s', 3);
        target.Set(new object(), session);
        return new WeakReference<string>(session);
    }
}

namespace ExotelPS.Client.Tests.Emulator;

/// <summary>A clock the test moves by hand, so call lifecycles and rate windows need no sleeping.</summary>
public sealed class ManualClock
{
    private long ticks = new DateTimeOffset(2024, 3, 3, 5, 18, 33, TimeSpan.Zero).UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

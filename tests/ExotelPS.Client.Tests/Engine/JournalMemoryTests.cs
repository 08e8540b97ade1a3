namespace ExotelPS.Client.Tests.Engine;

public sealed class JournalMemoryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.FromHours(5.5));

    [Fact]
    public void Words_that_repeat_from_call_to_call_are_kept_once_and_a_call_shares_its_rows_sid()
    {
        // A 100,000-row campaign remembers some 220,000 calls: each their own copy of the agent and statuses is megabytes.
        var memory = new JournalMemory();
        memory.Remember("row-a", new JournalEntry(RowEnding.Placed, Copy("sid-1"), Noon, fromEarlierRun: false));
        memory.Remember("row-a", Attempt(Copy("sid-1"), Noon));
        memory.Remember("row-b", Attempt(Copy("sid-2"), Noon.AddMinutes(1)));
        memory.Remember("row-a", Attempt(Copy("sid-3"), Noon.AddMinutes(40)));

        var a = memory.AttemptsOf("row-a");
        var b = Assert.Single(memory.AttemptsOf("row-b"));
        Assert.Equal(new[] { "sid-1", "sid-3" }, a.Select(attempt => attempt.Sid));
        Assert.All(new[] { a[1], b }, attempt => Assert.Same(a[0].From, attempt.From));
        Assert.All(new[] { a[1], b }, attempt => Assert.Same(a[0].Status, attempt.Status));
        Assert.Same(a[0].Leg1, b.Leg1);
        Assert.Same(memory.Find("row-a")!.Sid, a[0].Sid);
        Assert.Equal((31, 20, Noon.AddMinutes(40)), (a[1].Duration!.Value, a[1].Talk!.Value, a[1].Start));
        Assert.Equal(new[] { "row-a", "row-b" }, memory.Identities());
    }

    [Fact]
    public void A_reader_keeps_the_calls_it_took_while_more_are_remembered()
    {
        var memory = new JournalMemory();
        memory.Remember("row-a", Attempt("sid-1", Noon));
        var taken = memory.AttemptsOf("row-a");

        memory.Remember("row-a", Attempt("sid-2", Noon.AddMinutes(40)));

        Assert.Single(taken);
        Assert.Equal(2, memory.AttemptsOf("row-a").Count);
    }

    // Equal, but a string of its own, as each line read or each answer parsed gives.
    private static string Copy(string text) => new(text.AsSpan());

    private static JournalAttempt Attempt(string sid, DateTimeOffset start) =>
        new(sid, Copy("09800000001"), start, start.AddSeconds(31), Copy("busy"), isFlowCall: false) { Leg1 = Copy("completed"), Leg2 = Copy("busy"), Duration = 31, Talk = 20 };
}

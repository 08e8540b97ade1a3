using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class PendingReadsTests
{
    [Fact]
    public void A_finished_read_waits_for_the_unfinished_ones_before_it()
    {
        var reads = new PendingReads<int>(limit: 4);
        var first = new TaskCompletionSource<int>();
        reads.Add("a", first.Task);
        reads.Add("b", Task.FromResult(2));

        Assert.Empty(reads.Take(all: false));

        first.SetResult(1);
        Assert.Equal(new object[] { "a", "b" }, reads.Take(all: false).Select(read => read.Target));
    }

    [Fact]
    public void Over_the_limit_the_oldest_read_is_handed_on_to_be_waited_for()
    {
        var reads = new PendingReads<int>(limit: 2);
        foreach (var target in new[] { "a", "b", "c" })
        {
            reads.Add(target, new TaskCompletionSource<int>().Task);
        }

        Assert.Equal(new object[] { "a" }, reads.Take(all: false).Select(read => read.Target));
        Assert.Equal(new object[] { "b", "c" }, reads.Take(all: true).Select(read => read.Target));
        Assert.Empty(reads.Take(all: true));
    }

    [Fact]
    public void A_limit_below_one_still_lets_one_read_run()
    {
        var reads = new PendingReads<int>(limit: 0);
        reads.Add("a", new TaskCompletionSource<int>().Task);

        Assert.Empty(reads.Take(all: false));
    }
}

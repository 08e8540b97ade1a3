using System.Runtime;
using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

/// <summary>The collector's mode while campaigns run (process-wide: no other test class touches it).</summary>
public sealed class BatchLatencyTests
{
    [Fact]
    public void A_campaign_runs_in_batch_mode_and_puts_back_the_mode_it_found()
    {
        var before = GCSettings.LatencyMode;
        Assert.NotEqual(GCLatencyMode.Batch, before);

        using (BatchLatency.Begin())
        {
            Assert.Equal(GCLatencyMode.Batch, GCSettings.LatencyMode);
        }

        Assert.Equal(before, GCSettings.LatencyMode);
    }

    [Fact]
    public void The_mode_stays_batch_until_the_last_of_two_overlapping_campaigns_ends_and_a_second_end_counts_once()
    {
        var before = GCSettings.LatencyMode;
        var first = BatchLatency.Begin();
        var second = BatchLatency.Begin();

        first.Dispose();
        first.Dispose();
        Assert.Equal(GCLatencyMode.Batch, GCSettings.LatencyMode);

        second.Dispose();
        Assert.Equal(before, GCSettings.LatencyMode);
    }
}

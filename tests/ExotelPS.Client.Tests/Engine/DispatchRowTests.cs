namespace ExotelPS.Client.Tests.Engine;

public sealed class DispatchRowTests
{
    [Fact]
    public void A_stop_that_comes_first_holds_the_row_back_so_no_sending_line_is_written()
    {
        var row = Started();

        Assert.True(row.TryHoldBack());
        Assert.Equal(DispatchRow<int>.SendStep.HeldBack, row.BeginSending());
        Assert.False(row.MayBeOnTheWire);
    }

    [Fact]
    public void A_row_whose_sending_line_was_begun_first_cannot_be_called_not_sent()
    {
        var row = Started();

        Assert.Equal(DispatchRow<int>.SendStep.First, row.BeginSending());
        Assert.False(row.TryHoldBack());
        Assert.True(row.MayBeOnTheWire);
        Assert.Equal(DispatchRow<int>.SendStep.Again, row.BeginSending());
    }

    [Fact]
    public void A_sending_line_that_could_not_be_written_leaves_the_row_not_sent()
    {
        var row = Started();
        row.BeginSending();

        row.SendingFailed();

        Assert.True(row.TryHoldBack());
    }

    [Fact]
    public void A_row_stops_waiting_to_be_sent_once_and_is_settled_once()
    {
        var row = Started();

        Assert.True(row.TryStopAwaitingSend());
        Assert.False(row.TryStopAwaitingSend());
        Assert.True(row.TryClaim());
        Assert.False(row.TryClaim());
    }

    private static DispatchRow<int> Started()
    {
        var row = new DispatchRow<int>(0, 0, request: null);
        row.Start();
        return row;
    }
}

using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class SmallHelpersTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(90, 90)]
    public void Wait_timeouts_are_seconds(int seconds, double expected)
    {
        Assert.Equal(TimeSpan.FromSeconds(expected), WaitDuration.FromSeconds(seconds));
    }

    [Fact]
    public void Waiting_until_final_outlasts_the_longest_call_Exotel_allows()
    {
        Assert.Equal(WaitDuration.UntilFinal, WaitDuration.FromSeconds(-1));
        Assert.True(WaitDuration.UntilFinal > TimeSpan.FromSeconds(PlaceCallOptions.MaxTimeLimit + PlaceCallOptions.MaxTimeOut * 2));
    }

    [Fact]
    public void A_skipped_connect_row_shows_the_journaled_sid_and_the_row_numbers()
    {
        var request = new ConnectCallOptions { From = "09900000001", To = "09900000002", CallerId = "08030752400", CustomField = "order-9" };
        var result = new DispatchResult<string>(3, "row", request, RowEnding.SkippedPlaced, call: null, callSid: "abc123", error: null);

        var call = SkippedCall.Of(result);

        Assert.Equal("abc123", call.Sid);
        Assert.Equal("09900000001", call.From);
        Assert.Equal("09900000002", call.To);
        Assert.Equal("08030752400", call.CallerId);
        Assert.Equal("order-9", call.CustomField);
    }

    [Fact]
    public void A_skipped_flow_row_is_to_the_ExoPhone_as_Exotel_reports_flow_calls()
    {
        var request = new FlowCallOptions { From = "09900000001", CallerId = "08030752400", FlowId = "926" };
        var result = new DispatchResult<string>(0, "row", request, RowEnding.SkippedPlaced, call: null, callSid: "f1", error: null);

        Assert.Equal("08030752400", SkippedCall.Of(result).To);
    }
}

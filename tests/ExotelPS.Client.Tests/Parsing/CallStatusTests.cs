namespace ExotelPS.Client.Tests.Parsing;

/// <summary>The open <see cref="CallStatus"/> value.</summary>
public sealed class CallStatusTests
{
    [Theory]
    [InlineData("queued", false)]
    [InlineData("in-progress", false)]
    [InlineData("completed", true)]
    [InlineData("failed", true)]
    [InlineData("busy", true)]
    [InlineData("no-answer", true)]
    public void Documented_statuses_are_known_and_final_once_ended(string text, bool final)
    {
        var status = CallStatus.Parse(text);

        Assert.True(status.IsKnown);
        Assert.Equal(final, status.IsFinal);
        Assert.Contains(status, CallStatus.Known);
    }

    [Theory]
    [InlineData("Completed", "completed")]
    [InlineData(" NO-ANSWER ", "no-answer")]
    [InlineData("in progress", "in-progress")]
    [InlineData("No  Answer", "no-answer")]
    [InlineData("from_leg_unanswered", "from_leg_unanswered")]
    public void Values_are_lower_case_with_dashes_for_spaces(string text, string expected)
    {
        Assert.Equal(expected, new CallStatus(text).Value);
        Assert.Equal(expected, new CallStatus(text).ToString());
    }

    [Fact]
    public void Unknown_values_are_kept_but_neither_known_nor_final()
    {
        CallStatus status = "to_leg_unanswered";

        Assert.Equal("to_leg_unanswered", status.Value);
        Assert.False(status.IsKnown);
        Assert.False(status.IsFinal);
    }

    [Fact]
    public void Compares_with_plain_strings_ignoring_case()
    {
        var status = CallStatus.Completed;

        Assert.True(status == "completed");
        Assert.True(status == "COMPLETED");
        Assert.True(status != "failed");
        Assert.True(status.Equals((object)CallStatus.Parse("Completed")));
        Assert.False(status.Equals((object)"completed"));
        Assert.Equal(CallStatus.Parse("Completed").GetHashCode(), status.GetHashCode());
    }

    [Fact]
    public void Default_and_empty_are_the_same_unknown_status()
    {
        Assert.Equal(string.Empty, default(CallStatus).Value);
        Assert.Equal(default, new CallStatus(string.Empty));
        Assert.False(default(CallStatus).IsKnown);
        Assert.False(default(CallStatus).IsFinal);
    }

    [Fact]
    public void Works_as_a_dictionary_key()
    {
        var counts = new Dictionary<CallStatus, int> { [CallStatus.Busy] = 1 };

        counts["BUSY"]++;

        Assert.Equal(2, counts[CallStatus.Busy]);
    }

    [Fact]
    public void A_known_status_read_again_and_again_shares_one_string()
    {
        var read = new CallStatus(new string("No-Answer".ToCharArray()));

        Assert.Same(CallStatus.NoAnswer.Value, read.Value);
    }
}

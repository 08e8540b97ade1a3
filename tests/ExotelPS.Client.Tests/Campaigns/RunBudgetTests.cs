using ExotelPS.Client.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class RunBudgetTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public void New_attempts_may_start_until_the_deadline_and_not_at_it()
    {
        var time = new FakeTimeProvider(Start);
        var budget = RunBudget.Start(TimeSpan.FromHours(2.75), time);

        Assert.Equal(Start.AddHours(2.75), budget.Deadline);
        Assert.True(budget.AllowsStartAt(Start.AddHours(2.75).AddTicks(-1)));
        Assert.False(budget.AllowsStartAt(Start.AddHours(2.75)));

        time.Advance(TimeSpan.FromHours(2));
        Assert.True(budget.MayStartNow);
        Assert.Equal(TimeSpan.FromMinutes(45), budget.Remaining);

        time.Advance(TimeSpan.FromMinutes(45));
        Assert.False(budget.MayStartNow);
        Assert.Equal(TimeSpan.Zero, budget.Remaining);

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.Zero, budget.Remaining);
    }

    [Fact]
    public void Without_MaxRunTime_the_run_has_no_deadline()
    {
        var time = new FakeTimeProvider(Start);
        var budget = RunBudget.Start(null, time);

        time.Advance(TimeSpan.FromDays(365));

        Assert.Null(budget.Deadline);
        Assert.Null(budget.Remaining);
        Assert.True(budget.MayStartNow);
        Assert.Equal(Start.AddDays(365), budget.Now);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    [InlineData("30.00:00:01")]
    public void Refuses_a_run_time_that_is_not_positive_or_too_long(string text)
    {
        var value = TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<ExotelValidationException>(() => RunBudget.Start(value, new FakeTimeProvider(Start)));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("MaxRunTime", failure.Field);
        Assert.Equal(text, failure.Value);
        Assert.Contains($"MaxRunTime '{text}'", error.Message);
    }
}

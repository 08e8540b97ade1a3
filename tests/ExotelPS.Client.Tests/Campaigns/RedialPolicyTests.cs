using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class RedialPolicyTests
{
    [Fact]
    public void Defaults_to_one_attempt_redialling_busy_and_no_answer_after_half_an_hour()
    {
        var policy = RedialPolicy.Create(null, null, null);

        Assert.Equal(1, policy.MaxAttempts);
        Assert.Equal(new[] { CallStatus.Busy, CallStatus.NoAnswer }, policy.RedialOn);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.WaitBefore(2));
        Assert.False(policy.RedialsOn(CallStatus.Failed));
    }

    [Fact]
    public void The_last_wait_repeats_for_every_later_attempt()
    {
        var policy = RedialPolicy.Create(10, null, new[] { TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(4) });

        Assert.Equal(TimeSpan.FromMinutes(10), policy.WaitBefore(2));
        Assert.Equal(TimeSpan.FromHours(1), policy.WaitBefore(3));
        Assert.Equal(TimeSpan.FromHours(4), policy.WaitBefore(4));
        Assert.Equal(TimeSpan.FromHours(4), policy.WaitBefore(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.WaitBefore(1));
    }

    [Fact]
    public void Reads_statuses_as_Exotel_writes_them_whatever_the_case_and_once_each()
    {
        var policy = RedialPolicy.Create(3, new[] { "Failed", "no answer", "BUSY", "busy" }, null);

        Assert.Equal(new[] { CallStatus.Failed, CallStatus.NoAnswer, CallStatus.Busy }, policy.RedialOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public void Refuses_MaxAttempts_outside_1_to_10(int value)
    {
        var error = Assert.Throws<ExotelValidationException>(() => RedialPolicy.Create(value, null, null));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("MaxAttempts", failure.Field);
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Value);
        Assert.Contains("between 1 and 10", failure.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Takes_MaxAttempts_at_its_bounds(int value) => Assert.Equal(value, RedialPolicy.Create(value, null, null).MaxAttempts);

    [Fact]
    public void Names_every_bad_value_at_once()
    {
        var error = Assert.Throws<ExotelValidationException>(() => RedialPolicy.Create(
            12, new[] { "completed", "busy", "voicemail" }, new[] { TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(5), TimeSpan.FromDays(31) }));

        Assert.Equal(
            new[] { "MaxAttempts '12'", "RedialOn 'completed'", "RedialOn 'voicemail'", "RedialAfter '-00:05:00'", "RedialAfter '31.00:00:00'" },
            error.Failures.Select(failure => $"{failure.Field} '{failure.Value}'"));
        Assert.Contains("RedialOn 'voicemail': must be busy, no-answer or failed", error.Message);
    }

    [Fact]
    public void Refuses_empty_lists()
    {
        var error = Assert.Throws<ExotelValidationException>(() => RedialPolicy.Create(2, Array.Empty<string>(), Array.Empty<TimeSpan>()));

        Assert.Equal(new[] { "RedialOn", "RedialAfter" }, error.Failures.Select(failure => failure.Field));
    }

    [Fact]
    public void Takes_a_zero_wait() => Assert.Equal(TimeSpan.Zero, RedialPolicy.Create(2, null, new[] { TimeSpan.Zero }).WaitBefore(2));
}

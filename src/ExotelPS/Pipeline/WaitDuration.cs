namespace ExotelPS.Pipeline;

/// <summary>Wait-ExotelCall's -Timeout, in seconds like Wait-Job's.</summary>
internal static class WaitDuration
{
    /// <summary>
    /// What -Timeout -1 ("until final") means: no call outlives Exotel's 4-hour TimeLimit plus ringing, so
    /// waiting 5 hours is waiting for ever for a call, yet still ends for a Sid that never settles.
    /// </summary>
    public static readonly TimeSpan UntilFinal = TimeSpan.FromHours(5);

    public static TimeSpan FromSeconds(int seconds) => seconds < 0 ? UntilFinal : TimeSpan.FromSeconds(seconds);
}

using System.Collections.Concurrent;

namespace ExotelPS.Client.Throttling;

/// <summary>
/// One <see cref="AccountThrottle"/> per <see cref="ExotelAccount.ThrottleKey"/> for the whole process, so every
/// client, session and cmdlet of an account shares the limit Exotel counts per account. When clients of one
/// account are created with different settings, the last one created sets RequestsPerMinute and MaxConcurrency.
/// Clients on another time source (a sandbox on a faster clock, say) get a throttle of their own: a bucket measures
/// one time only.
/// </summary>
internal static class ThrottleRegistry
{
    private static readonly ConcurrentDictionary<(string ThrottleKey, TimeProvider Time), AccountThrottle> Throttles = new();

    /// <summary>The account's throttle, set to <paramref name="options"/>; <paramref name="replaced"/> is the other budget it had, if any.</summary>
    public static AccountThrottle For(ExotelAccount account, ExotelClientOptions options, out (int RequestsPerMinute, int? MaxConcurrency)? replaced)
    {
        var created = new AccountThrottle(options.RequestsPerMinute, options.MaxConcurrency, options.TimeProvider);
        var throttle = Throttles.GetOrAdd((account.ThrottleKey, options.TimeProvider), created);
        var requested = (options.RequestsPerMinute, options.MaxConcurrency);
        var previous = throttle == created ? requested : throttle.Configure(options.RequestsPerMinute, options.MaxConcurrency);
        replaced = previous == requested ? null : previous;
        return throttle;
    }
}

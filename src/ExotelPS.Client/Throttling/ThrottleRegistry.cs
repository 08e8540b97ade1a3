using System.Collections.Concurrent;

namespace ExotelPS.Client.Throttling;

/// <summary>
/// One <see cref="AccountThrottle"/> per <see cref="ExotelAccount.ThrottleKey"/> for the whole process, so every
/// client, session and cmdlet of an account shares the limit Exotel counts per account. When clients of one
/// account are created with different settings, the last one created sets RequestsPerMinute and MaxConcurrency.
/// </summary>
internal static class ThrottleRegistry
{
    private static readonly ConcurrentDictionary<string, AccountThrottle> Throttles = new(StringComparer.Ordinal);

    public static AccountThrottle For(ExotelAccount account, ExotelClientOptions options) =>
        Throttles.AddOrUpdate(
            account.ThrottleKey,
            _ => new AccountThrottle(options.RequestsPerMinute, options.MaxConcurrency, SystemClock.Instance),
            (_, existing) =>
            {
                existing.Configure(options.RequestsPerMinute, options.MaxConcurrency);
                return existing;
            });
}

namespace ExotelPS.Client;

/// <summary>
/// Which of a set of calls are final, asked the cheap way: Exotel's listing takes up to 100 Sids and lists only calls
/// no longer in progress, so one request answers for a whole batch. The one home of that question for the engine.
/// </summary>
internal static class FinalCalls
{
    /// <summary>The items in batches of at most one listing's worth of Sids.</summary>
    public static IEnumerable<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> items)
    {
        for (var first = 0; first < items.Count; first += ListCallsOptions.MaxSids)
        {
            yield return items.Skip(first).Take(ListCallsOptions.MaxSids).ToList();
        }
    }

    /// <summary>
    /// The final calls among <paramref name="sids"/> (at most <see cref="ListCallsOptions.MaxSids"/>), in one listing
    /// request through the account's throttle; a call not returned is still live (or unknown to Exotel).
    /// </summary>
    /// <exception cref="ExotelException">The listing failed.</exception>
    public static async Task<IReadOnlyList<ExotelCall>> AmongAsync(ExotelClient client, IEnumerable<string> sids, CancellationToken cancellationToken)
    {
        var options = new ListCallsOptions { Sids = sids.Distinct(StringComparer.Ordinal).ToList(), PageSize = ListCallsOptions.MaxPageSize };
        var final = new List<ExotelCall>();
        await foreach (var call in client.ListCallsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            // Listed means no longer in progress; the check guards against a listing that says otherwise.
            if (call.Status != CallStatus.Queued && call.Status != CallStatus.InProgress)
            {
                final.Add(call);
            }
        }

        return final;
    }
}

namespace ExotelPS.Client;

/// <summary>
/// The rule, with no I/O: given rows in doubt and the calls a look at the listing found, how each row stands now.
/// One match: placed. Several (or a call that matches several rows): still in doubt. None: not placed only once the
/// row's certainty time has passed (<see cref="CertaintyRule"/>) and the row is within the listing's reach.
/// </summary>
internal static class ReconcileDecision
{
    /// <param name="rows">The rows in doubt.</param>
    /// <param name="looked">Per row, whether its query was answered in full; a row not looked at stays in doubt.</param>
    /// <param name="listed">The calls the looks returned.</param>
    /// <param name="isClaimed">True for a Sid known to be another row's call (recorded placed): never a match.</param>
    /// <param name="now">This machine's time.</param>
    public static IReadOnlyList<Resolution> Decide(
        IReadOnlyList<CallInDoubt> rows, IReadOnlyList<bool> looked, IReadOnlyList<ExotelCall> listed, Func<string, bool> isClaimed,
        DateTimeOffset now, ReconcileOptions options)
    {
        var candidates = new List<string>[rows.Count];
        var rowsPerCall = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < rows.Count; index++)
        {
            candidates[index] = looked[index]
                ? listed.Where(call => !isClaimed(call.Sid) && Matches(rows[index], call, options)).Select(call => call.Sid).Distinct().ToList()
                : new List<string>();
            foreach (var sid in candidates[index])
            {
                rowsPerCall[sid] = rowsPerCall.TryGetValue(sid, out var count) ? count + 1 : 1;
            }
        }

        var resolutions = new Resolution[rows.Count];
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var certainAt = CertaintyRule.CertainAt(row, options.SettleMargin);
            var found = candidates[index];
            resolutions[index] = !looked[index] ? Resolution.InDoubt(Reachable(row, now) ? certainAt : null)
                : found.Count == 1 && rowsPerCall[found[0]] == 1 ? Resolution.Placed(found[0])
                : found.Count > 0 ? Resolution.Several(found, certainAt)
                : !Reachable(row, now) ? Resolution.InDoubt(null)
                : now >= certainAt ? Resolution.NotPlaced()
                : Resolution.InDoubt(certainAt);
        }

        return resolutions;
    }

    /// <summary>Same From, same To (the ExoPhone for a flow), same ExoPhone, created inside the row's window.</summary>
    public static bool Matches(CallInDoubt row, ExotelCall call, ReconcileOptions options)
    {
        var (from, to) = ListingPlan.WindowOf(row, options);
        return call.DateCreated is { } created && created >= from && created <= to
            && PhoneNumber.Canonical(call.From) == row.From
            && PhoneNumber.Canonical(call.To) == row.ListedTo
            && PhoneNumber.Canonical(call.PhoneNumberSid) == row.CallerId;
    }

    // Exotel keeps records 6 months: an older row's call may be gone from the listing, so no match proves nothing.
    private static bool Reachable(CallInDoubt row, DateTimeOffset now) => now - row.SentAt < ReconcileOptions.ListingHorizon;
}

namespace ExotelPS.Client;

/// <summary>How one row in doubt stands after reconciliation.</summary>
public sealed class Resolution
{
    private Resolution(RowEnding ending, IReadOnlyList<string> sids, DateTimeOffset? until)
    {
        Ending = ending;
        Sids = sids;
        Until = until;
    }

    /// <summary>
    /// What was found: <see cref="RowEnding.Found"/> (exactly one listed call matches: <see cref="Sid"/>),
    /// <see cref="RowEnding.NotPlaced"/> (none matches, and every call the request could have created would be listed by
    /// now), or <see cref="RowEnding.StillInDoubt"/> (none yet, certainty comes at <see cref="Until"/>; or several match,
    /// or one call matches several rows: <see cref="Sids"/>).
    /// </summary>
    public RowEnding Ending { get; }

    /// <summary>The row's call, when it was found.</summary>
    public string? Sid => Ending == RowEnding.Found ? Sids[0] : null;

    /// <summary>Every matching call (one when found, several when still in doubt between them, none otherwise).</summary>
    public IReadOnlyList<string> Sids { get; }

    /// <summary>True when still in doubt because several listed calls match.</summary>
    public bool IsSeveral => Ending == RowEnding.StillInDoubt && Sids.Count > 0;

    /// <summary>
    /// When the row's certainty comes, while it is still in doubt; null for a row too old for Exotel's listing,
    /// which reconciliation can never settle.
    /// </summary>
    public DateTimeOffset? Until { get; }

    /// <summary>True while the row may or may not have been placed.</summary>
    public bool IsInDoubt => Ending == RowEnding.StillInDoubt;

    internal static Resolution Placed(string sid) => new(RowEnding.Found, new[] { sid }, until: null);

    internal static Resolution Several(IReadOnlyList<string> sids, DateTimeOffset until) => new(RowEnding.StillInDoubt, sids, until);

    internal static Resolution NotPlaced() => new(RowEnding.NotPlaced, Array.Empty<string>(), until: null);

    internal static Resolution InDoubt(DateTimeOffset? until) => new(RowEnding.StillInDoubt, Array.Empty<string>(), until);

    /// <inheritdoc/>
    public override string ToString() => Ending switch
    {
        RowEnding.Found => $"placed ({Sid})",
        _ when IsSeveral => $"several matches ({string.Join(", ", Sids)})",
        RowEnding.NotPlaced => "not placed",
        _ => Until is { } until ? $"in doubt until {until:u}" : "in doubt (too old for Exotel's listing)",
    };
}

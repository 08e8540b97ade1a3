namespace ExotelPS.Client;

/// <summary>What reconciliation found out about a row in doubt.</summary>
public enum ResolutionKind
{
    /// <summary>Exactly one listed call matches: the row was placed, <see cref="Resolution.Sid"/> is its call.</summary>
    Placed,

    /// <summary>Several listed calls match (or one call matches several rows in doubt): still in doubt, <see cref="Resolution.Sids"/> lists them.</summary>
    SeveralMatches,

    /// <summary>No call matches and every call the request could have created would be listed by now: nothing was placed.</summary>
    NotPlaced,

    /// <summary>No call matches yet, but certainty comes only at <see cref="Resolution.Until"/> (null: never, by the listing).</summary>
    InDoubt,
}

/// <summary>How one row in doubt stands after reconciliation.</summary>
public sealed class Resolution
{
    private Resolution(ResolutionKind kind, IReadOnlyList<string> sids, DateTimeOffset? until)
    {
        Kind = kind;
        Sids = sids;
        Until = until;
    }

    /// <summary>What was found.</summary>
    public ResolutionKind Kind { get; }

    /// <summary>The row's call, for <see cref="ResolutionKind.Placed"/>.</summary>
    public string? Sid => Kind == ResolutionKind.Placed ? Sids[0] : null;

    /// <summary>Every matching call (one for Placed, several for SeveralMatches, none otherwise).</summary>
    public IReadOnlyList<string> Sids { get; }

    /// <summary>
    /// When the row's certainty comes (for InDoubt and SeveralMatches); null for a row too old for Exotel's listing,
    /// which reconciliation can never settle.
    /// </summary>
    public DateTimeOffset? Until { get; }

    /// <summary>True while the row may or may not have been placed.</summary>
    public bool IsInDoubt => Kind is ResolutionKind.InDoubt or ResolutionKind.SeveralMatches;

    internal static Resolution Placed(string sid) => new(ResolutionKind.Placed, new[] { sid }, until: null);

    internal static Resolution Several(IReadOnlyList<string> sids, DateTimeOffset until) => new(ResolutionKind.SeveralMatches, sids, until);

    internal static Resolution NotPlaced() => new(ResolutionKind.NotPlaced, Array.Empty<string>(), until: null);

    internal static Resolution InDoubt(DateTimeOffset? until) => new(ResolutionKind.InDoubt, Array.Empty<string>(), until);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ResolutionKind.Placed => $"placed ({Sid})",
        ResolutionKind.SeveralMatches => $"several matches ({string.Join(", ", Sids)})",
        ResolutionKind.NotPlaced => "not placed",
        _ => Until is { } until ? $"in doubt until {until:u}" : "in doubt (too old for Exotel's listing)",
    };
}

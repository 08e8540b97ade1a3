namespace ExotelPS.Client.Http;

/// <summary>What a Sid may look like to be put in a path segment or a comma-separated filter as it is.</summary>
internal static class SidRule
{
    private static readonly char[] Forbidden = { '/', '?', '#', '\\', ',' };

    /// <summary>Why <paramref name="sid"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string? sid) =>
        string.IsNullOrWhiteSpace(sid) || sid!.IndexOfAny(Forbidden) >= 0 || sid.Any(char.IsWhiteSpace)
            ? "must be a non-empty Sid without '/', '?', '#', '\\', commas or spaces"
            : null;
}

using System.Text.RegularExpressions;

namespace ExotelPS.Client;

/// <summary>
/// Text ExotelPS did not write but repeats in its messages: what a server (or a proxy in between) answered, and the
/// values a user gave. Server text loses every credential it echoes; both are cut to a readable length.
/// </summary>
internal static class EchoedText
{
    /// <summary>Longest server text kept in a message.</summary>
    public const int MaxServerText = 500;

    /// <summary>Longest input value kept in a message.</summary>
    public const int MaxValue = 100;

    private const string Redacted = "[redacted]";

    // An Authorization (or Proxy-Authorization) header value, with or without its scheme, as a server may echo it.
    private static readonly Regex AuthorizationValue = new(
        @"(authorization""?\s*[:=]\s*""?)(?:(?:basic|bearer|digest|negotiate|ntlm)\s+)?[^\s;,""'<>]+",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Basic credentials anywhere else.
    private static readonly Regex BasicCredentials = new(
        @"\bbasic\s+[A-Za-z0-9+/_-]{8,}={0,2}",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Server text without the account's token, key:token pair, Basic credentials or any Authorization value; cut short.</summary>
    public static string? FromServer(string? text, ExotelAccount account)
    {
        if (text is null)
        {
            return null;
        }

        var redacted = WithoutCredentials(text, account);
        redacted = AuthorizationValue.Replace(redacted, "$1" + Redacted);
        redacted = BasicCredentials.Replace(redacted, "Basic " + Redacted);
        return Cut(redacted, MaxServerText);
    }

    /// <summary>
    /// A whole answer without the account's token, key:token pair or Basic credentials, before any field of it is read:
    /// a server that echoes them into a field (or into a value the readers quote in a warning) leaks them nowhere.
    /// </summary>
    public static string WithoutCredentials(string body, ExotelAccount account) => account.Redact(body, Redacted);

    /// <summary>The text, or its start and its length when longer than <paramref name="maxLength"/>.</summary>
    public static string Cut(string text, int maxLength) =>
        text.Length <= maxLength ? text : $"{text.Substring(0, maxLength)}... ({text.Length} characters)";
}

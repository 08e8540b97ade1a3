using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// A journal's Azure Blob Storage URL, <c>https://account.blob.core.windows.net/container/name.journal?sv=...</c>:
/// where its blobs are, and its SAS, a secret that no message names (<see cref="Name"/> is the URL without it).
/// Plain http is allowed only to loopback addresses (an emulator such as Azurite), as for an account's BaseUri.
/// </summary>
internal sealed class BlobJournalAddress
{
    private readonly string blobUrl;
    private readonly string sas;

    private BlobJournalAddress(string blobUrl, string sas)
    {
        this.blobUrl = blobUrl;
        this.sas = sas;
    }

    /// <summary>The head blob's URL without the SAS: what messages call the journal.</summary>
    public string Name => blobUrl;

    /// <summary>When the SAS expires (its <c>se</c>, which is no secret); null when it does not say.</summary>
    public DateTimeOffset? ExpiresAt =>
        sas.Split('&').FirstOrDefault(part => part.StartsWith("se=", StringComparison.Ordinal)) is { } se
        && DateTimeOffset.TryParse(Uri.UnescapeDataString(se.Substring("se=".Length)), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expiry)
            ? expiry
            : null;

    /// <summary>Whether <paramref name="path"/> is meant as a URL rather than a file.</summary>
    public static bool IsBlobUrl(string path) =>
        path.StartsWith(Uri.UriSchemeHttps + "://", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(Uri.UriSchemeHttp + "://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">Not https (nor http to loopback), no container and blob name, or no SAS.</exception>
    public static BlobJournalAddress Parse(string url)
    {
        var queryAt = url.IndexOf('?');
        var withoutSas = queryAt < 0 ? url : url.Substring(0, queryAt);
        var sas = queryAt < 0 ? string.Empty : url.Substring(queryAt + 1);
        if (!Uri.TryCreate(withoutSas, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Invalid(withoutSas, EngineStrings.JournalUrlNotBlob);
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && ExotelAccount.IsLoopback(uri)))
        {
            throw Invalid(withoutSas, EngineStrings.JournalUrlNotHttps);
        }

        // An account's host (account.blob...) names the account; an emulator's URL names it first (/devstoreaccount1/...).
        var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Length;
        if (segments < (ExotelAccount.IsLoopback(uri) ? 3 : 2) || uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal))
        {
            throw Invalid(withoutSas, EngineStrings.JournalUrlNotBlob);
        }

        if (!sas.Split('&').Any(part => part.StartsWith("sig=", StringComparison.Ordinal) && part.Length > "sig=".Length))
        {
            throw Invalid(withoutSas, EngineStrings.JournalUrlWithoutSas);
        }

        return new BlobJournalAddress(withoutSas, sas);
    }

    /// <summary>
    /// Blob <paramref name="segment"/> of the journal, with the SAS and <paramref name="query"/>: the head blob is 0;
    /// a journal that outgrows one append blob's 50,000 blocks goes on in <c>name.1</c>, <c>name.2</c>, ...
    /// </summary>
    public Uri Segment(int segment, string? query = null) =>
        new((segment == 0 ? blobUrl : blobUrl + "." + segment) + "?" + (query is null ? sas : query + "&" + sas));

    /// <summary>The name of blob <paramref name="segment"/> without the SAS, for messages.</summary>
    public string SegmentName(int segment) => segment == 0 ? blobUrl : blobUrl + "." + segment;

    /// <summary>Whether <paramref name="text"/> holds the SAS or its signature (for tests and a last check on messages).</summary>
    public bool Reveals(string? text) =>
        text is not null && (text.IndexOf(sas, StringComparison.Ordinal) >= 0 || text.IndexOf(Signature, StringComparison.Ordinal) >= 0);

    /// <summary>Text from elsewhere (an exception's message) with the SAS taken out.</summary>
    public string Redact(string text) => text.Replace(sas, "<SAS>").Replace(Signature, "<SAS>");

    private string Signature =>
        sas.Split('&').First(part => part.StartsWith("sig=", StringComparison.Ordinal) && part.Length > "sig=".Length).Substring("sig=".Length);

    private static ArgumentException Invalid(string url, string reason) =>
        new(EngineText.Format(EngineStrings.JournalUrlInvalid, url, reason), "JournalPath");
}

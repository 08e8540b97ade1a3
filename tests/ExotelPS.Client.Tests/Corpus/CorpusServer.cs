using System.Net;
using System.Text;

namespace ExotelPS.Client.Tests.Corpus;

/// <summary>
/// Answers every request with bodies from the corpus (tests/Corpus), so a test reads them through the client
/// exactly as a cmdlet does: transport, status handling and readers.
/// </summary>
internal sealed class CorpusServer : HttpMessageHandler
{
    private readonly List<(string PathEnd, int Status, string Body)> routes = new();

    /// <summary>A body of the corpus, by its path under tests/Corpus (<c>v1-details/recorded-busy.json</c>).</summary>
    public static string Body(string file)
    {
        var assembly = typeof(CorpusServer).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(resource => resource.Replace('\\', '/') == "Corpus/" + file)
            ?? throw new FileNotFoundException("No corpus body " + file);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    /// <summary>Answers requests whose path ends with <paramref name="pathEnd"/> (empty: any) with a corpus body.</summary>
    public CorpusServer Answer(string file, int status = 200, string pathEnd = "") => AnswerWith(Body(file), status, pathEnd);

    /// <summary>Answers with <paramref name="body"/>: for the reading rules' own cases, which are not bodies Exotel sent.</summary>
    public CorpusServer AnswerWith(string body, int status = 200, string pathEnd = "")
    {
        routes.Add((pathEnd, status, body));
        return this;
    }

    /// <summary>A client of a fresh account on this server; it does not retry, so each body is read once.</summary>
    public ExotelClient Client() =>
        new(
            new ExotelAccount("corpus" + Guid.NewGuid().ToString("N").Substring(0, 8), "corpus-key", "corpus-token", new Uri("http://127.0.0.1:9/")),
            new HttpClient(this),
            new ExotelClientOptions { MaxRetries = 0 });

    /// <summary>A time in Exotel's zone, +05:30.</summary>
    public static DateTimeOffset Ist(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromMinutes(330));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var route = routes.First(candidate => path.EndsWith(candidate.PathEnd, StringComparison.Ordinal));
        var mediaType = route.Body.TrimStart().StartsWith("<", StringComparison.Ordinal) ? "application/xml" : "application/json";
        return Task.FromResult(new HttpResponseMessage((HttpStatusCode)route.Status) { Content = new StringContent(route.Body, Encoding.UTF8, mediaType) });
    }
}

namespace ExotelPS.Client.Tests.Parsing;

/// <summary>Exotel's documented response bodies, embedded from the Samples folder.</summary>
internal static class Samples
{
    public static string Read(string fileName)
    {
        using var stream = typeof(Samples).Assembly.GetManifestResourceStream("Samples/" + fileName)
            ?? throw new FileNotFoundException("No embedded sample " + fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A time in Exotel's zone, +05:30.</summary>
    public static DateTimeOffset Ist(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromMinutes(330));
}

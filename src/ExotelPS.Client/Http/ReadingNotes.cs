using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Http;

/// <summary>
/// What one read of a body could not use: each field left empty (with its value and what it should have been) and
/// each shape the readers do not know. The results carry them as <c>ReadWarnings</c>, which the cmdlets write as
/// warnings; the corpus tests require none, so an unknown shape fails a test instead of reading as a silent blank.
/// </summary>
internal sealed class ReadingNotes
{
    private const int MaxQuotedLength = 40;
    private readonly List<string> notes = new();

    /// <summary>How many notes so far: a mark for <see cref="Since"/>.</summary>
    public int Count => notes.Count;

    /// <summary>A field is there but holds something else than expected; the result leaves it empty.</summary>
    public void Unreadable(string path, string found, string expected) =>
        notes.Add(EngineText.Format(EngineStrings.NoteUnreadable, path, expected, Quote(found)));

    /// <summary>A part of the body is in a shape the readers do not know, so nothing was read from it.</summary>
    public void UnknownShape(string path, string what) =>
        notes.Add(EngineText.Format(EngineStrings.NoteUnknownShape, path, what));

    /// <summary>The notes added since <paramref name="mark"/>, one text; null when there are none.</summary>
    public string? Since(int mark) => notes.Count > mark ? Joined(notes.Skip(mark)) : null;

    /// <summary>The warnings of two reads of one result (v3 details and legs), one text; null when neither has any.</summary>
    public static string? Join(string? first, string? second) =>
        first is null || second is null ? first ?? second : Joined(new[] { first, second });

    private static string Joined(IEnumerable<string> parts) => string.Join("; ", parts);

    private static string Quote(string found) => found.Length > MaxQuotedLength ? found.Substring(0, MaxQuotedLength) + "..." : found;
}

using System.Text.Encodings.Web;
using System.Text.Json;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// A JSON-lines journal (a file, or Azure append blobs: <see cref="IJournalStore"/>) recording each row's outcome (placed with its Sid, rejected with the reason, outcome unknown),
/// appended and made durable before the row's result is handed on, so a restarted run skips what was already done.
/// A torn last line, as a killed process leaves it, is removed with a warning; a damaged line anywhere else stops
/// the open (it may be the record of a call), naming the line.
/// </summary>
/// <remarks>
/// Just before a call is sent a <c>sending</c> line is written too: if the process dies before the answer is
/// recorded, the next run sees the row as outcome unknown instead of ringing the person again.
/// Rows are keyed by identity (<see cref="IdentityOf"/> or a caller's own key); the latest line of a key wins, except
/// that nothing overrides <c>placed</c> (or <c>found</c>, a call reconciliation found). Each line says how its row was identified (<c>by</c>): a journal is not
/// opened to identify rows another way unless asked, as none of its rows would be recognised. One run writes a journal at a time: its store holds the file locked
/// (<see cref="FileJournalStore"/>) or the blob's lease (<see cref="BlobJournalStore"/>) while open, so a second run fails at once.
/// </remarks>
public sealed class CallJournal : IDisposable
{
    private const int MaxReasonLength = 300;

    // Relaxed escaping keeps '+' in phone numbers readable; the file is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly object writeLock = new();
    private readonly IJournalStore store;
    private readonly JournalMemory memory = new();
    private readonly List<string> warnings = new();
    private readonly MemoryStream line = new();
    private readonly Utf8JsonWriter writer;
    private bool disposed;

    private readonly string identifiedBy;
    private readonly TimeProvider time;

    private CallJournal(IJournalStore store, string identifiedBy, TimeProvider time)
    {
        Path = store.Name;
        this.store = store;
        this.identifiedBy = identifiedBy;
        this.time = time;
        writer = new Utf8JsonWriter(line, WriterOptions);
    }

    /// <summary>The journal file's full path, or its blob's URL without the SAS.</summary>
    public string Path { get; }

    /// <summary>What was odd in the file when it was opened (a torn last line), for the user to see.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>How rows are identified when the caller gives no identity of its own: <see cref="IdentityOf"/>.</summary>
    public const string DefaultIdentity = "default";

    /// <summary>Opens (creating if needed) a journal and reads what earlier runs recorded.</summary>
    /// <param name="path">The journal file (its folder must exist), or an append blob's URL with a SAS
    /// (<c>https://account.blob.core.windows.net/container/name.journal?sv=...</c>; http only to loopback).</param>
    /// <param name="identifiedBy">How this run identifies rows: <see cref="DefaultIdentity"/>, or a name for the caller's own keys
    /// (the cmdlets write <c>property:OrderId</c> for <c>-IdempotencyKey OrderId</c>); compared ignoring case.</param>
    /// <param name="allowIdentityChange">Open a journal whose rows were identified otherwise, and identify them the new way from now on.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="JournalIdentityException">The journal identifies rows otherwise and <paramref name="allowIdentityChange"/> is false.</exception>
    /// <exception cref="InvalidDataException">A line before the last is damaged; the message names it.</exception>
    /// <exception cref="IOException">The file or blob cannot be opened, e.g. another run has it open, or storage refused the SAS.</exception>
    /// <exception cref="ArgumentException">A URL that is not https (nor http to loopback), names no blob, or carries no SAS.</exception>
    public static CallJournal Open(string path, string identifiedBy = DefaultIdentity, bool allowIdentityChange = false) =>
        Open(path, TimeProvider.System, identifiedBy, allowIdentityChange);

    /// <summary>
    /// Opens a journal whose lines are stamped with <paramref name="client"/>'s time, so a sped-up sandbox's journal
    /// agrees with its calls. For callers that must not name <see cref="TimeProvider"/> (the cmdlets, compiled against
    /// netstandard2.0, would bind to Microsoft.Bcl.TimeProvider's copy while PowerShell 7 runs .NET's own).
    /// </summary>
    /// <inheritdoc cref="Open(string, string, bool)"/>
    public static CallJournal Open(string path, ExotelClient client, string identifiedBy = DefaultIdentity, bool allowIdentityChange = false) =>
        Open(path, (client ?? throw new ArgumentNullException(nameof(client))).TimeProvider, identifiedBy, allowIdentityChange);

    /// <summary>Opens a journal whose lines are stamped with <paramref name="time"/>: the session's, when it is not real time (a sandbox's, say).</summary>
    /// <inheritdoc cref="Open(string, string, bool)"/>
    public static CallJournal Open(string path, TimeProvider time, string identifiedBy = DefaultIdentity, bool allowIdentityChange = false)
    {
        _ = time ?? throw new ArgumentNullException(nameof(time));
        if (string.IsNullOrWhiteSpace(identifiedBy))
        {
            throw new ArgumentException("How rows are identified is required.", nameof(identifiedBy));
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A journal path is required.", nameof(path));
        }

        IJournalStore store = BlobJournalAddress.IsBlobUrl(path) ? BlobJournalStore.Open(BlobJournalAddress.Parse(path)) : FileJournalStore.Open(path);
        return Open(store, time, identifiedBy, allowIdentityChange);
    }

    /// <summary>Opens a journal on a store already opened (tests give a blob store their own options); disposes the store if the journal cannot open.</summary>
    internal static CallJournal Open(IJournalStore store, TimeProvider time, string identifiedBy = DefaultIdentity, bool allowIdentityChange = false)
    {
        var journal = new CallJournal(store, identifiedBy, time);
        try
        {
            var recordedBy = JournalLines.Load(store, journal.memory, journal.warnings);
            if (recordedBy is not null && !allowIdentityChange && !string.Equals(recordedBy, identifiedBy, StringComparison.OrdinalIgnoreCase))
            {
                throw new JournalIdentityException(journal.Path, recordedBy, identifiedBy);
            }

            return journal;
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="path"/> is a blob URL (http or https) rather than a file path.</summary>
    public static bool IsBlobUrl(string path) => BlobJournalAddress.IsBlobUrl(path ?? throw new ArgumentNullException(nameof(path)));

    /// <summary>What to call the journal at <paramref name="path"/> in messages and error targets: a blob URL without its SAS, else the path.</summary>
    public static string NameOf(string path) =>
        IsBlobUrl(path) && path.IndexOf('?') is var query and >= 0 ? path.Substring(0, query) : path;

    /// <summary>The default identity of a request: From, target (To or flow), CallerId and CustomField.</summary>
    /// <remarks>Phone numbers are compared as numbers: <c>+91 99001 23456</c>, <c>09900123456</c> and <c>9900123456</c> are one.</remarks>
    public static string IdentityOf(PlaceCallOptions request)
    {
        _ = request ?? throw new ArgumentNullException(nameof(request));
        return string.Join(
            "|", PhoneNumber.Canonical(request.From), PhoneNumber.Canonical(request.Target), PhoneNumber.Canonical(request.CallerId), request.CustomField ?? string.Empty);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (writeLock)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            writer.Dispose();
            store.Dispose();
        }
    }

    /// <inheritdoc cref="JournalMemory.Find"/>
    internal JournalEntry? Find(string identity) => memory.Find(identity);

    /// <inheritdoc cref="JournalMemory.AttemptsOf"/>
    internal IReadOnlyList<JournalAttempt> AttemptsOf(string identity) => memory.AttemptsOf(identity);

    /// <inheritdoc cref="JournalMemory.Identities"/>
    internal IReadOnlyList<string> Identities() => memory.Identities();

    /// <inheritdoc cref="JournalMemory.EarlierPlacedCalls"/>
    internal IEnumerable<(string From, string Sid, DateTimeOffset At)> EarlierPlacedCalls() => memory.EarlierPlacedCalls();

    /// <inheritdoc cref="JournalMemory.InDoubt"/>
    internal IReadOnlyList<KeyValuePair<string, JournalEntry>> InDoubt() => memory.InDoubt();

    /// <inheritdoc cref="JournalMemory.KnownSids"/>
    internal ISet<string> KnownSids() => memory.KnownSids();

    /// <summary>
    /// Appends the row's <c>sending</c> line, completing once it is durable. It also records the request's
    /// TimeOut and TimeLimit: they bound when reconciliation can be certain.
    /// </summary>
    internal Task RecordSendingAsync(string identity, PlaceCallOptions? request) =>
        AppendAsync(
            identity,
            RowEndings.SendingLine,
            () =>
            {
                WriteRequest(request);
                JournalFields.WriteIfPresent(writer, "timeOut", request?.TimeOut);
                JournalFields.WriteIfPresent(writer, "timeLimit", request?.TimeLimit);
            },
            at => JournalEntry.Sending(at, fromEarlierRun: false, request is null ? null : CallInDoubt.Of(request, at)));

    /// <summary>Appends how a row ended (the line <see cref="RowEndings"/> names for it), completing once it is durable.</summary>
    internal Task RecordAsync(string identity, RowEnding ending, PlaceCallOptions? request, string? sid, string? reason) =>
        AppendAsync(
            identity,
            LineOf(ending),
            () =>
            {
                JournalFields.WriteIfPresent(writer, "sid", sid);
                JournalFields.WriteIfPresent(writer, "reason", reason is { Length: > MaxReasonLength } ? reason.Substring(0, MaxReasonLength) + "..." : reason);
                WriteRequest(request);
            },
            at => new JournalEntry(ending, sid, at, fromEarlierRun: false));

    /// <summary>Appends a <c>final</c> line, one finished call of the row, completing once it is durable.</summary>
    internal Task RecordFinalAsync(string identity, JournalAttempt attempt) =>
        AppendAsync(identity, JournalAttempt.LineName, () => attempt.WriteFields(writer), _ => memory.Remember(identity, attempt));

    /// <summary>
    /// Appends what reconciliation found for a row in doubt: <c>found</c> (sid), <c>notplaced</c>, or <c>indoubt</c>
    /// (until, sids), with the row's request when the caller has it (for a person reading the file).
    /// </summary>
    internal Task RecordAsync(string identity, Resolution resolution, PlaceCallOptions? request = null) =>
        AppendAsync(
            identity,
            LineOf(resolution.Ending),
            () =>
            {
                JournalFields.WriteIfPresent(writer, "sid", resolution.Sid);
                if (resolution.Until is { } until)
                {
                    writer.WriteString("until", until.UtcDateTime);
                }

                if (resolution.IsSeveral)
                {
                    writer.WriteStartArray("sids");
                    foreach (var sid in resolution.Sids)
                    {
                        writer.WriteStringValue(sid);
                    }

                    writer.WriteEndArray();
                }

                WriteRequest(request);
            },
            at => new JournalEntry(resolution.Ending, resolution.Sid, at, fromEarlierRun: false) { Until = resolution.Until, Sids = resolution.Sids });

    private static string LineOf(RowEnding ending) =>
        RowEndings.RecordedLineOf(ending) ?? throw new ArgumentException($"A row that ended {ending} is not journaled.", nameof(ending));

    private Task AppendAsync(string identity, string lineName, Action writeFields, Func<DateTimeOffset, JournalEntry> entryAt) =>
        AppendAsync(identity, lineName, writeFields, at => memory.Remember(identity, entryAt(at)));

    private async Task AppendAsync(string identity, string lineName, Action writeFields, Action<DateTimeOffset> remember)
    {
        DateTimeOffset at;
        byte[] bytes;
        lock (writeLock)
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(CallJournal), EngineText.Format(EngineStrings.JournalClosed, Path));
            }

            at = time.GetUtcNow();
            line.SetLength(0);
            writer.Reset(line);
            writer.WriteStartObject();
            writer.WriteString("at", at.UtcDateTime);
            writer.WriteString("key", identity);
            writer.WriteString("by", identifiedBy);
            writer.WriteString("outcome", lineName);
            writeFields();
            writer.WriteEndObject();
            writer.Flush();
            line.WriteByte((byte)'\n');
            bytes = line.ToArray();
        }

        // Outside the lock: a blob store groups the lines of rows that reach it together into one append.
        await store.AppendAsync(bytes).ConfigureAwait(false);
        remember(at);
    }

    private void WriteRequest(PlaceCallOptions? request)
    {
        JournalFields.WriteIfPresent(writer, "from", request?.From);
        JournalFields.WriteIfPresent(writer, "target", request?.Target);
        JournalFields.WriteIfPresent(writer, "callerId", request?.CallerId);
        JournalFields.WriteIfPresent(writer, "customField", request?.CustomField);
    }
}

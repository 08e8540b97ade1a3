namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>
/// A campaign's report from its journal. Each identity, in the order it first appears, is one row at that position;
/// its <c>final</c> lines are its calls, decided by the campaign's <see cref="CampaignRules"/> as a run decides them.
/// A row the journal records as refused (invalid input) is refused. A row placed by a run that wrote no <c>final</c>
/// lines has no finished call yet, so it is pending. The journal is read without the writer's lock and never written.
/// </summary>
public static class JournalReport
{
    /// <summary>Reads the journal at <paramref name="path"/> (a file, or an append blob's URL with a SAS) and computes its report, deciding pending rows at <paramref name="now"/>.</summary>
    /// <exception cref="FileNotFoundException">No journal there.</exception>
    /// <exception cref="JournalLockedException">On Windows, the run writing it holds it.</exception>
    /// <exception cref="InvalidDataException">A line before the last is damaged; the message names it.</exception>
    /// <exception cref="IOException">A blob journal's SAS is expired or refused, the blob is missing, or storage did not answer.</exception>
    public static CampaignReport Read(string path, CampaignRules rules, DateTimeOffset now)
    {
        _ = rules ?? throw new ArgumentNullException(nameof(rules));
        var memory = new JournalMemory();

        // A torn last line is a line still being written (or a killed run's): the report leaves it out, and the journal alone.
        using (var content = ContentOf(path))
        {
            JournalLines.Read(content, CallJournal.NameOf(path), memory);
        }

        return CampaignReport.Create(Rows(memory, rules, now), rules.Hours.Zone);
    }

    /// <summary>Every byte of the journal: a file read in place without the writer's lock, or the blobs read without the run's lease.</summary>
    private static Stream ContentOf(string path) =>
        BlobJournalAddress.IsBlobUrl(path)
            ? new MemoryStream(BlobJournalStore.ReadWithoutLease(BlobJournalAddress.Parse(path)), writable: false)
            : JournalReadStream.Open(System.IO.Path.GetFullPath(path));

    /// <summary>The journal's rows as the report reads them, decided at <paramref name="now"/> without a deadline.</summary>
    internal static IEnumerable<ReportedRow> Rows(JournalMemory memory, CampaignRules rules, DateTimeOffset now)
    {
        var budget = RunBudget.Start(null, new FixedTime(now));
        return memory.Identities().Select((identity, index) => IsRefused(memory.Find(identity))
            ? ReportedRow.Refused(index + 1, identity)
            : ReportedRow.Decide(index + 1, identity, memory.AttemptsOf(identity).Select(CallOf).ToList(), rules, budget));
    }

    // A row refused as invalid input is journaled with the Invalid ending (its 'refused' line).
    private static bool IsRefused(JournalEntry? entry) => entry?.Ending == RowEnding.Invalid;

    // Talk time is ConversationDuration on a connect call; on a call to a flow only the customer is on the line.
    // Exotel gives ConversationDuration only in a call's details, which a campaign reads only for a call that ended
    // without a conversation: an answered call's Duration (ringing included) stands in for it then.
    private static ReportedCall CallOf(JournalAttempt attempt) =>
        new(attempt.ToCallAttempt(), attempt.From, Seconds(attempt.Duration), Seconds(attempt.IsFlowCall ? attempt.Duration : attempt.Talk ?? attempt.Duration));

    private static TimeSpan? Seconds(int? seconds) => seconds is { } value ? TimeSpan.FromSeconds(value) : null;

    // The report's now, fixed for the whole report so every row is decided at the same instant.
    private sealed class FixedTime : TimeProvider
    {
        private readonly DateTimeOffset now;

        public FixedTime(DateTimeOffset now) => this.now = now;

        public override DateTimeOffset GetUtcNow() => now;
    }
}

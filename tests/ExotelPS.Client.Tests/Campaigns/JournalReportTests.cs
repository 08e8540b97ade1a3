using ExotelPS.Client.Campaigns;
using ExotelPS.Client.Campaigns.Reporting;

namespace ExotelPS.Client.Tests.Campaigns;

/// <summary>The report read from a journal file: rows in first-appearance order, their final lines as calls, read without the writer's lock.</summary>
public sealed class JournalReportTests : IDisposable
{
    private static readonly DateTimeOffset Noon = ReportScenario.At(12, 0);

    private static readonly CampaignRules ThreeAttempts = new(RedialPolicy.Create(3, null, null), CallingHours.Create(null, "Asia/Kolkata"));

    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-report-").FullName;

    private string JournalPath => Path.Combine(folder, "campaign.journal");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Each_identity_is_a_row_at_its_first_appearance_with_its_final_lines_as_calls()
    {
        using (var journal = CallJournal.Open(JournalPath))
        {
            await journal.RecordFinalAsync("row-b", Attempt("sid-1", "09800000001", Noon, "busy", "completed", "busy", 20, 0));
            await journal.RecordFinalAsync("row-a", Attempt("sid-2", "09800000002", Noon.AddMinutes(1), "completed", "completed", "completed", 95, 80));
            await journal.RecordFinalAsync("row-b", Attempt("sid-3", "09800000002", Noon.AddMinutes(40), "completed", "completed", "completed", 70, 50));
        }

        var report = JournalReport.Read(JournalPath, ThreeAttempts, Noon.AddHours(1));

        Assert.Equal(2, report.Summary.Rows);
        Assert.Equal(2, report.Summary.Reached);
        Assert.Equal(3, report.Summary.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(130), report.Summary.TalkTime);
        Assert.Equal(new[] { ("09800000002", 2), ("09800000001", 1) }, report.Agents.Select(agent => (agent.Agent, agent.Calls)));
    }

    [Fact]
    public async Task A_flow_call_talks_for_its_whole_duration_and_a_placed_row_without_final_lines_is_pending()
    {
        using (var journal = CallJournal.Open(JournalPath))
        {
            await journal.RecordFinalAsync("flow", new JournalAttempt("sid-1", "09900000001", Noon, Noon.AddSeconds(60), "completed", isFlowCall: true) { Duration = 60 });
            await journal.RecordAsync("old", RowEnding.Placed, request: null, sid: "sid-2", reason: null);
        }

        var report = JournalReport.Read(JournalPath, ThreeAttempts, Noon.AddHours(1));

        Assert.Equal((1, 1), (report.Summary.Reached, report.Summary.Pending));
        Assert.Equal(TimeSpan.FromSeconds(60), report.Summary.TalkTime);
        Assert.Equal(Noon.AddHours(1), report.Summary.NextAttemptAt);
        Assert.Equal("old", Assert.Single(report.NextAttempts).Key);
    }

    [Fact]
    public async Task An_answered_connect_call_without_its_conversation_time_talks_for_its_duration()
    {
        // A campaign reads a call's details (hence ConversationDuration) only when it ended without a conversation.
        using (var journal = CallJournal.Open(JournalPath))
        {
            await journal.RecordFinalAsync("row-a", Attempt("sid-1", "09800000001", Noon, "completed", null, null, 45, null));
        }

        var report = JournalReport.Read(JournalPath, ThreeAttempts, Noon.AddHours(1));

        Assert.Equal(TimeSpan.FromSeconds(45), report.Summary.TalkTime);
    }

    [Fact]
    public void A_row_the_journal_records_as_refused_counts_as_refused()
    {
        var memory = new JournalMemory();
        memory.Remember("bad", new JournalEntry(RowEnding.Invalid, sid: null, Noon, fromEarlierRun: true));
        memory.Remember("good", Attempt("sid-1", "09800000001", Noon, "completed", "completed", "completed", 30, 20));

        var rows = JournalReport.Rows(memory, ThreeAttempts, Noon).ToList();

        Assert.Null(rows[0].Decision);
        Assert.Equal(("bad", 1), (rows[0].Key, rows[0].Position));
        Assert.Equal(RowState.Reached, rows[1].Decision?.State);
    }

    [Fact]
    public async Task A_journal_another_run_holds_is_read_and_left_as_it_was_torn_line_included()
    {
        using (var journal = CallJournal.Open(JournalPath))
        {
            await journal.RecordFinalAsync("row-a", Attempt("sid-1", "09800000001", Noon, "completed", "completed", "completed", 30, 20));
        }

        File.AppendAllText(JournalPath, "{\"at\":\"2024-05-01T06:40:00Z\",\"key\":\"row-b\",\"outc");
        var before = File.ReadAllBytes(JournalPath);
        CampaignReport? report = null;

        // Held as a run holds it: .NET's own readers are refused meanwhile.
        using (new FileStream(JournalPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.Throws<IOException>(() => File.ReadAllBytes(JournalPath));
            if (OperatingSystem.IsWindows())
            {
                Assert.Throws<JournalLockedException>(() => JournalReport.Read(JournalPath, ThreeAttempts, Noon));
                return;
            }

            report = JournalReport.Read(JournalPath, ThreeAttempts, Noon.AddHours(1));
        }

        Assert.Equal((1, 1), (report.Summary.Rows, report.Summary.Reached));
        Assert.Equal(before, File.ReadAllBytes(JournalPath));
    }

    [Fact]
    public void A_missing_journal_is_not_found_and_not_created()
    {
        Assert.Throws<FileNotFoundException>(() => JournalReport.Read(JournalPath, ThreeAttempts, Noon));
        Assert.False(File.Exists(JournalPath));
    }

    [Fact]
    public void A_folder_is_no_journal()
    {
        var error = Record.Exception(() => JournalReport.Read(folder, ThreeAttempts, Noon));

        Assert.True(error is IOException or UnauthorizedAccessException, $"{error?.GetType()}: {error?.Message}");
    }

    private static JournalAttempt Attempt(string sid, string from, DateTimeOffset start, string status, string? leg1, string? leg2, int duration, int? talk) =>
        new(sid, from, start, start.AddSeconds(duration), status, isFlowCall: false) { Leg1 = leg1, Leg2 = leg2, Duration = duration, Talk = talk };
}

using System.Text.Json;
using ExotelPS.Client.Campaigns;

namespace ExotelPS.Client.Tests.Engine;

/// <summary>The journal's <c>final</c> lines: one per finished call, read back in order, classified by the campaign rules.</summary>
public sealed class JournalAttemptTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 6, 30, 0, TimeSpan.Zero);

    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-attempts-").FullName;

    private string JournalPath => Path.Combine(folder, "calls.jsonl");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Final_lines_read_back_oldest_first_with_every_field()
    {
        using (var journal = CallJournal.Open(JournalPath))
        {
            await journal.RecordFinalAsync("row-a", Attempt("sid-1", "no-answer", Noon, "completed", "no-answer", 31, 0));
            await journal.RecordFinalAsync("row-a", Attempt("sid-2", "completed", Noon.AddMinutes(40), "completed", "completed", 95, 80));
        }

        using var reopened = CallJournal.Open(JournalPath);
        var attempts = reopened.AttemptsOf("row-a");
        Assert.Equal(new[] { "sid-1", "sid-2" }, attempts.Select(a => a.Sid));
        var first = attempts[0];
        Assert.Equal(("09800000001", Noon, Noon.AddSeconds(31), "no-answer", "completed", "no-answer", 31, 0, false),
            (first.From, first.Start, first.End, first.Status, first.Leg1, first.Leg2, first.Duration, first.Talk, first.IsFlowCall));
        Assert.Equal((95, 80), (attempts[1].Duration!.Value, attempts[1].Talk!.Value));
        Assert.Empty(reopened.AttemptsOf("row-b"));
    }

    [Fact]
    public async Task A_final_line_leaves_the_rows_latest_record_as_it_was()
    {
        using (var journal = CallJournal.Open(JournalPath))
        {
            await journal.RecordAsync("row-a", RowEnding.Placed, request: null, sid: "sid-1", reason: null);
            await journal.RecordFinalAsync("row-a", Attempt("sid-1", "busy", Noon));
            Assert.True(journal.Find("row-a")!.IsPlaced);
        }

        using var reopened = CallJournal.Open(JournalPath);
        Assert.Equal((RowEnding.Placed, "sid-1"), (reopened.Find("row-a")!.Ending, reopened.Find("row-a")!.Sid));
        Assert.Single(reopened.AttemptsOf("row-a"));
    }

    [Fact]
    public async Task Identities_come_in_the_order_they_first_appear()
    {
        using (var journal = CallJournal.Open(JournalPath))
        {
            await journal.RecordSendingAsync("row-c", request: null);
            await journal.RecordFinalAsync("row-a", Attempt("sid-1", "busy", Noon));
            await journal.RecordAsync("row-b", RowEnding.Placed, request: null, sid: "sid-2", reason: null);
            await journal.RecordAsync("row-c", RowEnding.Placed, request: null, sid: "sid-3", reason: null);
            Assert.Equal(new[] { "row-c", "row-a", "row-b" }, journal.Identities());
        }

        using var reopened = CallJournal.Open(JournalPath);
        Assert.Equal(new[] { "row-c", "row-a", "row-b" }, reopened.Identities());
    }

    [Fact]
    public void A_final_line_without_its_status_is_a_damaged_line()
    {
        File.WriteAllText(JournalPath,
            "{\"at\":\"2026-12-07T06:30:00Z\",\"key\":\"row-a\",\"by\":\"default\",\"outcome\":\"final\",\"sid\":\"sid-1\",\"start\":\"2026-12-07T06:30:00Z\",\"end\":\"2026-12-07T06:31:00Z\"}\n" +
            "{\"at\":\"2026-12-07T06:32:00Z\",\"key\":\"row-b\",\"by\":\"default\",\"outcome\":\"placed\",\"sid\":\"sid-2\"}\n");

        var error = Assert.Throws<InvalidDataException>(() => CallJournal.Open(JournalPath));
        Assert.StartsWith("Line 1 of the journal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_written_before_final_lines_reads_with_no_attempts()
    {
        File.WriteAllText(JournalPath,
            "{\"at\":\"2026-12-07T06:30:00Z\",\"key\":\"row-a\",\"by\":\"default\",\"outcome\":\"sending\",\"from\":\"09800000001\",\"target\":\"09900000001\",\"callerId\":\"08000000000\"}\n" +
            "{\"at\":\"2026-12-07T06:30:01Z\",\"key\":\"row-a\",\"by\":\"default\",\"outcome\":\"placed\",\"sid\":\"sid-1\",\"from\":\"09800000001\"}\n");

        using var journal = CallJournal.Open(JournalPath);
        Assert.True(journal.Find("row-a")!.IsPlaced);
        Assert.Empty(journal.AttemptsOf("row-a"));
        Assert.Equal(new[] { "row-a" }, journal.Identities());
    }

    [Fact]
    public async Task The_line_names_the_kind_of_call_and_leaves_out_what_is_not_known()
    {
        using (var journal = CallJournal.Open(JournalPath))
        {
            await journal.RecordFinalAsync("row-a", new JournalAttempt("sid-1", "09800000001", Noon, Noon.AddSeconds(20), "busy", isFlowCall: true));
        }

        var line = JsonDocument.Parse(File.ReadAllLines(JournalPath).Single()).RootElement;
        Assert.Equal(("final", "flow", "busy"), (line.GetProperty("outcome").GetString(), line.GetProperty("call").GetString(), line.GetProperty("status").GetString()));
        Assert.False(line.TryGetProperty("leg1", out _));
        Assert.False(line.TryGetProperty("duration", out _));
    }

    [Theory]
    [InlineData("no-answer", "completed", "no-answer", false, AttemptOutcome.CustomerMissed, "no-answer")]
    [InlineData("no-answer", "no-answer", null, false, AttemptOutcome.AgentMissed, "no-answer")]
    [InlineData("no-answer", null, null, false, AttemptOutcome.CustomerMissed, "no-answer")]
    [InlineData("completed", "completed", "completed", false, AttemptOutcome.CustomerAnswered, "completed")]
    [InlineData("busy", null, null, true, AttemptOutcome.CustomerMissed, "busy")]
    public void An_attempt_is_classified_from_the_raw_values_it_recorded(string status, string? leg1, string? leg2, bool flow, AttemptOutcome outcome, string redialStatus)
    {
        var attempt = new JournalAttempt("sid-1", "09800000001", Noon, Noon.AddSeconds(30), status, flow) { Leg1 = leg1, Leg2 = leg2 }.ToCallAttempt();

        Assert.Equal((outcome, redialStatus), (attempt.Verdict.Outcome, attempt.Verdict.Status.Value));
        Assert.Equal((Noon, Noon.AddSeconds(30)), (attempt.Start, attempt.End));
    }

    private static JournalAttempt Attempt(
        string sid, string status, DateTimeOffset start, string? leg1 = null, string? leg2 = null, int? duration = null, int? talk = null) =>
        new(sid, "09800000001", start, start.AddSeconds(31), status, isFlowCall: false) { Leg1 = leg1, Leg2 = leg2, Duration = duration, Talk = talk };
}

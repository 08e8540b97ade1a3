using ExotelPS.Client.Campaigns;
using ExotelPS.Client.Campaigns.Reporting;
using Microsoft.Extensions.Time.Testing;

namespace ExotelPS.Client.Tests.Campaigns;

/// <summary>
/// Builds report rows by hand, as the journal will give them: a campaign of up to 3 attempts, busy and no-answer
/// redialled after 30 minutes, 09:00-21:00 IST, seen at 15:00 IST on 1 May 2024 with no deadline.
/// </summary>
internal sealed class ReportScenario
{
    public static readonly TimeSpan Ist = new(5, 30, 0);

    public static readonly DateTimeOffset Now = At(15, 0);

    public static readonly TimeZoneInfo Kolkata = TimeZoneLookup.Platform.Find("Asia/Kolkata");

    public static readonly CallVerdict Answered = CallVerdict.OfConnectCall("completed", "completed", "completed");
    public static readonly CallVerdict Busy = CallVerdict.OfConnectCall("busy", "completed", "busy");
    public static readonly CallVerdict NoAnswer = CallVerdict.OfConnectCall("no-answer", "completed", "no-answer");
    public static readonly CallVerdict Failed = CallVerdict.OfConnectCall("failed", "completed", "failed");
    public static readonly CallVerdict AgentMissed = CallVerdict.OfConnectCall("no-answer", "no-answer", null);

    private readonly CampaignRules schedule = new(
        RedialPolicy.Create(3, null, null), CallingHours.Create(new[] { "09:00-21:00" }, "Asia/Kolkata"));

    private readonly RunBudget budget = RunBudget.Start(null, new FakeTimeProvider(Now));

    public List<ReportedRow> Rows { get; } = new();

    public static DateTimeOffset At(int hour, int minute, int second = 0) => new(2024, 5, 1, hour, minute, second, Ist);

    /// <summary>A finished call: its start, length in seconds, agent, and talk seconds (answered calls).</summary>
    public static ReportedCall Call(DateTimeOffset start, int seconds, string agent, CallVerdict verdict, int? talkSeconds = null) =>
        new(new CallAttempt(start, start.AddSeconds(seconds), verdict), agent, TimeSpan.FromSeconds(seconds), talkSeconds is { } talk ? TimeSpan.FromSeconds(talk) : null);

    public ReportScenario Row(string key, params ReportedCall[] calls)
    {
        Rows.Add(ReportedRow.Decide(Rows.Count + 1, key, calls, schedule, budget));
        return this;
    }

    public ReportScenario Refused(string key)
    {
        Rows.Add(ReportedRow.Refused(Rows.Count + 1, key));
        return this;
    }

    public CampaignReport Report(TimeZoneInfo? zone = null) => CampaignReport.Create(Rows, zone ?? Kolkata);

    /// <summary>
    /// Eight rows with every outcome. Agent X: A answered; B busy; D busy, no-answer; F busy. Agent Y: B answered;
    /// C failed; D no-answer; E agent miss. Row 7 refused; G not dialled yet.
    /// </summary>
    public static ReportScenario EveryOutcome() => new ReportScenario()
        .Row("A", Call(At(10, 0), 100, "X", Answered, talkSeconds: 80))
        .Row("B", Call(At(10, 5), 20, "X", Busy), Call(At(10, 40), 200, "Y", Answered, talkSeconds: 180))
        .Row("C", Call(At(11, 0), 10, "Y", Failed))
        .Row("D", Call(At(11, 10), 30, "X", Busy), Call(At(11, 45), 40, "X", NoAnswer), Call(At(12, 30), 40, "Y", NoAnswer))
        .Row("E", Call(At(14, 0), 30, "Y", AgentMissed))
        .Row("F", Call(At(14, 45), 25, "X", Busy))
        .Refused("refused")
        .Row("G");
}

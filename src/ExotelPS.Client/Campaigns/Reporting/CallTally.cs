namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>
/// Adds up calls as <see cref="CampaignRules"/> counts them, for the whole campaign or for one agent: the one
/// place every call measure of a report is computed.
/// </summary>
internal sealed class CallTally
{
    private ReportedRow? lastRowAttempted;
    private TimeSpan talkTime;
    private int talkTimesKnown;
    private TimeSpan durations;
    private int durationsKnown;

    public int RowsAttempted { get; private set; }

    public int Calls { get; private set; }

    public int Attempts { get; private set; }

    public int Reached { get; private set; }

    public int AgentMisses { get; private set; }

    public DateTimeOffset? FirstCall { get; private set; }

    public DateTimeOffset? LastCall { get; private set; }

    public double AnswerRate => RowsAttempted == 0 ? 0 : (double)Reached / RowsAttempted;

    public TimeSpan TalkTime => talkTime;

    public TimeSpan TalkTimeMean => Mean(talkTime, talkTimesKnown);

    public TimeSpan MeanCallLength => Mean(durations, durationsKnown);

    /// <summary>Counts one call of a row; a row's calls come together, so a row is attempted once per tally.</summary>
    public void Add(ReportedRow row, ReportedCall call, bool isPutBack)
    {
        Calls++;
        if (isPutBack)
        {
            AgentMisses++;
        }
        else
        {
            Attempts++;
            if (!ReferenceEquals(lastRowAttempted, row))
            {
                lastRowAttempted = row;
                RowsAttempted++;
            }
        }

        if (call.Attempt.Verdict.Outcome == AttemptOutcome.CustomerAnswered)
        {
            Reached++;
            Accumulate(call.TalkTime, ref talkTime, ref talkTimesKnown);
        }

        Accumulate(call.Duration, ref durations, ref durationsKnown);
        FirstCall = FirstCall is { } first && first <= call.Attempt.Start ? first : call.Attempt.Start;
        LastCall = LastCall is { } last && last >= call.Attempt.End ? last : call.Attempt.End;
    }

    private static void Accumulate(TimeSpan? value, ref TimeSpan total, ref int known)
    {
        if (value is { } given)
        {
            total += given;
            known++;
        }
    }

    // netstandard2.0 has no TimeSpan division; ticks are exact enough (100 ns).
    private static TimeSpan Mean(TimeSpan total, int count) => count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(total.Ticks / count);
}

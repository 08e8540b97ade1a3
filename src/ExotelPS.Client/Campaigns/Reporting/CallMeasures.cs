namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>
/// The measures of a set of calls, the same for a whole campaign (<see cref="CampaignSummary"/>) and for one agent
/// (<see cref="AgentSummary"/>). Calls count as the <see cref="CampaignRules"/> counts them: an agent miss put
/// back is not an attempt on the customer, and calls after the one the customer answered are not counted.
/// </summary>
public abstract class CallMeasures
{
    private protected CallMeasures(CallTally tally)
    {
        RowsAttempted = tally.RowsAttempted;
        Reached = tally.Reached;
        Attempts = tally.Attempts;
        AgentMisses = tally.AgentMisses;
        Calls = tally.Calls;
        AnswerRate = tally.AnswerRate;
        TalkTime = tally.TalkTime;
        TalkTimeMean = tally.TalkTimeMean;
        MeanCallLength = tally.MeanCallLength;
        FirstCall = tally.FirstCall;
        LastCall = tally.LastCall;
    }

    /// <summary>Rows with at least one attempt on the customer (an agent miss put back is none): AnswerRate's denominator.</summary>
    public int RowsAttempted { get; }

    /// <summary>Rows whose customer answered (each has exactly one answered call).</summary>
    public int Reached { get; }

    /// <summary>Attempts on the customer, the ones -MaxAttempts counts, the answered call included.</summary>
    public int Attempts { get; }

    /// <summary>Calls whose agent leg never connected, put back without ringing the customer.</summary>
    public int AgentMisses { get; }

    /// <summary>All finished calls: Attempts plus AgentMisses.</summary>
    public int Calls { get; }

    /// <summary>Reached ÷ RowsAttempted, from 0 to 1; 0 when no row was attempted.</summary>
    public double AnswerRate { get; }

    /// <summary>The customers' talk time on the answered calls (each reached row's final call), summed.</summary>
    public TimeSpan TalkTime { get; }

    /// <summary>TalkTime ÷ answered calls whose talk time is known; zero when none is.</summary>
    public TimeSpan TalkTimeMean { get; }

    /// <summary>The mean Duration (ringing included) of all calls whose Duration is known: how long a call holds an agent.</summary>
    public TimeSpan MeanCallLength { get; }

    /// <summary>When the earliest call started; null without calls.</summary>
    public DateTimeOffset? FirstCall { get; }

    /// <summary>When the latest call ended; null without calls.</summary>
    public DateTimeOffset? LastCall { get; }
}

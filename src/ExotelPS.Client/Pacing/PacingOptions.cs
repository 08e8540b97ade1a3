using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Pacing;

/// <summary>
/// How a <see cref="CallDispatcher{TInput}"/> paces calls per From number (the agent rung first): at most
/// <see cref="MaxCallsPerFrom"/> live calls each, a <see cref="WrapUp"/> pause after each, and an optional pool of
/// agents for rows that name no From. Given as <see cref="DispatcherOptions.Pacing"/>; without it nothing is paced.
/// </summary>
public sealed class PacingOptions
{
    /// <summary>The least time between two finality polls, whatever the rate budget allows.</summary>
    public static readonly TimeSpan DefaultMinPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The share of the account's requests a minute that finality polls may use by default.</summary>
    public const double DefaultPollShare = 0.1;

    /// <summary>Live calls (queued, ringing, in progress) one From number may have at once; 0: no limit. Default 1.</summary>
    public int MaxCallsPerFrom { get; set; } = 1;

    /// <summary>Pause after a From's call is final before that From is rung again. Default none.</summary>
    public TimeSpan WrapUp { get; set; }

    /// <summary>Agent numbers given, in turn, to rows that name no From: each row gets the next agent with room.</summary>
    public IList<string> AgentPool { get; set; } = new List<string>();

    /// <summary>Most share of the account's RequestsPerMinute spent polling for finality (0 to 1); default 10%.</summary>
    public double PollShare { get; set; } = DefaultPollShare;

    /// <summary>The least time between two polls; default 1 second.</summary>
    public TimeSpan MinPollInterval { get; set; } = DefaultMinPollInterval;

    /// <summary>
    /// The client whose listing tells when calls end, for a dispatcher built over a function; a dispatcher built over a
    /// client uses that one. Without either, a From has room again only when its calls' bounds pass.
    /// </summary>
    public ExotelClient? Client { get; set; }

    /// <summary>Refuses settings that cannot work, naming the setting.</summary>
    internal void Check()
    {
        if (MaxCallsPerFrom < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCallsPerFrom), MaxCallsPerFrom, EngineStrings.PacingMaxCallsPerFrom);
        }

        if (WrapUp < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(WrapUp), WrapUp, EngineStrings.PacingWrapUp);
        }

        if (PollShare is <= 0 or > 1 || double.IsNaN(PollShare))
        {
            throw new ArgumentOutOfRangeException(nameof(PollShare), PollShare, EngineStrings.PacingPollShare);
        }

        if (MinPollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPollInterval), MinPollInterval, EngineStrings.PacingMinPollInterval);
        }

        foreach (var agent in AgentPool)
        {
            if (PhoneNumber.TryNormalize(agent, out var reason) is null)
            {
                throw new ExotelValidationException(new[] { new ValidationFailure("AgentPool", agent, reason) });
            }
        }
    }
}

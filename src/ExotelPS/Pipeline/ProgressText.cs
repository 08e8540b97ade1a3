using ExotelPS.Client;
using ExotelPS.Resources;

namespace ExotelPS.Pipeline;

/// <summary>The figures of a bulk run as Write-Progress shows them.</summary>
internal static class ProgressText
{
    /// <summary>
    /// The status line; <paramref name="paced"/> adds the agents busy and the rows waiting for one,
    /// <paramref name="campaign"/> the agents' misses and when the next attempt is due (a redial, or the calling window).
    /// </summary>
    public static string Status(DispatchProgress progress, bool paced = false, bool campaign = false) =>
        campaign ? Text.Format(Strings.ProgressStatusCampaign, Figures(progress, paced), progress.AgentMisses, progress.Deferred, NextAttempt(progress)) : Figures(progress, paced);

    private static string NextAttempt(DispatchProgress progress) =>
        progress.NextAttemptAt is { } next ? Text.Format(Strings.ProgressNextAttempt, next.ToLocalTime()) : string.Empty;

    private static string Figures(DispatchProgress progress, bool paced) => Text.Format(
        paced ? Strings.ProgressStatusPaced : Strings.ProgressStatus,
        progress.Completed,
        progress.Placed,
        progress.Failed,
        progress.Skipped,
        progress.SkippedInDoubt,
        progress.NotSent,
        progress.InFlight,
        progress.RatePerMinute,
        progress.FromsBusy,
        progress.WaitingForFrom);

    /// <summary>Whole seconds left, or -1 (Write-Progress's "unknown") before a rate is known.</summary>
    public static int SecondsRemaining(DispatchProgress progress) =>
        progress.EstimatedRemaining is { } remaining ? (int)Math.Ceiling(Math.Max(0, remaining.TotalSeconds)) : -1;
}

using ExotelPS.Client;
using ExotelPS.Resources;

namespace ExotelPS.Pipeline;

/// <summary>The figures of a bulk run as Write-Progress shows them.</summary>
internal static class ProgressText
{
    public static string Status(DispatchProgress progress) => Text.Format(
        Strings.ProgressStatus,
        progress.Completed,
        progress.Placed,
        progress.Failed,
        progress.Skipped,
        progress.SkippedInDoubt,
        progress.NotSent,
        progress.InFlight,
        progress.RatePerMinute);

    /// <summary>Whole seconds left, or -1 (Write-Progress's "unknown") before a rate is known.</summary>
    public static int SecondsRemaining(DispatchProgress progress) =>
        progress.EstimatedRemaining is { } remaining ? (int)Math.Ceiling(Math.Max(0, remaining.TotalSeconds)) : -1;
}

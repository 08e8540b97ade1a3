using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Resources;

namespace ExotelPS.Pipeline;

/// <summary>
/// What the end of a run writes for each row reconciled after it ended OutcomeUnknown (that error stays at the row's
/// turn): the found call as an <c>ExotelPS.Call</c> with Outcome 'Found'; a <c>NotPlaced</c> error, target the row;
/// or a warning saying how the row is still in doubt. So every row stays accounted for in input order, and the
/// resolutions follow, in input order too.
/// </summary>
internal static class ResolutionOutput
{
    /// <summary>The found call, the NotPlaced error, or (neither) the warning for a row still in doubt.</summary>
    public static (PSObject? Found, ErrorRecord? NotPlaced, string? StillInDoubt) Of(ReconciledRow<PSObject> row)
    {
        var result = row.Result;
        var resolution = row.Resolution;
        switch (resolution.Ending)
        {
            case RowEnding.Found:
                return (CallOutput.Found(SkippedCall.Of(result, resolution.Sid)), null, null);
            case RowEnding.NotPlaced:
                var message = Text.Format(Strings.ReconcileNotPlaced, result.Request, ExotelTime.FormatUtc(row.InDoubt!.SentAt), ExotelTime.FormatUtc(row.CertainAt!.Value));
                return (null, ErrorCatalog.Create(new RowEndingException(RowEnding.NotPlaced, message), result.Input), null);
            case RowEnding.StillInDoubt when resolution.IsSeveral:
                return (null, null, Text.Format(Strings.ReconcileSeveral, result.Request, string.Join(", ", resolution.Sids)));
            default:
                return (null, null, resolution.Until is { } until
                    ? Text.Format(Strings.ReconcileStillInDoubt, result.Request, ExotelTime.FormatUtc(until))
                    : Text.Format(Strings.ReconcileInDoubtForGood, result.Request));
        }
    }
}

using System.Management.Automation;
using System.Management.Automation.Host;
using ExotelPS.Client;
using ExotelPS.Resources;

namespace ExotelPS.Pipeline;

/// <summary>
/// After a stop the pipeline takes no more output, so the calls Exotel accepted whose results were not written yet
/// (they finished behind an earlier row) are listed with their Sid through the host, as is the count cut off in flight.
/// </summary>
internal static class UnwrittenResults
{
    public static void Report(PSHostUserInterface ui, IEnumerable<DispatchResult<PSObject>> unwritten)
    {
        var inFlight = 0;
        try
        {
            foreach (var result in unwritten)
            {
                if (result.Ending == RowEnding.Placed)
                {
                    ui.WriteWarningLine(Text.Format(Strings.StoppedAfterPlacing, result.CallSid, result.Request));
                }

                inFlight += result.Ending == RowEnding.OutcomeUnknown ? 1 : 0;
            }
        }
        catch (IOException)
        {
            // The journal failed too: every result was listed before TakeAll said so, and the journal has the rest.
        }

        if (inFlight > 0)
        {
            ui.WriteWarningLine(Text.Format(Strings.StoppedInFlight, inFlight));
        }
    }
}

using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Gets calls' Voice v3 details (beta): keys pressed, app or flow, talk time, recordings, and legs on request.</para>
/// <para type="description">A cmdlet of its own rather than a switch on Get-ExotelCall: v3 is another API (another host, snake_case, beta and enabled per account), with its own object and errors. Pipe Sids, calls, or callbacks from ConvertFrom-ExotelCallback; reads run together inside the account's rate limit and come out in input order.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ExotelCallDetail")]
[OutputType(typeof(ExotelCallDetail))]
public sealed class GetExotelCallDetailCommand : ExotelCallInputCommand
{
    private PendingReads<ExotelCallDetail>? reads;

    /// <summary>Also read each call's legs (Exotel's v3 Call Legs API: one more request per call).</summary>
    [Parameter]
    public SwitchParameter IncludeLegs { get; set; }

    /// <summary>Starts the window of reads.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        reads = new PendingReads<ExotelCallDetail>(ActiveSession.InFlightLimit);
    }

    /// <summary>Starts reading the piped calls and writes those whose turn has come.</summary>
    protected override void ProcessRecord()
    {
        foreach (var sid in Sid)
        {
            Reads.Add(InputFor(sid), ActiveSession.Client.GetCallDetailAsync(sid, IncludeLegs.IsPresent, StopToken));
        }

        WriteReads(all: false);
    }

    /// <summary>Writes the rest.</summary>
    protected override void EndProcessing() => WriteReads(all: true);

    private PendingReads<ExotelCallDetail> Reads => reads ?? throw new InvalidOperationException("The reads start in BeginProcessing.");

    private void WriteReads(bool all)
    {
        foreach (var (target, read) in Reads.Take(all))
        {
            try
            {
                var detail = Await(read);
                WriteReadWarnings(detail.Sid, detail.ReadWarnings);
                WriteObject(CallOutput.Detail(detail));
            }
            catch (ExotelException ex)
            {
                WriteError(ErrorCatalog.Create(ex, target));
            }
        }
    }
}

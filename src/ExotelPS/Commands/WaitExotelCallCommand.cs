using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;
using ExotelPS.Resources;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Waits until calls reach a final status (completed, failed, busy, no-answer) and writes them.</para>
/// <para type="description">Pipe the output of Connect-ExotelCall, Sids, or status-callback rows. Pending calls are polled together inside the rate limit; results come out in input order. A call still not final after -Timeout is reported as a WaitTimeout error.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "ExotelCall")]
[OutputType(typeof(ExotelCall))]
public sealed class WaitExotelCallCommand : ExotelCallInputCommand
{
    private CallWaiter<PSObject>? waiter;

    /// <summary>Seconds to wait for each call, from when it arrives; -1 (the default) waits until it is final.</summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int Timeout { get; set; } = -1;

    /// <summary>Seconds between polls (default: the engine's).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int? PollInterval { get; set; }

    /// <summary>Starts the waiter.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var pollInterval = PollInterval is int seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        waiter = new CallWaiter<PSObject>(ActiveSession.Client, WaitDuration.FromSeconds(Timeout), pollInterval, StopToken);
    }

    /// <summary>Adds the piped calls and writes those already final.</summary>
    protected override void ProcessRecord()
    {
        // A call still going, as Connect-ExotelCall wrote it, is known to exist; anything else is read first, so a Sid
        // Exotel does not know is NotFound at once and a call already final is written without a poll.
        var readFirst = InputObject?.BaseObject is not ExotelCall { Status.IsFinal: false };
        foreach (var sid in Sid)
        {
            Waiter.Add(InputFor(sid), sid, readFirst);
        }

        WriteResults(Waiter.TakeReady());
    }

    /// <summary>Waits for the rest.</summary>
    protected override void EndProcessing()
    {
        Waiter.Complete();
        WriteResults(Waiter.TakeAll(StopToken));
    }

    /// <inheritdoc/>
    protected override void DisposeResources() => waiter?.Dispose();

    private CallWaiter<PSObject> Waiter => waiter ?? throw new InvalidOperationException("The waiter starts in BeginProcessing.");

    private void WriteResults(IEnumerable<WaitResult<PSObject>> results) =>
        Cancellable(() =>
        {
            foreach (var result in results)
            {
                WriteTrace();
                WriteResult(result);
            }
        });

    private void WriteResult(WaitResult<PSObject> result)
    {
        if (result.TimedOut)
        {
            var message = result.Call is null
                ? Text.Format(Strings.WaitTimedOutUnread, result.CallSid, WaitDuration.FromSeconds(Timeout).TotalSeconds)
                : Text.Format(Strings.WaitTimedOut, result.CallSid, result.Call.Status, WaitDuration.FromSeconds(Timeout).TotalSeconds);
            WriteError(new ErrorRecord(
                new TimeoutException(message), ErrorCatalog.WaitTimeout, ErrorCategory.OperationTimeout, (object?)result.Call ?? result.Input));
        }
        else if (result.Error is not null)
        {
            WriteError(ErrorCatalog.Create(result.Error, result.Input));
        }
        else if (result.Call is not null)
        {
            WriteReadWarnings(result.Call.Sid, result.Call.ReadWarnings);
            WriteObject(CallOutput.Final(result.Call, result.Input));
        }
    }
}

using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Diagnostics;
using ExotelPS.Resources;

namespace ExotelPS.Commands;

/// <summary>
/// What every ExotelPS cmdlet shares: the engine's async work awaited on the pipeline thread, cancelled by
/// Ctrl+C (<see cref="StopProcessing"/>), and the engine's trace lines written as verbose output from that thread.
/// </summary>
public abstract class ExotelCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private TraceListener? trace;
    private ExotelAccount? traceAccount;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
    protected CancellationToken StopToken => stopping.Token;

    /// <summary>Releases what the command holds; PowerShell calls this when the pipeline ends, stopped or not.</summary>
    public void Dispose()
    {
        DisposeResources();
        trace?.Dispose();
        stopping.Dispose();
    }

    /// <inheritdoc/>
    protected override void StopProcessing() => stopping.Cancel();

    /// <summary>Releases what a derived command holds.</summary>
    protected virtual void DisposeResources()
    {
    }

    /// <summary>Starts hearing a client's trace; lines revealing <paramref name="account"/>'s secrets are withheld.</summary>
    private protected void ListenToTrace(TraceRelay relay, ExotelAccount account)
    {
        trace?.Dispose();
        trace = relay.Listen();
        traceAccount = account;
    }

    /// <summary>Writes the trace lines heard so far as verbose output.</summary>
    private protected void WriteTrace()
    {
        if (trace is null || traceAccount is null)
        {
            return;
        }

        foreach (var line in trace.Drain(traceAccount))
        {
            WriteVerbose(line);
        }
    }

    /// <summary>
    /// Writes what could not be read from Exotel's answer for call <paramref name="sid"/> (the result's ReadWarnings) as
    /// a warning, so a blank field is never silent; withheld if it would show the session's credentials.
    /// </summary>
    private protected void WriteReadWarnings(string sid, string? warnings)
    {
        if (warnings is null)
        {
            return;
        }

        WriteWarning(traceAccount?.Reveals(warnings) == true ? Text.Format(Strings.ReadWarningsWithheld, sid) : Text.Format(Strings.ReadWarnings, sid, warnings));
    }

    /// <summary>Waits on the pipeline thread for the engine's answer; a stop becomes PowerShell's own stop.</summary>
    private protected T Await<T>(Task<T> task)
    {
        Await((Task)task);
        return task.Result;
    }

    /// <summary>Waits on the pipeline thread for the engine's work; a stop becomes PowerShell's own stop.</summary>
    private protected void Await(Task task)
    {
        try
        {
            Cancellable(() => task.GetAwaiter().GetResult());
        }
        finally
        {
            WriteTrace();
        }
    }

    /// <summary>
    /// Stops the command with <paramref name="record"/>. ThrowTerminatingError always throws; returning an exception
    /// lets callers write <c>throw Terminate(...)</c> so the compiler knows it too.
    /// </summary>
    private protected Exception Terminate(ErrorRecord record)
    {
        ThrowTerminatingError(record);
        return new PipelineStoppedException();
    }

    /// <summary>Runs pipeline-thread work that blocks cancellably (a full backlog); a stop becomes PowerShell's own stop.</summary>
    private protected void Cancellable(Action action)
    {
        try
        {
            action();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}

using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;
using ExotelPS.Resources;

namespace ExotelPS.Commands;

/// <content>
/// Reconciliation with Exotel's call listing: at the start of a rerun, the journal's rows in doubt; at the end of the
/// run, the rows that ended OutcomeUnknown whose certainty comes within -ReconcileTimeout. And a journal that cannot
/// be written, which stops the command with JournalUnavailable.
/// </content>
public abstract partial class PlaceCallCommand
{
    // Five minutes: certainty for calls of up to about two and a half minutes at the longest ring times.
    private const int DefaultReconcileTimeout = 300;

    /// <summary>
    /// Longest wait, in seconds, for rows in doubt to become certain: at the end of a journaled run, for the rows that
    /// ended with an unknown outcome; with -RetryUnknown, at the start. 0: no waiting (end-of-run reconciliation off).
    /// </summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int ReconcileTimeout { get; set; } = DefaultReconcileTimeout;

    // Before anything is sent: an earlier run's rows in doubt, looked up once (with -RetryUnknown, until certain).
    // It writes to the journal, so -WhatIf only says it would.
    private void ReconcileJournal(CallJournal opened)
    {
        if (!JournalReconciler.HasRowsInDoubt(opened) || !ShouldProcess(opened.Path, Strings.ReconcileAction))
        {
            return;
        }

        var wait = RetryUnknown.IsPresent ? TimeSpan.FromSeconds(ReconcileTimeout) : TimeSpan.Zero;
        var found = AwaitJournal(JournalReconciler.ReconcileAsync(opened, reconciler!, wait, StopToken));
        if (found.Found + found.NotPlaced + found.StillInDoubt > 0)
        {
            WriteVerbose(Text.Format(Strings.RerunReconciled, found.Found + found.NotPlaced + found.StillInDoubt, found.Found, found.NotPlaced, found.StillInDoubt));
        }

        if (found.Failure is not null)
        {
            WriteWarning(Text.Format(Strings.ReconcileFailed, found.Failure.Message));
        }
    }

    // After the last result: the rows of this run that ended OutcomeUnknown, each resolution written in input order.
    private void ReconcileUnknown()
    {
        var wait = TimeSpan.FromSeconds(ReconcileTimeout);
        WriteVerbose(Text.Format(Strings.ReconcileWaiting, Dispatcher.RowsInDoubt, ReconcileTimeout, ExotelTime.FormatUtc(reconciler!.Now + wait)));
        var reconciled = AwaitJournal(Dispatcher.ReconcileUnknownAsync(reconciler, wait, StopToken));
        foreach (var row in reconciled.Rows.Where(row => row.Reconciled))
        {
            var (found, notPlaced, stillInDoubt) = ResolutionOutput.Of(row);
            if (found is not null)
            {
                WriteVerbose(Text.Format(Strings.ReconcileFound, row.Result.Request, row.Resolution.Sid));
                WriteObject(found);
            }
            else if (notPlaced is not null)
            {
                WriteError(notPlaced);
            }
            else
            {
                WriteWarning(stillInDoubt);
            }
        }

        var later = reconciled.Rows.Where(row => !row.Reconciled).ToList();
        if (later.Count > 0)
        {
            var first = later.Select(row => row.CertainAt).Where(at => at is not null).DefaultIfEmpty().Min();
            WriteWarning(Text.Format(Strings.ReconcileLater, later.Count, ReconcileTimeout, first is { } at ? ExotelTime.FormatUtc(at) : "-"));
        }

        if (reconciled.Failure is not null)
        {
            WriteWarning(Text.Format(Strings.ReconcileFailed, reconciled.Failure.Message));
        }
    }

    // Reconciliation records what it finds: a journal that cannot be written stops the command, naming it.
    private T AwaitJournal<T>(Task<T> task)
    {
        try
        {
            return Await(task);
        }
        catch (IOException ex)
        {
            throw Terminate(JournalFailed(ex));
        }
    }

    // Posting and taking results (cancellably): a journal that failed mid-run stopped the run, so every row posted has
    // its result (not sent, mostly); they are written, each in its turn, then the command stops with JournalUnavailable.
    private void JournalWritten(Action action)
    {
        try
        {
            Cancellable(action);
        }
        catch (JournalWriteException ex)
        {
            try
            {
                foreach (var result in Dispatcher.TakeAll())
                {
                    WriteResult(result);
                }
            }
            catch (JournalWriteException)
            {
                // The same failure, said once every result is out.
            }

            throw Terminate(JournalFailed(ex));
        }
    }

    private ErrorRecord JournalFailed(IOException ex) => new(ex, ErrorCatalog.JournalUnavailable, ErrorCategory.WriteError, JournalPath is null ? null : CallJournal.NameOf(JournalPath));
}

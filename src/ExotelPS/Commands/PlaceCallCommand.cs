using System.Diagnostics;
using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;
using ExotelPS.Resources;

namespace ExotelPS.Commands;

/// <summary>
/// Places one call per input row through <see cref="CallDispatcher{TInput}"/>: rows are posted as they arrive,
/// placed concurrently inside the session's rate limit, and each row's result (a call, or an error whose target
/// is that row) is written in input order from the pipeline thread.
/// Output: the call with NoteProperties Outcome ('Placed'), CallerId and CustomField. A row the journal shows an
/// earlier run handled is not sent again: it is written as an <c>ExotelPS.Call</c> with Outcome 'Skipped' and the
/// Sid the journal recorded (plus From, To, CallerId), with a verbose line per row and one warning with the count.
/// A row skipped because an earlier attempt's outcome is unknown is an OutcomeUnknown error instead.
/// With a journal, rows in doubt are reconciled with Exotel's call listing: at the start of a rerun, before anything is
/// sent (found: skipped with the Sid; proven not placed: placed; else skipped in doubt), and at the end of the run for
/// the rows that ended OutcomeUnknown whose certainty comes within -ReconcileTimeout (<see cref="ResolutionOutput"/>).
/// </summary>
public abstract partial class PlaceCallCommand : ExotelApiCommand
{
    private const int ProgressActivityId = 1;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private readonly ProgressThrottle progressThrottle = new(ProgressInterval);
    private readonly Stopwatch runTime = new();
    private CallJournal? journal;
    private CallDispatcher<PSObject>? dispatcher;
    private BatchLatency? campaignCollection;
    private CallReconciler? reconciler;

    // The result being written: a stop makes WriteObject throw, and it must still be reported.
    private DispatchResult<PSObject>? writing;

    /// <summary>The input row (an Import-Csv row, say): the target of its error, if it has one.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The number rung first (the agent); each cmdlet declares it, as it declares when it is mandatory.</summary>
    public abstract string From { get; set; }

    /// <summary>Your ExoPhone (virtual number), shown as caller id.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("ExoPhone", "VirtualNumber")]
    public string CallerId { get; set; } = string.Empty;

    /// <summary>trans for a transactional call.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(WireNameCompleter))]
    public string? CallType { get; set; }

    /// <summary>Longest the call may last, 1 to 14400 seconds: a whole number, typed as text so a bad cell fails its own row.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("MaxDuration")]
    public string? TimeLimit { get; set; }

    /// <summary>How long each leg rings, 1 to 60 seconds: a whole number, typed as text so a bad cell fails its own row.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RingTimeout")]
    public string? TimeOut { get; set; }

    /// <summary>Your own value (an order id, say), up to 128 characters, passed back to callbacks.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("OrderId", "Reference")]
    public string? CustomField { get; set; }

    /// <summary>An http(s) URL Exotel posts the call's status to.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CallbackUrl")]
    public string? StatusCallback { get; set; }

    /// <summary>Which events trigger the status callback: terminal, answered.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(WireNameCompleter))]
    [Alias("CallbackEvents")]
    public string[]? StatusCallbackEvents { get; set; }

    /// <summary>How the status callback is encoded: multipart/form-data or application/json.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(WireNameCompleter))]
    [Alias("CallbackContentType")]
    public string? StatusCallbackContentType { get; set; }

    /// <summary>A journal file, or an Azure append blob's URL with a SAS: each row's outcome is recorded there, and a rerun skips rows already handled.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JournalPath { get; set; }

    /// <summary>The input property whose value identifies a row in the journal (default: From, target, caller id and CustomField).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? IdempotencyKey { get; set; }

    /// <summary>Use a journal whose rows were identified otherwise (another or no -IdempotencyKey): its rows will not be recognised.</summary>
    [Parameter]
    public SwitchParameter AllowIdentityChange { get; set; }

    /// <summary>
    /// At the start, wait (up to -ReconcileTimeout) until the rows the journal holds in doubt are certain, so each is
    /// skipped with the Sid Exotel gave it or, proven not placed, placed. A row that may have been placed is never sent.
    /// </summary>
    [Parameter]
    public SwitchParameter RetryUnknown { get; set; }

    /// <summary>Most calls being placed at once by this command, 1 to 1000 (default: the session's limit or measured window).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int? ThrottleLimit { get; set; }

    /// <summary>Opens the journal and starts the dispatcher.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        journal = OpenJournal();
        var client = ActiveSession.Client;
        reconciler = new CallReconciler(client);
        if (journal is not null)
        {
            ReconcileJournal(journal);
        }

        if (ThrottleLimit > ActiveSession.ThrottleLimit)
        {
            // The account's cap binds every request of the session: say so rather than quietly run slower than asked.
            WriteWarning(Text.Format(Strings.ThrottleLimitHeld, ThrottleLimit, ActiveSession.ThrottleLimit));
        }
        else if (ActiveSession.ThrottleLimit is null && ThrottleLimit > ActiveSession.InFlightLimit)
        {
            // More in flight than the rate needs would not place calls faster; say why fewer are out for now.
            WriteVerbose(Text.Format(Strings.ThrottleLimitFollowsWindow, ThrottleLimit, ActiveSession.InFlightLimit));
        }

        dispatcher = StartDispatcher(client, WithCampaign(new DispatcherOptions { MaxInFlight = ThrottleLimit }));
        campaignCollection = IsCampaign ? BatchLatency.Begin() : null;

        runTime.Start();
    }

    /// <summary>Checks the row once, asks ShouldProcess for a valid one, posts it, and writes whatever results are ready.</summary>
    protected override void ProcessRecord()
    {
        var failures = new List<ValidationFailure>();
        var request = CreateRequest(failures);
        var row = InputObject ?? new PSObject(request);
        failures.AddRange(ListCells.Of(GetType(), InputObject));
        var identity = IdempotencyKey is null ? null : IdentityOf(row, IdempotencyKey);
        if (IdempotencyKey is not null && identity is null)
        {
            failures.Add(new ValidationFailure("IdempotencyKey", IdempotencyKey, Text.Format(Strings.MissingIdempotencyKey, IdempotencyKey)));
        }

        // Invalid rows go through the dispatcher too, so their errors keep their place in input order.
        var checkedRequest = Dispatcher.Check(request, identity, failures);
        if (!checkedRequest.IsValid || ShouldProcess(request.ToString(), Strings.PlaceCallAction))
        {
            JournalWritten(() => Dispatcher.Post(row, checkedRequest));
        }

        WriteResults(Dispatcher.TakeReady());
        ReportProgress(final: false);
    }

    /// <summary>Waits for every posted row and writes the rest of the results.</summary>
    protected override void EndProcessing()
    {
        Dispatcher.Complete();
        WriteResults(Dispatcher.TakeAll(ProgressInterval, () => ReportProgress(final: false), StopToken));
        ReportProgress(final: true);
        if (ReconcileTimeout > 0 && Dispatcher.RowsInDoubt > 0)
        {
            ReconcileUnknown();
        }

        // The dispatcher's counts, so the warning, the progress and the results tell one story.
        var progress = Dispatcher.Progress;
        if (progress.Skipped > 0)
        {
            WriteWarning(Text.Format(Strings.SkippedSummary, progress.Skipped, progress.Skipped - progress.SkippedInDoubt, progress.SkippedInDoubt));
        }
    }

    /// <inheritdoc/>
    protected override void DisposeResources()
    {
        if (dispatcher is not null && StopToken.IsCancellationRequested && Host?.UI is { } ui)
        {
            // Every posted row settles at once when stopped (the stop may still be settling them on another thread).
            UnwrittenResults.Report(ui, writing is null ? dispatcher.TakeAll() : dispatcher.TakeAll().Prepend(writing));
        }

        dispatcher?.Dispose();
        journal?.Dispose();
        campaignCollection?.Dispose();
    }

    /// <summary>The request one input row describes; a value that cannot be read is added to <paramref name="failures"/>.</summary>
    private protected abstract PlaceCallOptions CreateRequest(ICollection<ValidationFailure> failures);

    /// <summary>Fills in the fields both kinds of call have, from this row's parameters.</summary>
    /// <remarks>Not generic: a constraint naming an engine type would load the engine when PowerShell scans the module.</remarks>
    private protected void FillCommonFields(PlaceCallOptions request, ICollection<ValidationFailure> failures)
    {
        request.From = From;
        request.CallerId = CallerId;
        request.CallType = CellValues.Choice<Client.CallType>(nameof(CallType), CallType, failures);
        request.TimeLimit = CellValues.Read(nameof(TimeLimit), TimeLimit, LenientParser.ToInt32, failures);
        request.TimeOut = CellValues.Read(nameof(TimeOut), TimeOut, LenientParser.ToInt32, failures);
        request.CustomField = CustomField;
        request.StatusCallback = StatusCallback;
        request.StatusCallbackEvents = CellValues.Choices<StatusCallbackEvent>(nameof(StatusCallbackEvents), StatusCallbackEvents, failures);
        request.StatusCallbackContentType = CellValues.Choice<Client.StatusCallbackContentType>(nameof(StatusCallbackContentType), StatusCallbackContentType, failures);
    }

    private CallDispatcher<PSObject> Dispatcher =>
        dispatcher ?? throw new InvalidOperationException("The dispatcher starts in BeginProcessing.");

    private static string? IdentityOf(PSObject row, string propertyName)
    {
        var value = row.Properties[propertyName]?.Value?.ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private CallJournal? OpenJournal()
    {
        if (JournalPath is null)
        {
            return null;
        }

        // A blob URL is no provider path; its SAS is a secret, so errors name the journal without it.
        var path = CallJournal.IsBlobUrl(JournalPath) ? JournalPath : GetUnresolvedProviderPathFromPSPath(JournalPath);
        var (opened, failure) = JournalOpener.Open(path, CallJournal.NameOf(JournalPath), ActiveSession.Client, IdempotencyKey, AllowIdentityChange.IsPresent);
        if (failure is not null)
        {
            throw Terminate(failure);
        }

        foreach (var warning in opened!.Warnings)
        {
            WriteWarning(warning);
        }

        return opened;
    }

    private void WriteResults(IEnumerable<DispatchResult<PSObject>> results) =>
        JournalWritten(() =>
        {
            foreach (var result in results)
            {
                writing = result;
                WriteResult(result);
                writing = null;
            }
        });

    private void WriteResult(DispatchResult<PSObject> result)
    {
        WriteTrace();
        WriteDebug($"Row {result.Index}: {result.Ending} {result.Request}");
        if (TryWriteCampaignRow(result))
        {
            return;
        }

        switch (result.Ending)
        {
            case RowEnding.Placed when result.Call is not null:
                WriteReadWarnings(result.Call.Sid, result.Call.ReadWarnings);
                WriteObject(CallOutput.Placed(result.Call, result.Request));
                break;
            // A row skipped in doubt has no call to show: it is an error, the user must check it.
            case RowEnding.SkippedPlaced:
                WriteVerbose(Text.Format(Strings.RowSkipped, result.Request, result.CallSid));
                WriteObject(CallOutput.Skipped(SkippedCall.Of(result)));
                break;
            default:
                if (result.Error is not null)
                {
                    WriteError(ErrorCatalog.Create(result.Error, result.Input));
                }

                break;
        }
    }

    private void ReportProgress(bool final)
    {
        if (final ? !progressThrottle.HasReported : !progressThrottle.IsDue(runTime.Elapsed))
        {
            return;
        }

        var progress = Dispatcher.Progress;
        WriteProgress(new ProgressRecord(ProgressActivityId, Strings.ProgressActivity, ProgressText.Status(progress, paced, IsCampaign))
        {
            SecondsRemaining = ProgressText.SecondsRemaining(progress),
            RecordType = final ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
    }
}

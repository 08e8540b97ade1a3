using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Client.Campaigns;
using ExotelPS.Client.Campaigns.Reporting;
using ExotelPS.Pipeline;
using ExotelPS.Resources;

namespace ExotelPS.Commands;

/// <summary>
/// What the report cmdlets share: the journal to read and the campaign's parameters, which decide what each row
/// needs next exactly as the placing run decides it. The journal is read, never written, and not locked: a report
/// reads a journal while another run holds it (where the platform allows it).
/// </summary>
public abstract class CampaignReportCommand : ExotelCmdlet
{
    /// <summary>The parameter set that reads a journal.</summary>
    protected const string JournalSet = "Journal";

    /// <summary>The campaign's journal (-JournalPath of Connect-ExotelCall or Start-ExotelFlowCall).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = JournalSet)]
    [ValidateNotNullOrEmpty]
    public string JournalPath { get; set; } = string.Empty;

    /// <summary>How many times a row may be dialled in all (1 to 10; default 1), as the campaign was run.</summary>
    [Parameter(ParameterSetName = JournalSet)]
    public int? MaxAttempts { get; set; }

    /// <summary>The final statuses that earn another attempt (busy, no-answer, failed; default busy and no-answer).</summary>
    [Parameter(ParameterSetName = JournalSet)]
    public string[]? RedialOn { get; set; }

    /// <summary>The waits before attempt 2, 3, ... (default 00:30:00; the last repeats).</summary>
    [Parameter(ParameterSetName = JournalSet)]
    public TimeSpan[]? RedialAfter { get; set; }

    /// <summary>The local times (HH:mm-HH:mm) within which an attempt may start (default: any time).</summary>
    [Parameter(ParameterSetName = JournalSet)]
    public string[]? CallWindow { get; set; }

    /// <summary>The campaign's time zone, IANA or Windows id (default Asia/Kolkata): windows and hours of the day.</summary>
    [Parameter(ParameterSetName = JournalSet)]
    public string? TimeZone { get; set; }

    /// <summary>Reads the journal into its report, decided now; stops the command when the parameters or the journal cannot be used.</summary>
    private protected CampaignReport ReadReport()
    {
        // A blob URL carries its SAS, a secret: errors name and target the URL without it.
        var path = CallJournal.IsBlobUrl(JournalPath) ? JournalPath : GetUnresolvedProviderPathFromPSPath(JournalPath);
        var name = CallJournal.NameOf(JournalPath);
        try
        {
            var rules = CampaignSettings.Create(MaxAttempts, RedialOn, RedialAfter, CallWindow, TimeZone, maxRunTime: null).Rules;
            return JournalReport.Read(path, rules, DateTimeOffset.UtcNow);
        }
        catch (ExotelValidationException e)
        {
            throw Terminate(ErrorCatalog.Create(e, name));
        }
        catch (JournalLockedException e)
        {
            throw Terminate(new ErrorRecord(e, ErrorCatalog.JournalInUse, ErrorCategory.ResourceBusy, name));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Terminate(new ErrorRecord(
                new IOException(Text.Format(Strings.JournalUnavailable, CallJournal.NameOf(path), e.Message), e),
                ErrorCatalog.JournalUnavailable,
                e is FileNotFoundException or DirectoryNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError,
                name));
        }
    }
}

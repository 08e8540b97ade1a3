using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Client.Campaigns;
using ExotelPS.Pipeline;

namespace ExotelPS.Commands;

/// <content>
/// A campaign: -MaxAttempts, -RedialOn, -RedialAfter, -CallWindow, -TimeZone and -MaxRunTime, validated together once
/// when the command starts and handed to the dispatcher. Without any of them each row is placed once, as always.
/// </content>
public abstract partial class PlaceCallCommand
{
    /// <summary>How many times a row may be dialled in all, 1 to 10 (default 1).</summary>
    [Parameter]
    public int? MaxAttempts { get; set; }

    /// <summary>Final statuses that earn another attempt: busy, no-answer, failed (default busy and no-answer).</summary>
    [Parameter]
    public string[]? RedialOn { get; set; }

    /// <summary>The wait before attempt 2, 3, ..., from the end of the previous attempt; the last repeats (default 00:30:00).</summary>
    [Parameter]
    public TimeSpan[]? RedialAfter { get; set; }

    /// <summary>'HH:mm-HH:mm' local times within which an attempt may start; several allowed, one may cross midnight (default: any time).</summary>
    [Parameter]
    public string[]? CallWindow { get; set; }

    /// <summary>The time zone of -CallWindow, an IANA or a Windows id (default India Standard Time, Asia/Kolkata).</summary>
    [Parameter]
    public string? TimeZone { get; set; }

    /// <summary>After this long no new attempt starts; live calls are followed to their end, then the command ends (default: no limit).</summary>
    [Parameter]
    public TimeSpan? MaxRunTime { get; set; }

    private bool IsCampaign =>
        MaxAttempts is not null || RedialOn is not null || RedialAfter is not null || CallWindow is not null || TimeZone is not null || MaxRunTime is not null;

    // The campaign asked for, validated once; nothing is sent when any value is refused.
    private DispatcherOptions WithCampaign(DispatcherOptions options)
    {
        if (!IsCampaign)
        {
            return options;
        }

        try
        {
            var settings = CampaignSettings.Create(MaxAttempts, RedialOn, RedialAfter, CallWindow, TimeZone, MaxRunTime);
            options.Campaign = settings.Rules;
            options.MaxRunTime = settings.MaxRunTime;
            return options;
        }
        catch (ExotelValidationException e)
        {
            throw Terminate(ErrorCatalog.Create(e, string.Join(", ", e.Failures.Select(failure => failure.Field).Distinct())));
        }
    }

    // A campaign's row done for this run: its last call, its attempts, and how it stands (an error is written as always).
    private bool TryWriteCampaignRow(DispatchResult<PSObject> result)
    {
        if (result.Decision is null)
        {
            return false;
        }

        WriteReadWarnings(result.CallSid ?? string.Empty, result.Call?.ReadWarnings);
        WriteObject(CallOutput.Campaign(result));
        return true;
    }
}

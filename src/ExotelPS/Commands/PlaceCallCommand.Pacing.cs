using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Commands;

/// <content>
/// Pacing per From number: -MaxCallsPerFrom (one live call each by default), -WrapUpSeconds, and the agent pool a
/// cmdlet may offer (Connect-ExotelCall's -AgentPool), handed to the dispatcher as its pacing.
/// </content>
public abstract partial class PlaceCallCommand
{
    // Paced runs' progress also shows the agents busy and the rows waiting for one.
    private bool paced;

    /// <summary>Live calls one From number may have at once, 0 to 1000 (0: no limit); default 1, so nobody is rung while on a call.</summary>
    [Parameter]
    [ValidateRange(0, 1000)]
    public int MaxCallsPerFrom { get; set; } = 1;

    /// <summary>Seconds a From rests after its call ends before it is rung again, 0 to 3600; default 0.</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    [Alias("WrapUp")]
    public int WrapUpSeconds { get; set; }

    /// <summary>Agent numbers for rows that name no From (Connect-ExotelCall's -AgentPool); none here.</summary>
    private protected virtual IReadOnlyList<string> AgentPoolNumbers => Array.Empty<string>();

    // The dispatcher, paced as asked. A pool number that cannot be dialled stops the command before anything is sent:
    // the run cannot start without knowing whom to ring.
    private CallDispatcher<PSObject> StartDispatcher(ExotelClient client, DispatcherOptions options)
    {
        options.Pacing = PacingParameters.Options(MaxCallsPerFrom, WrapUpSeconds, AgentPoolNumbers);
        paced = options.Pacing is not null;
        try
        {
            return new CallDispatcher<PSObject>(client, options, journal, StopToken);
        }
        catch (ExotelValidationException e)
        {
            throw Terminate(ErrorCatalog.Create(e, AgentPoolNumbers));
        }
    }
}

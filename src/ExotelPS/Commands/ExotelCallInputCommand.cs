using System.Management.Automation;

namespace ExotelPS.Commands;

/// <summary>
/// A cmdlet that takes calls from the pipeline: Sids as strings, or any object with a Sid or CallSid property (the
/// calls other ExotelPS cmdlets write, callbacks, CSV rows), keeping the piped object itself for error targets.
/// </summary>
public abstract class ExotelCallInputCommand : ExotelApiCommand
{
    /// <summary>The Sid of each call.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("CallSid")]
    public string[] Sid { get; set; } = Array.Empty<string>();

    /// <summary>The piped object (a call, a Sid, a callback row): the target of its error, if it has one.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The piped object, or for a Sid given by name the Sid itself.</summary>
    private protected PSObject InputFor(string sid) => InputObject ?? new PSObject(sid);
}

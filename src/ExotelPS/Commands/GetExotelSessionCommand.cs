using System.Management.Automation;
using ExotelPS.Sessions;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Gets the default Exotel session of this runspace (none before Connect-ExotelAccount).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ExotelSession")]
[OutputType(typeof(ExotelSession))]
public sealed class GetExotelSessionCommand : PSCmdlet
{
    /// <summary>Writes the default session, if there is one.</summary>
    protected override void EndProcessing()
    {
        if (DefaultSession.Current is { } session)
        {
            WriteObject(session);
        }
    }
}

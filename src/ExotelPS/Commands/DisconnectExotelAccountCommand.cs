using System.Management.Automation;
using ExotelPS.Resources;
using ExotelPS.Sessions;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Closes an Exotel session (default: this runspace's default session) and forgets it as the default.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "ExotelAccount")]
[OutputType(typeof(void))]
public sealed class DisconnectExotelAccountCommand : PSCmdlet
{
    /// <summary>The session to close (default: the default session).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ExotelSession? Session { get; set; }

    /// <summary>Closes the session.</summary>
    protected override void ProcessRecord()
    {
        var session = Session ?? DefaultSession.Current;
        if (session is null)
        {
            WriteVerbose(Strings.NoSessionToDisconnect);
            return;
        }

        DefaultSession.Clear(session);
        session.Dispose();
        WriteVerbose(Text.Format(Strings.Disconnected, session.AccountSid));
    }
}

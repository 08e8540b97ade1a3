using System.Management.Automation;
using ExotelPS.Pipeline;
using ExotelPS.Resources;
using ExotelPS.Sessions;

namespace ExotelPS.Commands;

/// <summary>A cmdlet that talks to Exotel through a session: the one given with -Session, else the runspace's default.</summary>
public abstract class ExotelApiCommand : ExotelCmdlet
{
    private ExotelSession? activeSession;

    /// <summary>The session to use instead of the default one (from Connect-ExotelAccount -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public ExotelSession? Session { get; set; }

    /// <summary>The session this command runs with, resolved in <see cref="BeginProcessing"/>.</summary>
    private protected ExotelSession ActiveSession =>
        activeSession ?? throw new InvalidOperationException("The session is resolved in BeginProcessing.");

    /// <summary>Resolves the session, stopping the command with a clear error when there is none.</summary>
    protected override void BeginProcessing()
    {
        var session = Session ?? DefaultSession.Current ?? throw Terminate(new ErrorRecord(
            new InvalidOperationException(Strings.NoSession), ErrorCatalog.NoSession, ErrorCategory.ConnectionError, null));
        if (session.IsDisconnected)
        {
            throw Terminate(new ErrorRecord(
                new InvalidOperationException(Text.Format(Strings.SessionDisconnected, session.AccountSid)),
                ErrorCatalog.SessionDisconnected,
                ErrorCategory.ConnectionError,
                session));
        }

        activeSession = session;
        ListenToTrace(session.Trace, session.Account);
    }
}

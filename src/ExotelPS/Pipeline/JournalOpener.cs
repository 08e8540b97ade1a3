using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Resources;

namespace ExotelPS.Pipeline;

/// <summary>Opens a command's journal, and turns the ways that can fail into the error the command stops with.</summary>
internal static class JournalOpener
{
    // How the journal records rows identified by -IdempotencyKey: this prefix and the property name.
    private const string IdentifiedByProperty = "property:";

    /// <summary>
    /// The journal at <paramref name="path"/> (a full file-system path, or a blob URL with its SAS; <paramref name="target"/>
    /// is what messages call it: what the user gave, without a SAS),
    /// or the error record that says why it cannot be used. Its lines are stamped with <paramref name="client"/>'s time
    /// (simulated time in a sped-up sandbox).
    /// </summary>
    public static (CallJournal? Journal, ErrorRecord? Failure) Open(string path, string target, ExotelClient client, string? idempotencyKey, bool allowIdentityChange)
    {
        var identifiedBy = idempotencyKey is null ? CallJournal.DefaultIdentity : IdentifiedByProperty + idempotencyKey;
        try
        {
            return (CallJournal.Open(path, client, identifiedBy, allowIdentityChange), null);
        }
        catch (JournalIdentityException ex)
        {
            return (null, new ErrorRecord(
                new IOException(Text.Format(Strings.JournalIdentityChanged, CallJournal.NameOf(path), Describe(ex.RecordedIdentity), Describe(ex.RequestedIdentity)), ex),
                ErrorCatalog.JournalIdentityChanged,
                ErrorCategory.InvalidOperation,
                target));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, new ErrorRecord(
                new IOException(Text.Format(Strings.JournalUnavailable, CallJournal.NameOf(path), ex.Message), ex),
                ErrorCatalog.JournalUnavailable,
                ErrorCategory.OpenError,
                target));
        }
    }

    private static string Describe(string identifiedBy) =>
        identifiedBy.StartsWith(IdentifiedByProperty, StringComparison.Ordinal)
            ? Text.Format(Strings.IdentityByProperty, identifiedBy.Substring(IdentifiedByProperty.Length))
            : identifiedBy == CallJournal.DefaultIdentity ? Strings.IdentityByDefault : identifiedBy;
}

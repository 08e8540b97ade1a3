using System.Management.Automation;
using ExotelPS.Client;

namespace ExotelPS.Pipeline;

/// <summary>
/// The stable ErrorIds and categories ExotelPS reports, so scripts can act on
/// <c>$_.FullyQualifiedErrorId -like 'RateLimited,*'</c> whatever the message says.
/// </summary>
internal static class ErrorCatalog
{
    public const string NoSession = "NoSession";
    public const string SessionDisconnected = "SessionDisconnected";
    public const string InvalidConnectionSettings = "InvalidConnectionSettings";
    public const string JournalUnavailable = "JournalUnavailable";
    public const string JournalIdentityChanged = "JournalIdentityChanged";
    public const string WaitTimeout = "WaitTimeout";
    public const string InvalidCallbackPayload = "InvalidCallbackPayload";
    public const string JournalInUse = "JournalInUse";
    public const string ReportInputUnknown = "ReportInputUnknown";
    public const string SeveralReports = "SeveralReports";
    public const string NoReportPiped = "NoReportPiped";
    public const string ReportUnwritable = "ReportUnwritable";

    /// <summary>The ErrorId and category of an engine failure.</summary>
    public static (string ErrorId, ErrorCategory Category) For(ExotelErrorKind kind) => kind switch
    {
        ExotelErrorKind.InvalidInput => ("InvalidInput", ErrorCategory.InvalidArgument),
        ExotelErrorKind.Unauthorized => ("Unauthorized", ErrorCategory.AuthenticationError),
        ExotelErrorKind.Forbidden => ("Forbidden", ErrorCategory.PermissionDenied),
        ExotelErrorKind.NotFound => ("NotFound", ErrorCategory.ObjectNotFound),
        ExotelErrorKind.RateLimited => ("RateLimited", ErrorCategory.LimitsExceeded),
        ExotelErrorKind.Rejected => ("RejectedByExotel", ErrorCategory.InvalidOperation),
        ExotelErrorKind.OutcomeUnknown => ("OutcomeUnknown", ErrorCategory.InvalidResult),
        ExotelErrorKind.Unreachable => ("Unreachable", ErrorCategory.ConnectionError),
        ExotelErrorKind.V3NotEnabled => ("V3NotEnabled", ErrorCategory.NotEnabled),
        ExotelErrorKind.NotSent => ("NotSent", ErrorCategory.OperationStopped),
        ExotelErrorKind.NotPlaced => ("NotPlaced", ErrorCategory.ObjectNotFound),
        ExotelErrorKind.WaitFailed => ("WaitFailed", ErrorCategory.OperationStopped),
        _ => ("ExotelError", ErrorCategory.NotSpecified),
    };

    /// <summary>An error record for one failed input, with the engine's exception inside and the input as target.</summary>
    public static ErrorRecord Create(ExotelException error, object? target)
    {
        var (errorId, category) = For(error.Kind);
        return new ErrorRecord(error, errorId, category, target);
    }
}

using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class ErrorCatalogTests
{
    [Theory]
    [InlineData(ExotelErrorKind.InvalidInput, "InvalidInput", ErrorCategory.InvalidArgument)]
    [InlineData(ExotelErrorKind.Unauthorized, "Unauthorized", ErrorCategory.AuthenticationError)]
    [InlineData(ExotelErrorKind.Forbidden, "Forbidden", ErrorCategory.PermissionDenied)]
    [InlineData(ExotelErrorKind.NotFound, "NotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(ExotelErrorKind.RateLimited, "RateLimited", ErrorCategory.LimitsExceeded)]
    [InlineData(ExotelErrorKind.Rejected, "RejectedByExotel", ErrorCategory.InvalidOperation)]
    [InlineData(ExotelErrorKind.OutcomeUnknown, "OutcomeUnknown", ErrorCategory.InvalidResult)]
    [InlineData(ExotelErrorKind.Unreachable, "Unreachable", ErrorCategory.ConnectionError)]
    [InlineData(ExotelErrorKind.V3NotEnabled, "V3NotEnabled", ErrorCategory.NotEnabled)]
    [InlineData(ExotelErrorKind.NotSent, "NotSent", ErrorCategory.OperationStopped)]
    [InlineData(ExotelErrorKind.WaitFailed, "WaitFailed", ErrorCategory.OperationStopped)]
    public void Each_kind_has_a_stable_error_id_and_category(ExotelErrorKind kind, string errorId, ErrorCategory category)
    {
        Assert.Equal((errorId, category), ErrorCatalog.For(kind));
    }

    [Fact]
    public void Every_kind_is_mapped_and_no_two_kinds_share_an_error_id()
    {
        var kinds = Enum.GetValues<ExotelErrorKind>();
        var errorIds = kinds.Select(kind => ErrorCatalog.For(kind).ErrorId).ToArray();

        Assert.DoesNotContain("ExotelError", errorIds);
        Assert.Equal(kinds.Length, errorIds.Distinct().Count());
    }

    [Fact]
    public void Error_ids_of_the_module_itself_are_distinct_from_the_engine_kinds()
    {
        var moduleIds = new[]
        {
            ErrorCatalog.NoSession, ErrorCatalog.SessionDisconnected, ErrorCatalog.InvalidConnectionSettings, ErrorCatalog.JournalUnavailable,
            ErrorCatalog.JournalIdentityChanged, ErrorCatalog.WaitTimeout, ErrorCatalog.InvalidCallbackPayload, ErrorCatalog.JournalInUse,
            ErrorCatalog.ReportInputUnknown, ErrorCatalog.SeveralReports, ErrorCatalog.ReportUnwritable, ErrorCatalog.NoReportPiped,
        };
        var kindIds = Enum.GetValues<ExotelErrorKind>().Select(kind => ErrorCatalog.For(kind).ErrorId);

        Assert.Empty(moduleIds.Intersect(kindIds));
        Assert.Equal(moduleIds.Length, moduleIds.Distinct().Count());
    }
}

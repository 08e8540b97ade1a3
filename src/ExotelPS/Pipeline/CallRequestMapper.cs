using ExotelPS.Client;
using ExotelPS.Commands;

namespace ExotelPS.Pipeline;

/// <summary>Builds the engine's request options from the parameters bound for one input row.</summary>
internal static class CallRequestMapper
{
    public static ConnectCallOptions ToRequest(ConnectExotelCallCommand command) => WithCommonFields(command, new ConnectCallOptions
    {
        To = command.To,
        WaitUrl = command.WaitUrl,
        Record = command.Record,
        RecordingChannels = command.RecordingChannels,
        RecordingFormat = command.RecordingFormat,
        StreamUrl = command.StreamUrl,
        StreamBegin = command.StreamBegin,
        StartPlaybackToNew = command.StartPlaybackTo,
        StartPlaybackValueNew = command.StartPlaybackValue,
    });

    /// <summary>PowerShell binds only one of FlowId and FlowUrl (they are separate parameter sets); the other stays empty.</summary>
    public static FlowCallOptions ToRequest(StartExotelFlowCallCommand command) => WithCommonFields(command, new FlowCallOptions
    {
        FlowId = NullIfEmpty(command.FlowId),
        FlowUrl = NullIfEmpty(command.FlowUrl),
    });

    public static ListCallsOptions ToRequest(GetExotelCallCommand command, int pageSize) => new()
    {
        Statuses = (command.Status ?? Array.Empty<string>()).Select(CallStatus.Parse).ToList(),
        From = command.From?.ToList() ?? new List<string>(),
        To = command.To?.ToList() ?? new List<string>(),
        Direction = command.Direction,
        CreatedAfter = AsOffset(command.After),
        CreatedBefore = AsOffset(command.Before),
        PageSize = pageSize,
    };

    private static TOptions WithCommonFields<TOptions>(PlaceCallCommand command, TOptions request)
        where TOptions : PlaceCallOptions
    {
        request.From = command.From;
        request.CallerId = command.CallerId;
        request.CallType = command.CallType;
        request.TimeLimit = command.TimeLimit;
        request.TimeOut = command.TimeOut;
        request.CustomField = command.CustomField;
        request.StatusCallback = command.StatusCallback;
        request.StatusCallbackEvents = command.StatusCallbackEvents?.ToList() ?? new List<StatusCallbackEvent>();
        request.StatusCallbackContentType = command.StatusCallbackContentType;
        return request;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // Get-Date gives local times; an unspecified kind is read as local too, as PowerShell users expect.
    private static DateTimeOffset? AsOffset(DateTime? time) =>
        time is { } value ? new DateTimeOffset(value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local)) : null;
}

using ExotelPS.Client;
using ExotelPS.Commands;

namespace ExotelPS.Pipeline;

/// <summary>
/// Builds the engine's request options from the parameters bound for one input row. Choice, number and yes/no
/// parameters arrive as text (a CSV cell binds to any string), so a bad cell becomes a validation failure of its own
/// row, in its place, instead of a binding error ahead of the earlier rows' results.
/// </summary>
internal static class CallRequestMapper
{
    public static ConnectCallOptions ToRequest(ConnectExotelCallCommand command, ICollection<ValidationFailure> failures) =>
        WithCommonFields(command, failures, new ConnectCallOptions
        {
            To = command.To,
            WaitUrl = command.WaitUrl,
            Record = Read(nameof(command.Record), command.Record, LenientParser.ToBoolean, failures),
            RecordingChannels = Choice<RecordingChannels>(nameof(command.RecordingChannels), command.RecordingChannels, failures),
            RecordingFormat = Choice<RecordingFormat>(nameof(command.RecordingFormat), command.RecordingFormat, failures),
            StreamUrl = command.StreamUrl,
            StreamBegin = Choice<StreamBegin>(nameof(command.StreamBegin), command.StreamBegin, failures),
            StartPlaybackToNew = Choice<StartPlaybackTo>(nameof(command.StartPlaybackTo), command.StartPlaybackTo, failures),
            StartPlaybackValueNew = command.StartPlaybackValue,
        });

    /// <summary>PowerShell binds only one of FlowId and FlowUrl (they are separate parameter sets); the other stays empty.</summary>
    public static FlowCallOptions ToRequest(StartExotelFlowCallCommand command, ICollection<ValidationFailure> failures) =>
        WithCommonFields(command, failures, new FlowCallOptions
        {
            FlowId = NullIfEmpty(command.FlowId),
            FlowUrl = NullIfEmpty(command.FlowUrl),
        });

    public static ListCallsOptions ToRequest(GetExotelCallCommand command, int pageSize) => new()
    {
        Statuses = (command.Status ?? Array.Empty<string>()).Select(CallStatus.Parse).ToList(),
        From = command.From?.ToList() ?? new List<string>(),
        To = command.To?.ToList() ?? new List<string>(),
        // ValidateSet has checked the spelling already.
        Direction = Choice<CallDirection>(nameof(command.Direction), command.Direction, new List<ValidationFailure>()),
        CreatedAfter = AsOffset(command.After),
        CreatedBefore = AsOffset(command.Before),
        PageSize = pageSize,
    };

    private static TOptions WithCommonFields<TOptions>(PlaceCallCommand command, ICollection<ValidationFailure> failures, TOptions request)
        where TOptions : PlaceCallOptions
    {
        request.From = command.From;
        request.CallerId = command.CallerId;
        request.CallType = Choice<CallType>(nameof(command.CallType), command.CallType, failures);
        request.TimeLimit = Read(nameof(command.TimeLimit), command.TimeLimit, LenientParser.ToInt32, failures);
        request.TimeOut = Read(nameof(command.TimeOut), command.TimeOut, LenientParser.ToInt32, failures);
        request.CustomField = command.CustomField;
        request.StatusCallback = command.StatusCallback;
        request.StatusCallbackEvents = Choices<StatusCallbackEvent>(nameof(command.StatusCallbackEvents), command.StatusCallbackEvents, failures);
        request.StatusCallbackContentType = Choice<StatusCallbackContentType>(nameof(command.StatusCallbackContentType), command.StatusCallbackContentType, failures);
        return request;
    }

    /// <summary>One value by Exotel's spelling (<c>mp3-hq</c>) or its .NET name (<c>Mp3Hq</c>); blank means not given.</summary>
    private static TEnum? Choice<TEnum>(string field, string? text, ICollection<ValidationFailure> failures)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ExotelWireNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        failures.Add(new ValidationFailure(field, text, "must be one of: " + string.Join(", ", ExotelWireNames.AllOf<TEnum>())));
        return null;
    }

    /// <summary>A number or yes/no read from text; blank means not given.</summary>
    private static TValue? Read<TValue>(string field, string? text, Func<object?, TValue?> parse, ICollection<ValidationFailure> failures)
        where TValue : struct
    {
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            failures.Add(new ValidationFailure(field, text, e.Message));
            return null;
        }
    }

    /// <summary>Several values: an array, or one CSV cell separated by commas or semicolons.</summary>
    private static List<TEnum> Choices<TEnum>(string field, string[]? texts, ICollection<ValidationFailure> failures)
        where TEnum : struct, Enum =>
        (texts ?? Array.Empty<string>())
            .SelectMany(text => text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            .Select(text => Choice<TEnum>(field, text, failures))
            .OfType<TEnum>()
            .ToList();

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // Get-Date gives local times; an unspecified kind is read as local too, as PowerShell users expect.
    private static DateTimeOffset? AsOffset(DateTime? time) =>
        time is { } value ? new DateTimeOffset(value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local)) : null;
}

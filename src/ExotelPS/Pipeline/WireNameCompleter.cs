using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ExotelPS.Client;

namespace ExotelPS.Pipeline;

/// <summary>
/// Tab completion for the choice parameters, which are typed as text so that a bad CSV cell reaches the module's
/// own validation instead of failing binding. Completes Exotel's spellings (<c>mp3-hq</c>, <c>application/json</c>).
/// </summary>
internal sealed class WireNameCompleter : IArgumentCompleter
{
    private static readonly Dictionary<string, Type> ChoicesOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CallType"] = typeof(CallType),
        ["RecordingChannels"] = typeof(RecordingChannels),
        ["RecordingFormat"] = typeof(RecordingFormat),
        ["StreamBegin"] = typeof(StreamBegin),
        ["StartPlaybackTo"] = typeof(StartPlaybackTo),
        ["StatusCallbackEvents"] = typeof(StatusCallbackEvent),
        ["StatusCallbackContentType"] = typeof(StatusCallbackContentType),
    };

    /// <summary>Exotel's spellings of the values <paramref name="parameterName"/> takes; none for another parameter.</summary>
    public static IEnumerable<string> ChoicesFor(string parameterName) =>
        ChoicesOf.TryGetValue(parameterName, out var choices) ? Enum.GetValues(choices).Cast<Enum>().Select(ExotelWireNames.ToWire) : Enumerable.Empty<string>();

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = wordToComplete.Trim('\'', '"');
        return ChoicesFor(parameterName)
            .Where(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
    }
}

using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Pipeline;

namespace ExotelPS.Commands;

/// <summary>
/// <para type="synopsis">Connects two numbers: Exotel rings From (the agent), then To (the customer), and bridges them.</para>
/// <para type="description">Pipe rows from Import-Csv: every parameter binds by column name. Calls are placed concurrently inside the session's rate limit and written in input order, each with Outcome 'Placed'; a row that fails is a non-terminating error whose TargetObject is the row. With -JournalPath, rows an earlier run handled are written with Outcome 'Skipped' and not placed again.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "ExotelCall", DefaultParameterSetName = AgentSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ExotelCall))]
public sealed class ConnectExotelCallCommand : PlaceCallCommand
{
    private const string AgentSet = "Agent";
    private const string AgentPoolSet = "AgentPool";

    /// <summary>The number rung first (the agent): required, unless -AgentPool gives rows without one an agent.</summary>
    [Parameter(ParameterSetName = AgentSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = AgentPoolSet, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("Agent", "AgentNumber")]
    public override string From { get; set; } = string.Empty;

    /// <summary>Agent numbers: each row with no From gets the next agent with room (no live call, wrap-up over).</summary>
    [Parameter(ParameterSetName = AgentPoolSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [Alias("Agents")]
    public string[] AgentPool { get; set; } = Array.Empty<string>();

    /// <summary>The customer's number, rung once From answers.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("Phone", "PhoneNumber", "Mobile", "Number", "Customer")]
    public string To { get; set; } = string.Empty;

    /// <summary>A WAV file URL played to From while To rings.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("WaitAudioUrl")]
    public string? WaitUrl { get; set; }

    /// <summary>Record the conversation (true/false, yes/no, 1/0), typed as text so a bad cell fails its own row.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Recording")]
    public string? Record { get; set; }

    /// <summary>single (both legs merged) or dual (one channel per leg).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(WireNameCompleter))]
    [Alias("Channels")]
    public string? RecordingChannels { get; set; }

    /// <summary>mp3 or mp3-hq.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(WireNameCompleter))]
    public string? RecordingFormat { get; set; }

    /// <summary>A ws:// or wss:// URL that receives the call's audio in real time.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("StreamingUrl")]
    public string? StreamUrl { get; set; }

    /// <summary>When streaming begins: Leg1Connect or Leg2Connect.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(WireNameCompleter))]
    public string? StreamBegin { get; set; }

    /// <summary>Who hears the pre-call audio: Callee or Both.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(WireNameCompleter))]
    [Alias("StartPlaybackToNew")]
    public string? StartPlaybackTo { get; set; }

    /// <summary>An audio URL played before the call connects.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("StartPlaybackValueNew")]
    public string? StartPlaybackValue { get; set; }

    private protected override IReadOnlyList<string> AgentPoolNumbers => AgentPool;

    /// <summary>The request this row's parameters describe; a value that cannot be read is added to <paramref name="failures"/>.</summary>
    internal ConnectCallOptions ToRequest(ICollection<ValidationFailure> failures)
    {
        var request = new ConnectCallOptions
        {
            To = To,
            WaitUrl = WaitUrl,
            Record = CellValues.Read(nameof(Record), Record, LenientParser.ToBoolean, failures),
            RecordingChannels = CellValues.Choice<Client.RecordingChannels>(nameof(RecordingChannels), RecordingChannels, failures),
            RecordingFormat = CellValues.Choice<Client.RecordingFormat>(nameof(RecordingFormat), RecordingFormat, failures),
            StreamUrl = StreamUrl,
            StreamBegin = CellValues.Choice<Client.StreamBegin>(nameof(StreamBegin), StreamBegin, failures),
            StartPlaybackToNew = CellValues.Choice<Client.StartPlaybackTo>(nameof(StartPlaybackTo), StartPlaybackTo, failures),
            StartPlaybackValueNew = StartPlaybackValue,
        };
        FillCommonFields(request, failures);
        return request;
    }

    private protected override PlaceCallOptions CreateRequest(ICollection<ValidationFailure> failures) => ToRequest(failures);
}

using System.Management.Automation;
using ExotelPS.Client;
using ExotelPS.Client.Campaigns;

namespace ExotelPS.Pipeline;

/// <summary>
/// Call objects as the cmdlets write them: the engine's <see cref="ExotelCall"/> with the <c>ExotelPS.Call</c>
/// type name (for the table view) and, after placing, what the call was placed with.
/// </summary>
internal static class CallOutput
{
    public const string TypeName = "ExotelPS.Call";
    public const string DetailTypeName = "ExotelPS.CallDetail";
    public const string OutcomeProperty = "Outcome";
    public const string CallerIdProperty = "CallerId";
    public const string CustomFieldProperty = "CustomField";

    /// <summary>The Outcome of a row in doubt whose call reconciliation found.</summary>
    public const string FoundOutcome = "Found";

    /// <summary>The Outcome of a row whose call was placed now.</summary>
    public const string PlacedOutcome = "Placed";

    /// <summary>The Outcome of a row the journal shows placed by an earlier run (or earlier in this one).</summary>
    public const string SkippedOutcome = "Skipped";

    /// <summary>A campaign's property: attempts on the customer so far (what -MaxAttempts counts).</summary>
    public const string AttemptsProperty = "Attempts";

    /// <summary>A campaign's property: calls whose agent never answered, put back without counting as attempts.</summary>
    public const string AgentMissesProperty = "AgentMisses";

    /// <summary>A campaign's property: when the row's next attempt is due; empty when the row is finished.</summary>
    public const string NextAttemptAtProperty = "NextAttemptAt";

    // Set when placing and carried through Wait-ExotelCall, so an exported CSV can be joined back to its input.
    private static readonly string[] CarriedProperties = { CallerIdProperty, CustomFieldProperty };

    public static PSObject Create(ExotelCall call)
    {
        var output = new PSObject(call);
        output.TypeNames.Insert(0, TypeName);
        return output;
    }

    /// <summary>Voice v3 details, with the <c>ExotelPS.CallDetail</c> type name for their own table view.</summary>
    public static PSObject Detail(ExotelCallDetail detail)
    {
        var output = new PSObject(detail);
        output.TypeNames.Insert(0, DetailTypeName);
        return output;
    }

    /// <summary>
    /// A StatusCallback or an applet's request as the call it reports, plus what only a callback carries: its Kind,
    /// EventType, CustomField, an applet's DialCallStatus and CallType, the DeliveryKey that repeated deliveries share,
    /// when it was read, and the fields Exotel does not document.
    /// </summary>
    public static PSObject Callback(StatusCallback callback, DateTimeOffset receivedAt)
    {
        var output = Create(callback.Call);
        var unknown = new System.Collections.Specialized.OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var field in callback.UnknownFields)
        {
            unknown[field.Key] = field.Value;
        }

        output.Properties.Add(new PSNoteProperty("Kind", callback.Kind.ToString()));
        output.Properties.Add(new PSNoteProperty("EventType", callback.EventType));
        output.Properties.Add(new PSNoteProperty(CustomFieldProperty, callback.CustomField));
        output.Properties.Add(new PSNoteProperty("DialCallStatus", callback.DialCallStatus?.Value));
        output.Properties.Add(new PSNoteProperty("CallType", callback.CallType));
        output.Properties.Add(new PSNoteProperty("DeliveryKey", callback.DeliveryKey));
        output.Properties.Add(new PSNoteProperty("ReceivedAt", receivedAt));
        output.Properties.Add(new PSNoteProperty("UnknownFields", unknown));
        return output;
    }

    /// <summary>A placed row: the call plus Outcome 'Placed', its CallerId and CustomField.</summary>
    public static PSObject Placed(ExotelCall call, PlaceCallOptions? request) =>
        WithPlacement(Create(call), PlacedOutcome, request?.CallerId, request?.CustomField);

    /// <summary>A row the journal skipped, shaped like a placed row so Export-Csv and Wait-ExotelCall take both.</summary>
    public static PSObject Skipped(SkippedCall skipped) => Known(skipped, SkippedOutcome);

    /// <summary>A row in doubt whose call reconciliation found in Exotel's listing: shaped as a skipped row, Outcome 'Found'.</summary>
    public static PSObject Found(SkippedCall found) => Known(found, FoundOutcome);

    private static PSObject Known(SkippedCall skipped, string outcome) =>
        WithPlacement(Numbers(skipped), outcome, skipped.CallerId, skipped.CustomField);

    // A row known by its numbers and the Sid the journal gave it (empty when none).
    private static PSObject Numbers(SkippedCall skipped)
    {
        var output = new PSObject();
        output.TypeNames.Insert(0, TypeName);
        output.Properties.Add(new PSNoteProperty(nameof(SkippedCall.Sid), skipped.Sid));
        output.Properties.Add(new PSNoteProperty(nameof(SkippedCall.From), skipped.From));
        output.Properties.Add(new PSNoteProperty(nameof(SkippedCall.To), skipped.To));
        return output;
    }

    // Reached, GaveUp, or Pending (a row due again, in this run's time or a later run's).
    private static string CampaignOutcome(RowState state) => state switch
    {
        RowState.Reached => nameof(RowState.Reached),
        RowState.GaveUp => nameof(RowState.GaveUp),
        _ => nameof(RowState.Pending),
    };

    /// <summary>
    /// A campaign's row, done for this run: its last call (Sid, Status, Duration, ...; only its numbers when it was
    /// never dialled), Outcome Reached, GaveUp or Pending, its Attempts, AgentMisses and NextAttemptAt.
    /// </summary>
    public static PSObject Campaign<TInput>(DispatchResult<TInput> result)
    {
        var decision = result.Decision!;
        var output = result.Call is { } call ? Create(call) : Numbers(SkippedCall.Of(result));
        WithPlacement(output, CampaignOutcome(decision.State), result.Request?.CallerId, result.Request?.CustomField);
        output.Properties.Add(new PSNoteProperty(AttemptsProperty, decision.CustomerAttempts));
        output.Properties.Add(new PSNoteProperty(AgentMissesProperty, decision.AgentMisses));
        output.Properties.Add(new PSNoteProperty(NextAttemptAtProperty, decision.NextAttemptAt));
        return output;
    }

    /// <summary>A call as last read, keeping what its input carried from placing.</summary>
    public static PSObject Final(ExotelCall call, PSObject input)
    {
        var output = Create(call);
        foreach (var name in CarriedProperties)
        {
            if (input.Properties[name] is { } carried)
            {
                output.Properties.Add(new PSNoteProperty(name, carried.Value));
            }
        }

        return output;
    }

    private static PSObject WithPlacement(PSObject output, string outcome, string? callerId, string? customField)
    {
        output.Properties.Add(new PSNoteProperty(OutcomeProperty, outcome));
        output.Properties.Add(new PSNoteProperty(CallerIdProperty, callerId));
        output.Properties.Add(new PSNoteProperty(CustomFieldProperty, customField));
        return output;
    }
}

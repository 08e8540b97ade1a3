using ExotelPS.Client;

namespace ExotelPS.Pipeline;

/// <summary>
/// What is known of a row the journal skipped: nothing was sent this run, so only the Sid the journal recorded
/// and the row's own numbers. Written as an <c>ExotelPS.Call</c> with Outcome 'Skipped'; Wait-ExotelCall reads the rest.
/// </summary>
/// <remarks>
/// Deliberately not an <see cref="ExotelCall"/>: its init-only setters cannot be called from this netstandard2.0
/// assembly when PowerShell 7 runs the net8.0 engine (the setters' IsExternalInit marker differs between the builds).
/// </remarks>
internal sealed class SkippedCall
{
    private SkippedCall(string sid, string? from, string? to, string? callerId, string? customField)
    {
        Sid = sid;
        From = from;
        To = to;
        CallerId = callerId;
        CustomField = customField;
    }

    public string Sid { get; }

    public string? From { get; }

    /// <summary>The customer for a connect call; the ExoPhone for a flow call, as Exotel reports flow calls.</summary>
    public string? To { get; }

    public string? CallerId { get; }

    public string? CustomField { get; }

    public static SkippedCall Of<TInput>(DispatchResult<TInput> result) => Of(result, result.CallSid);

    /// <summary>The row of <paramref name="result"/> with the call <paramref name="sid"/> (one reconciliation found).</summary>
    public static SkippedCall Of<TInput>(DispatchResult<TInput> result, string? sid) => new(
        sid ?? string.Empty,
        result.Request?.From,
        result.Request is ConnectCallOptions connect ? connect.To : result.Request?.CallerId,
        result.Request?.CallerId,
        result.Request?.CustomField);
}

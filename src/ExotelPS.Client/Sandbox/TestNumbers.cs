namespace ExotelPS.Client.Sandbox;

/// <summary>
/// The simulator's test numbers: the last three digits of the dialled number (To, or From for a call to a flow)
/// choose how the call ends, after SIP's codes. Any other number is ordinary: it completes, or ends as
/// <see cref="CallOutcomes"/> draws it.
/// </summary>
internal static class TestNumbers
{
    /// <summary>Ending in 403: refused at once with HTTP 403, as Exotel refuses numbers on the NDNC list.</summary>
    public const string DoNotCall = "403";

    public static bool IsDoNotCall(string number) => number.EndsWith(DoNotCall, StringComparison.Ordinal);

    /// <summary>The fixed outcome of a test number; null for an ordinary number.</summary>
    public static CallStatus? FinalStatusOf(string number) =>
        number.Length < 3 ? null : number.Substring(number.Length - 3) switch
        {
            "486" => CallStatus.Busy,
            "480" => CallStatus.NoAnswer,
            "404" => CallStatus.Failed,
            _ => (CallStatus?)null,
        };

    /// <summary>
    /// A connect call whose agent (From) is a busy or no-answer test number: the agent's leg ends so and the customer
    /// is never rung, as Exotel reports it (overall that status, Leg1Status too, no Leg2Status); null otherwise.
    /// </summary>
    public static CallStatus? AgentMissOf(PlaceCallOptions request) =>
        request is ConnectCallOptions && FinalStatusOf(PhoneNumber.TryNormalize(request.From, out _) ?? request.From ?? string.Empty) is { } status && status != CallStatus.Failed
            ? status
            : (CallStatus?)null;

    /// <summary>Exotel echoes Indian numbers in national form: +91 and 10 digits, or a bare mobile, become 0 and 10 digits.</summary>
    public static string NationalForm(string raw) => PhoneNumber.NationalForm(raw);
}

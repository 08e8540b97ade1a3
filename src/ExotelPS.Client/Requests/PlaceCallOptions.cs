namespace ExotelPS.Client;

/// <summary>
/// What every call request shares: who is rung first, the caller id, limits and the status callback.
/// <see cref="ConnectCallOptions"/> connects two numbers; <see cref="FlowCallOptions"/> connects a number to a call flow.
/// </summary>
public abstract class PlaceCallOptions
{
    /// <summary>Longest call Exotel allows, in seconds (4 hours).</summary>
    public const int MaxTimeLimit = 14400;

    /// <summary>Longest ring time Exotel allows, in seconds.</summary>
    public const int MaxTimeOut = 60;

    /// <summary>Longest CustomField Exotel allows.</summary>
    public const int MaxCustomFieldLength = 128;

    private protected PlaceCallOptions()
    {
    }

    /// <summary>The number rung first (the agent). Required.</summary>
    public string? From { get; set; }

    /// <summary>Your ExoPhone (virtual number), shown as caller id. Required.</summary>
    public string? CallerId { get; set; }

    /// <summary>trans for a transactional call.</summary>
    public CallType? CallType { get; set; }

    /// <summary>Longest the call may last, 1 to 14400 seconds.</summary>
    public int? TimeLimit { get; set; }

    /// <summary>How long each leg rings, 1 to 60 seconds.</summary>
    public int? TimeOut { get; set; }

    /// <summary>Your own value (an order id, say), at most 128 characters, passed back to callbacks and applets.</summary>
    public string? CustomField { get; set; }

    /// <summary>An http(s) URL Exotel POSTs the call's status to.</summary>
    public string? StatusCallback { get; set; }

    /// <summary>Which events trigger the status callback.</summary>
    public IList<StatusCallbackEvent> StatusCallbackEvents { get; set; } = new List<StatusCallbackEvent>();

    /// <summary>How the status callback is encoded.</summary>
    public StatusCallbackContentType? StatusCallbackContentType { get; set; }

    /// <summary>What is dialled after From answers: the To number, or the flow.</summary>
    public abstract string? Target { get; }

    /// <summary>Every field that would be refused, without sending anything.</summary>
    public IReadOnlyList<ValidationFailure> Validate() => Check("validate").Failures;

    /// <summary>
    /// The form fields exactly as Exotel expects them, in documented order.
    /// </summary>
    /// <exception cref="ExotelValidationException">A field is invalid; every failing field is named.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> ToForm(string accountSid)
    {
        var validator = Build(accountSid);
        validator.ThrowIfInvalid();
        return validator.Form;
    }

    /// <summary>
    /// Checks every field once, keeping the form the valid ones make: a request that passes is sent with this form,
    /// not checked again (<see cref="CheckedRequest"/>).
    /// </summary>
    internal (IReadOnlyList<ValidationFailure> Failures, List<KeyValuePair<string, string>> Form) Check(string accountSid)
    {
        var validator = Build(accountSid);
        return (validator.Failures, validator.Form);
    }

    /// <summary>A one-line description for -WhatIf and logs, e.g. <c>09900000001 -> 09900000002 as 0XXXXXX4890</c>.</summary>
    public override string ToString() => $"{From} -> {Target} as {CallerId}";

    /// <summary>Adds every field in the order the operation's Exotel documentation lists them.</summary>
    private protected abstract void AddFields(RequestValidator validator, string accountSid);

    private protected void AddLimits(RequestValidator validator)
    {
        validator.Enum(WireField.CallType, CallType);
        validator.Range(WireField.TimeLimit, TimeLimit, 1, MaxTimeLimit);
        validator.Range(WireField.TimeOut, TimeOut, 1, MaxTimeOut);
    }

    private protected void AddCustomField(RequestValidator validator) => validator.Text(WireField.CustomField, CustomField, MaxCustomFieldLength);

    private protected void AddStatusCallback(RequestValidator validator)
    {
        validator.Url(WireField.StatusCallback, StatusCallback);
        var events = StatusCallbackEvents ?? Array.Empty<StatusCallbackEvent>();
        var index = 0;
        foreach (var callbackEvent in events.Distinct())
        {
            validator.Enum($"StatusCallbackEvents[{index++}]", callbackEvent);
        }

        validator.Enum(WireField.StatusCallbackContentType, StatusCallbackContentType);
    }

    private RequestValidator Build(string accountSid)
    {
        var validator = new RequestValidator();
        AddFields(validator, accountSid);
        return validator;
    }
}

namespace ExotelPS.Client.Sandbox;

/// <summary>A status callback waiting for its time.</summary>
internal sealed class PendingCallback
{
    private readonly RecordedCall call;
    private readonly StatusCallbackEvent callbackEvent;

    public PendingCallback(RecordedCall call, StatusCallbackEvent callbackEvent, DateTimeOffset dueAt)
    {
        this.call = call;
        this.callbackEvent = callbackEvent;
        DueAt = dueAt;
    }

    public DateTimeOffset DueAt { get; }

    /// <summary>The payload as the call stands at its due time (not later, so a late poll sends the same thing).</summary>
    public StatusCallbackDelivery ToDelivery(DateTimeOffset now) =>
        new(
            call.Sid,
            call.Request.StatusCallback!,
            callbackEvent,
            call.Request.StatusCallbackContentType == StatusCallbackContentType.Json,
            CallView.CallbackPayload(new CallSnapshot(call, DueAt > now ? now : DueAt), callbackEvent));
}

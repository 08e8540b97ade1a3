using ExotelPS.Client.Sandbox;

namespace ExotelPS.Emulator;

/// <summary>
/// Sends status callbacks as they fall due, polling the simulator (calls have no timers of their own) only while some
/// are pending, so an emulator with none costs no CPU. Only loopback URLs are ever contacted: any other callback is
/// refused, logged and recorded, never sent.
/// </summary>
internal sealed class CallbackSender : BackgroundService
{
    public const string HttpClientName = "callbacks";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ExotelSimulator simulator;
    private readonly IHttpClientFactory clients;
    private readonly ILogger<CallbackSender> logger;

    public CallbackSender(ExotelSimulator simulator, IHttpClientFactory clients, ILogger<CallbackSender> logger)
    {
        this.simulator = simulator;
        this.clients = clients;
        this.logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await simulator.CallbacksPending.WaitAsync(stoppingToken);
            await Task.Delay(PollInterval, stoppingToken);
            foreach (var delivery in simulator.TakeDueCallbacks())
            {
                // Sent concurrently, so one slow receiver does not hold back the others.
                _ = SendAsync(delivery, stoppingToken);
            }
        }
    }

    private async Task SendAsync(StatusCallbackDelivery delivery, CancellationToken cancellationToken)
    {
        if (!delivery.IsLoopbackTarget)
        {
            logger.LogWarning("Status callback for call {CallSid} to {Url} refused: the emulator only calls loopback addresses.", delivery.CallSid, delivery.Url);
            delivery.Complete(CallbackOutcome.Refused, "not a loopback URL");
            return;
        }

        try
        {
            using var content = delivery.CreateContent();
            using var response = await clients.CreateClient(HttpClientName).PostAsync(delivery.Url, content, cancellationToken);
            delivery.Complete(CallbackOutcome.Delivered, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Status callback for call {CallSid} to {Url} failed: {Reason}", delivery.CallSid, delivery.Url, exception.Message);
            delivery.Complete(CallbackOutcome.Failed, exception.Message);
        }
    }
}

using System.Collections.Concurrent;

namespace ExotelPS.Client.Tests.Bulk;

/// <summary>
/// Stands in for <c>ExotelClient.PlaceCallAsync</c>: records every request, counts calls running at once, and gets
/// each answer from the test. Rows are told apart by CustomField, which <see cref="Request"/> sets to the row number.
/// </summary>
internal sealed class FakeExotel
{
    private readonly Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> answer;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ExotelCall>> gates = new();
    private int running;
    private int maxRunning;

    /// <summary>A fake that answers each call by <paramref name="answer"/>.</summary>
    public FakeExotel(Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> answer) => this.answer = answer;

    /// <summary>A fake whose calls wait until the test settles them with <see cref="Answer"/> or <see cref="Fail"/>.</summary>
    public FakeExotel() => answer = (request, _) => GateOf(request.CustomField!).Task;

    public ConcurrentQueue<PlaceCallOptions> Received { get; } = new();

    public ConcurrentQueue<CancellationToken> Tokens { get; } = new();

    public int Calls => Received.Count;

    public int MaxRunning => Volatile.Read(ref maxRunning);

    public static ConnectCallOptions Request(int row) => new()
    {
        From = "09900000001",
        To = "09" + row.ToString("D9", System.Globalization.CultureInfo.InvariantCulture),
        CallerId = "08030752400",
        CustomField = row.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static ExotelCall CallFor(PlaceCallOptions request) => new() { Sid = "sid-" + request.CustomField, Status = CallStatus.Queued };

    public static ExotelApiException ApiError(ExotelErrorKind kind, bool mayHaveBeenPlaced = false) =>
        new(kind, "POST", "/v1/Accounts/test/Calls/connect.json", mayHaveBeenPlaced ? 503 : 409, null, "test error", null, mayHaveBeenPlaced);

    /// <summary>Waits, generously, until <paramref name="condition"/> holds; fails the test if it never does.</summary>
    public async Task<ExotelCall> PlaceCallAsync(PlaceCallOptions request, CancellationToken cancellationToken)
    {
        Received.Enqueue(request);
        Tokens.Enqueue(cancellationToken);
        var now = Interlocked.Increment(ref running);
        for (var max = maxRunning; now > max; max = maxRunning)
        {
            Interlocked.CompareExchange(ref maxRunning, now, max);
        }

        try
        {
            return await answer(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    public void Answer(int row) => GateOf(Key(row)).SetResult(CallFor(Request(row)));

    public void Fail(int row, Exception error) => GateOf(Key(row)).SetException(error);

    public void WaitForCalls(int count) => Eventually.True(() => Calls >= count, $"{count} calls were placed");

    private static string Key(int row) => row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private TaskCompletionSource<ExotelCall> GateOf(string key) =>
        gates.GetOrAdd(key, _ => new TaskCompletionSource<ExotelCall>(TaskCreationOptions.RunContinuationsAsynchronously));
}

using System.Text;

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// The call logic of a simulated Exotel, shared by the offline sandbox and the emulator: accounts and Basic auth,
/// validation, a per-account rate limit, call lifecycles computed from creation time, listing, status callbacks
/// falling due, and injected faults. Thread-safe. Transports map their requests to <see cref="Handle"/>.
/// </summary>
public sealed class ExotelSimulator
{
    private static readonly TimeSpan QuickEnd = TimeSpan.FromSeconds(1);

    private readonly object gate = new();
    private readonly Dictionary<string, string> authorizations = new(StringComparer.Ordinal);
    private readonly RateLimiter rateLimiter = new();
    private readonly List<RecordedCall> calls = new();
    private readonly Dictionary<string, RecordedCall> callsBySid = new(StringComparer.Ordinal);
    private readonly List<InjectedFault> faults = new();
    private readonly CallbackSchedule callbacks = new();
    private readonly Random random;
    private readonly CallDurations durations;
    private readonly CallOutcomes outcomes;
    private FaultSettings faultSettings;
    private long callCount;
    private long requestCount;
    private long rateLimitedCount;

    /// <summary>Creates a simulated Exotel with no accounts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (<see cref="SimulatorOptions.Validate"/>).</exception>
    public ExotelSimulator(SimulatorOptions? options = null)
    {
        Options = options ?? new SimulatorOptions();
        Options.Validate();
        Time = Options.Speed == 1 ? Options.TimeProvider : new ScaledTimeProvider(Options.Speed, Options.TimeProvider);
        random = new Random(Options.Seed);
        durations = new CallDurations(Options);
        outcomes = new CallOutcomes(Options);
        faultSettings = Options.Faults.Clone();
    }

    /// <summary>The settings this simulator runs with.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>The simulated Exotel's time: <see cref="SimulatorOptions.TimeProvider"/> run at <see cref="SimulatorOptions.Speed"/>.</summary>
    public TimeProvider Time { get; }

    /// <summary>The faults injected from now on (a copy; assign a new value to change them).</summary>
    public FaultSettings Faults
    {
        get { lock (gate) { return faultSettings.Clone(); } }
        set { lock (gate) { faultSettings = value.Clone(); } }
    }

    /// <summary>
    /// The calls kept, oldest first: every call accepted, up to <see cref="SimulatorOptions.MaxRetainedCalls"/>; past
    /// it the oldest final calls are forgotten.
    /// </summary>
    public IReadOnlyList<RecordedCall> Calls { get { lock (gate) { return calls.ToArray(); } } }

    /// <summary>Every fault injected so far, oldest first.</summary>
    public IReadOnlyList<InjectedFault> InjectedFaults { get { lock (gate) { return faults.ToArray(); } } }

    /// <summary>Every status callback that has fallen due, with what became of it.</summary>
    public IReadOnlyList<StatusCallbackDelivery> CallbackDeliveries { get { lock (gate) { return callbacks.Delivered; } } }

    /// <summary>Calls accepted, whether still kept or forgotten.</summary>
    public long CallCount => Interlocked.Read(ref callCount);

    /// <summary>Requests received, on any route, whatever their answer.</summary>
    public long RequestCount => Interlocked.Read(ref requestCount);

    /// <summary>Answers sent with HTTP 429.</summary>
    public long RateLimitedCount => Interlocked.Read(ref rateLimitedCount);

    /// <summary>Completes once a status callback is waiting for its time: a sender need not look before then.</summary>
    public Task CallbacksPending { get { lock (gate) { return callbacks.SomethingPending; } } }

    /// <summary>Faults injected.</summary>
    public int FaultCount { get { lock (gate) { return faults.Count; } } }

    /// <summary>Registers an account whose requests authenticate with HTTP Basic <paramref name="apiKey"/>:<paramref name="apiToken"/>.</summary>
    public void AddAccount(string accountSid, string apiKey, string apiToken)
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":" + apiToken));
        lock (gate)
        {
            authorizations[accountSid] = header;
        }
    }

    /// <summary>Forgets calls, faults, callbacks, counters and rate windows; keeps accounts and fault settings.</summary>
    public void Reset()
    {
        lock (gate)
        {
            calls.Clear();
            callsBySid.Clear();
            faults.Clear();
            callbacks.Clear();
            rateLimiter.Clear();
            Interlocked.Exchange(ref callCount, 0);
            Interlocked.Exchange(ref requestCount, 0);
            Interlocked.Exchange(ref rateLimitedCount, 0);
        }
    }

    /// <summary>The status callbacks that have fallen due since the last call, ready to send.</summary>
    public IReadOnlyList<StatusCallbackDelivery> TakeDueCallbacks()
    {
        lock (gate)
        {
            return callbacks.TakeDue(Time.GetUtcNow());
        }
    }

    /// <summary>Answers one request: auth, rate limit, then the endpoint, with faults drawn from the seeded random source.</summary>
    public SimulatorResponse Handle(SimulatorRequest request)
    {
        Interlocked.Increment(ref requestCount);
        var route = ApiRoute.Parse(request.Method, request.Path);
        lock (gate)
        {
            var now = Time.GetUtcNow();
            if (route.AccountSid is null)
            {
                return SimulatorAnswers.Error(404, $"No such resource: {request.Path}", route);
            }

            if (!authorizations.TryGetValue(route.AccountSid, out var expected) || !string.Equals(request.Authorization, expected, StringComparison.Ordinal))
            {
                return SimulatorAnswers.Error(401, "Authentication is required to view this resource; check the API key and token.", route);
            }

            if (!rateLimiter.TryAdmit(route.AccountSid, now, Options.RequestsPerMinute, out var retryAfter))
            {
                return RateLimited(route, retryAfter);
            }

            return WithFaults(request, route, () => Answer(request, route, now));
        }
    }

    /// <summary>
    /// Draws this request's faults (<see cref="FaultDraw"/>). A 500 or a drop strikes either before the request is
    /// carried out or after (recorded with the call it placed), which is what leaves a client not knowing whether its
    /// call was placed. An injected 429 always strikes before, as Exotel's limit does.
    /// </summary>
    private SimulatorResponse WithFaults(SimulatorRequest request, ApiRoute route, Func<(SimulatorResponse Response, string? CallSid)> answer)
    {
        var settings = faultSettings;
        var delay = settings.Latency + TimeSpan.FromTicks((long)(settings.LatencyJitter.Ticks * random.NextDouble()));
        var (kind, strikesBefore) = FaultDraw.Next(random, settings, placingCall: route.Endpoint == ApiEndpoint.Connect);

        // A dropped request is never answered, so its placeholder answer is never sent.
        var (response, callSid) = kind is FaultKind.RateLimited ? (RateLimited(route, retryAfterSeconds: 1), null)
            : strikesBefore ? (SimulatorAnswers.InjectedServerError(route), null)
            : answer();
        if (kind is FaultKind.ServerError)
        {
            response = SimulatorAnswers.InjectedServerError(route);
        }

        if (kind is { } injected)
        {
            faults.Add(new InjectedFault(injected, request.Method, request.Path, callSid));
            response.Delivery = injected is FaultKind.Drop or FaultKind.SlowBody ? injected : null;
            response.SlowBodyTime = settings.SlowBodyTime;
        }

        response.Delay = delay;
        return response;
    }

    private (SimulatorResponse Response, string? CallSid) Answer(SimulatorRequest request, ApiRoute route, DateTimeOffset now) =>
        route.Endpoint switch
        {
            ApiEndpoint.Connect => Connect(request, route, now),
            ApiEndpoint.GetCall => (GetCall(request, route, now), null),
            ApiEndpoint.ListCalls => (ListCalls(request, route, now), null),
            ApiEndpoint.CallDetail or ApiEndpoint.CallLegs => (CallDetail(route, now), null),
            _ => (SimulatorAnswers.Error(404, $"No such resource: {request.Method} {request.Path}", route), null),
        };

    private (SimulatorResponse Response, string? CallSid) Connect(SimulatorRequest request, ApiRoute route, DateTimeOffset now)
    {
        var form = FormFields.Parse(request.Body);
        var failures = new List<ValidationFailure>();
        var options = CallRequestParser.Parse(form, failures);
        if (options is null)
        {
            return (SimulatorAnswers.Error(400, "Invalid call parameters: " + string.Join("; ", failures), route), null);
        }

        // The number the outcome depends on: To between two numbers, From for a call to a flow.
        var dialled = PhoneNumber.TryNormalize(options is ConnectCallOptions connect ? connect.To : options.From, out _)!;
        if (TestNumbers.IsDoNotCall(dialled))
        {
            return (SimulatorAnswers.Error(403, $"Call to {dialled} refused: the number is on the NDNC (do-not-call) list.", route), null);
        }

        // Exotel ends a call within both legs' ring time and its TimeLimit: reconciliation's certainty rests on that.
        var answeredAt = now + AtMost(durations.Ring(), options.TimeOut);
        var finalStatus = TestNumbers.AgentMissOf(options) ?? outcomes.FinalStatusOf(dialled);
        var call = new RecordedCall(
            Guid.NewGuid().ToString("N"), route.AccountSid!, form, options, now, answeredAt, answeredAt + AtMost(TimeAfterAnswer(finalStatus, durations.Talk()), options.TimeLimit),
            finalStatus, Interlocked.Increment(ref callCount));
        ForgetOldFinalCalls(now);
        calls.Add(call);
        callsBySid.Add(call.Sid, call);
        callbacks.Schedule(call);
        return (SimulatorAnswers.Ok(WireObject.Of(WireField.Call, CallView.Call(new CallSnapshot(call, now), withDetails: true)), route.Json), call.Sid);
    }

    private SimulatorResponse GetCall(SimulatorRequest request, ApiRoute route, DateTimeOffset now)
    {
        if (FindCall(route) is not { } call)
        {
            return SimulatorAnswers.CallNotFound(route);
        }

        var details = string.Equals(FormFields.Parse(request.Query).Value("details"), "true", StringComparison.OrdinalIgnoreCase);
        return SimulatorAnswers.Ok(WireObject.Of(WireField.Call, CallView.Call(new CallSnapshot(call, now), details)), route.Json);
    }

    /// <summary>Voice v3: the same recorded call, in v3's shapes; 403 for an account without v3.</summary>
    private SimulatorResponse CallDetail(ApiRoute route, DateTimeOffset now)
    {
        if (Options.AccountsWithoutV3.Contains(route.AccountSid!))
        {
            return SimulatorAnswers.Error(403, $"Voice v3 is not enabled for account {route.AccountSid}.", route);
        }

        if (FindCall(route) is not { } call)
        {
            return SimulatorAnswers.CallNotFound(route);
        }

        var snapshot = new CallSnapshot(call, now);
        var answer = route.Endpoint == ApiEndpoint.CallLegs
            ? WireObject.Of("leg_details", CallView.V3Legs(snapshot))
            : WireObject.Of("call_details", CallView.V3Detail(snapshot));
        return SimulatorAnswers.Ok(SimulatorAnswers.V3Envelope(200, answer, errorData: null), json: true);
    }

    private RecordedCall? FindCall(ApiRoute route) =>
        callsBySid.TryGetValue(route.CallSid!, out var call) && call.AccountSid == route.AccountSid ? call : null;

    private SimulatorResponse ListCalls(SimulatorRequest request, ApiRoute route, DateTimeOffset now)
    {
        var accountCalls = calls.Where(call => call.AccountSid == route.AccountSid);
        var page = CallListing.Answer(FormFields.Parse(request.Query), accountCalls, now, route.AccountSid!, route.Json, out var error);
        return page is null ? SimulatorAnswers.Error(400, error!, route) : SimulatorAnswers.Ok(page, route.Json);
    }

    // Past the bound (by a tenth, so the work is spread), forget the oldest calls that are final by now.
    private void ForgetOldFinalCalls(DateTimeOffset now)
    {
        var bound = Math.Max(1, Options.MaxRetainedCalls);
        if (calls.Count < bound + (bound / 10))
        {
            return;
        }

        var forget = 0;
        while (forget < calls.Count - bound + 1 && calls[forget].EndsAt <= now)
        {
            callsBySid.Remove(calls[forget].Sid);
            forget++;
        }

        calls.RemoveRange(0, forget);
    }

    private SimulatorResponse RateLimited(ApiRoute route, int retryAfterSeconds)
    {
        Interlocked.Increment(ref rateLimitedCount);
        return SimulatorAnswers.Error(429, $"Too many requests: at most {Options.RequestsPerMinute} a minute for this account.", route, "RATE_LIMIT_EXCEEDED", retryAfterSeconds);
    }

    private static TimeSpan AtMost(TimeSpan time, int? seconds) =>
        seconds is int limit && TimeSpan.FromSeconds(limit) < time ? TimeSpan.FromSeconds(limit) : time;

    // A busy or failed second leg ends the call a moment after the first answers; a completed call talks, and an
    // unanswered one rings, for the talk time.
    private static TimeSpan TimeAfterAnswer(CallStatus finalStatus, TimeSpan talkTime) =>
        finalStatus == CallStatus.Busy || finalStatus == CallStatus.Failed
            ? (talkTime < QuickEnd ? talkTime : QuickEnd)
            : talkTime;
}

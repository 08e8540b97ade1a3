using System.Runtime.CompilerServices;
using ExotelPS.Client.Http;
using ExotelPS.Client.Throttling;

namespace ExotelPS.Client;

/// <summary>
/// The Exotel Voice API for one account: place calls, read them back. Thread-safe; share one instance.
/// Requests are paced by the account's shared throttle and retried only where that cannot ring anyone twice.
/// </summary>
/// <remarks>
/// Cancelling a request's token surfaces as <see cref="OperationCanceledException"/>. A call request cancelled after
/// it was sent may still have placed the call: the caller (the bulk dispatcher) decides how to report that.
/// </remarks>
public sealed class ExotelClient : IDisposable
{
    private readonly ExotelClientOptions options;
    private readonly HttpClient? ownedHttpClient;
    private readonly ExotelEndpoints endpoints;
    private readonly ExotelTransport transport;
    private readonly AccountThrottle throttle;

    /// <summary>Creates a client with its own HttpClient.</summary>
    public ExotelClient(ExotelAccount account, ExotelClientOptions? options = null)
        : this(account, options, httpClient: null, throttle: null)
    {
    }

    /// <summary>Creates a client on an HttpClient you own (from IHttpClientFactory, or with a test handler).</summary>
    /// <remarks>The HttpClient is used as given: its Timeout is left alone (keep it above RequestTimeout) and it is not disposed.</remarks>
    public ExotelClient(ExotelAccount account, HttpClient httpClient, ExotelClientOptions? options = null)
        : this(account, options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), throttle: null)
    {
    }

    /// <summary>The full constructor: tests give their own throttle (on the options' time) so waits and pacing need no sleeping.</summary>
    internal ExotelClient(ExotelAccount account, ExotelClientOptions? options, HttpClient? httpClient, AccountThrottle? throttle)
    {
        Account = account ?? throw new ArgumentNullException(nameof(account));
        this.options = options?.Clone() ?? new ExotelClientOptions();
        this.options.Validate();
        endpoints = new ExotelEndpoints(account);
        ownedHttpClient = httpClient is null ? OwnedHttpClient.Create() : null;
        (int, int?)? replaced = null;
        this.throttle = throttle ?? ThrottleRegistry.For(account, this.options, out replaced);
        ReplacedBudget = replaced;
        transport = new ExotelTransport(
            account,
            httpClient ?? ownedHttpClient!,
            this.options,
            this.throttle,
            new Backoff(this.options.RetryBaseDelay, this.options.MaxRetryDelay));
    }

    /// <summary>The account this client acts for.</summary>
    public ExotelAccount Account { get; }

    /// <summary>The settings this client was created with (a copy).</summary>
    /// <remarks>Exotel's limit is per account, so every client of an account in the process shares one budget, set by the
    /// last one created: <see cref="RequestsPerMinute"/> and <see cref="MaxConcurrency"/> say what is in force now.</remarks>
    public ExotelClientOptions Options => options.Clone();

    /// <summary>The session's time (<see cref="ExotelClientOptions.TimeProvider"/>): waiters, pacing and reconciliation over this client read it.</summary>
    internal TimeProvider TimeProvider => options.TimeProvider;

    /// <summary>Requests a minute the account's shared budget allows now.</summary>
    public int RequestsPerMinute => throttle.Budget.RequestsPerMinute;

    /// <summary>The cap on requests in flight the account's shared budget sets now; null while it is sized from latency.</summary>
    public int? MaxConcurrency => throttle.Budget.MaxConcurrency;

    /// <summary>
    /// The account's shared budget before this client was created, when other clients of the account had set another
    /// one (which this client's settings replaced for all of them); null otherwise.
    /// </summary>
    public (int RequestsPerMinute, int? MaxConcurrency)? ReplacedBudget { get; }

    /// <summary>
    /// Requests of the account allowed in flight now: <see cref="ExotelClientOptions.MaxConcurrency"/> when set, else
    /// the window sized from the latency measured so far. A dispatcher over this client starts no more rows than this.
    /// </summary>
    public int InFlightLimit => throttle.InFlightLimit;

    /// <summary>The account's cap on requests in flight, which a bulk dispatcher takes its rows' places from.</summary>
    internal ConcurrencyGate InFlightPlaces => throttle.Gate;

    /// <summary>Connects two numbers: rings From, then To, and bridges them. Never retried after an ambiguous failure.</summary>
    public Task<ExotelCall> ConnectAsync(ConnectCallOptions options, CancellationToken cancellationToken = default)
        => PlaceCallAsync(options, cancellationToken);

    /// <summary>Connects a number to a call flow. Never retried after an ambiguous failure.</summary>
    public Task<ExotelCall> ConnectToFlowAsync(FlowCallOptions options, CancellationToken cancellationToken = default)
        => PlaceCallAsync(options, cancellationToken);

    /// <summary>Places either kind of call.</summary>
    /// <exception cref="ExotelValidationException">A field is invalid; nothing was sent.</exception>
    /// <exception cref="ExotelApiException">Exotel refused the call, or no definite answer came (<see cref="ExotelException.MayHaveBeenPlaced"/>).</exception>
    public Task<ExotelCall> PlaceCallAsync(PlaceCallOptions options, CancellationToken cancellationToken = default)
        => PlaceCallAsync(options, beforeSending: null, cancellationToken);

    /// <summary>
    /// Places either kind of call, calling <paramref name="beforeSending"/> before each attempt goes on the wire: once
    /// the account's throttle has let it go, just before it is written. If it throws, nothing is sent and its exception
    /// is this call's. The bulk dispatcher journals the row there, so that only requests that may have left are in doubt.
    /// </summary>
    /// <exception cref="ExotelValidationException">A field is invalid; nothing was sent.</exception>
    /// <exception cref="ExotelApiException">Exotel refused the call, or no definite answer came (<see cref="ExotelException.MayHaveBeenPlaced"/>).</exception>
    public Task<ExotelCall> PlaceCallAsync(PlaceCallOptions options, Action? beforeSending, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var form = options.ToForm(Account.AccountSid);
        return SendCallAsync(form, beforeSending is null ? null : () => { beforeSending(); return Task.CompletedTask; }, holdsPlace: false, cancellationToken);
    }

    /// <summary>
    /// Places a call whose form was checked already (the dispatcher checks each row once, as it is posted); with
    /// <paramref name="holdsPlace"/>, the caller took the request's place in flight on <see cref="InFlightPlaces"/>.
    /// </summary>
    internal Task<ExotelCall> SendCallAsync(IReadOnlyList<KeyValuePair<string, string>> form, Func<Task>? beforeSending, bool holdsPlace, CancellationToken cancellationToken) =>
        transport.SendAsync(ExotelRequest.PlaceCall(endpoints.Connect, form, beforeSending, holdsPlace), ExotelResponseReader.ReadCall, cancellationToken);

    /// <summary>One call's details; with <paramref name="includeDetails"/>, its legs too.</summary>
    public Task<ExotelCall> GetCallAsync(string sid, bool includeDetails = false, CancellationToken cancellationToken = default)
        => transport.SendAsync(ExotelRequest.Get(endpoints.Call(sid, includeDetails)), ExotelResponseReader.ReadCall, cancellationToken);

    /// <summary>
    /// One call's Voice v3 (beta) details: keys pressed, app, talk time, recordings; with <paramref name="includeLegs"/>
    /// its legs too (a second request). Goes to the region's v3 host (or the custom base URI) inside this account's
    /// shared rate budget.
    /// </summary>
    /// <exception cref="ExotelApiException">With <see cref="ExotelErrorKind.V3NotEnabled"/> when the account has no v3.</exception>
    public async Task<ExotelCallDetail> GetCallDetailAsync(string sid, bool includeLegs = false, CancellationToken cancellationToken = default)
    {
        var detail = await transport.SendAsync(ExotelRequest.Get(endpoints.CallDetail(sid)), CallDetailReader.ReadDetail, cancellationToken)
            .ConfigureAwait(false);
        if (!includeLegs)
        {
            return detail;
        }

        var (legs, warnings) = await transport.SendAsync(ExotelRequest.Get(endpoints.CallLegs(sid)), CallDetailReader.ReadLegs, cancellationToken)
            .ConfigureAwait(false);
        detail.Legs = legs;
        detail.ReadWarnings = ReadingNotes.Join(detail.ReadWarnings, warnings);
        return detail;
    }

    /// <summary>The first page of a call listing.</summary>
    public Task<CallPage> GetCallPageAsync(ListCallsOptions options, CancellationToken cancellationToken = default)
        => GetPageAsync(ListUri(options), cancellationToken);

    /// <summary>The page a previous page's <see cref="CallPage.NextPageUri"/> points to.</summary>
    /// <exception cref="ExotelValidationException">The URI points to another host than the account's.</exception>
    public Task<CallPage> GetCallPageAsync(string nextPageUri, CancellationToken cancellationToken = default)
        => GetPageAsync(endpoints.NextPage(nextPageUri), cancellationToken);

    /// <summary>Every matching call, fetching the next page only when the previous one is used up.</summary>
    /// <exception cref="ExotelValidationException">A filter is invalid (thrown at once, before enumerating).</exception>
    public IAsyncEnumerable<ExotelCall> ListCallsAsync(ListCallsOptions options, CancellationToken cancellationToken = default)
        => ListFromAsync(ListUri(options), cancellationToken);

    /// <summary>Checks the credentials with one cheap request; throws an Unauthorized <see cref="ExotelApiException"/> on 401.</summary>
    public Task VerifyCredentialsAsync(CancellationToken cancellationToken = default)
        => GetCallPageAsync(new ListCallsOptions { PageSize = 1 }, cancellationToken);

    /// <summary>Releases the HttpClient this client created; one that was given to it is left to its owner.</summary>
    public void Dispose() => ownedHttpClient?.Dispose();

    private Uri ListUri(ListCallsOptions options) =>
        endpoints.Calls(options ?? throw new ArgumentNullException(nameof(options)));

    private Task<CallPage> GetPageAsync(Uri uri, CancellationToken cancellationToken) =>
        transport.SendAsync(ExotelRequest.Get(uri), ExotelResponseReader.ReadPage, cancellationToken);

    private async IAsyncEnumerable<ExotelCall> ListFromAsync(Uri firstPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await GetPageAsync(firstPage, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var call in page.Calls)
            {
                yield return call;
            }

            if (string.IsNullOrEmpty(page.NextPageUri))
            {
                yield break;
            }

            page = await GetCallPageAsync(page.NextPageUri!, cancellationToken).ConfigureAwait(false);
        }
    }
}

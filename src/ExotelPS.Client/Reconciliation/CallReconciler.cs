using ExotelPS.Client.Throttling;

namespace ExotelPS.Client;

/// <summary>
/// Finds out from Exotel's call listing whether requests in doubt placed their call (see <see cref="ReconcileDecision"/>
/// for the rule). Its requests go through the account's throttle like every other; a look sends at most
/// <see cref="ReconcileOptions.MaxRequestsPerLook"/> of them.
/// </summary>
public sealed class CallReconciler
{
    private readonly ExotelClient client;
    private readonly ReconcileOptions options;
    private readonly TimeProvider time;

    /// <summary>Creates a reconciler that lists calls with <paramref name="client"/>, on the client's time.</summary>
    public CallReconciler(ExotelClient client, ReconcileOptions? options = null)
        : this(client, options, client?.TimeProvider!)
    {
    }

    /// <summary>Creates a reconciler that reads the time and waits on <paramref name="time"/> rather than the client's.</summary>
    internal CallReconciler(ExotelClient client, ReconcileOptions? options, TimeProvider time)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = (options ?? new ReconcileOptions()).Validated();
        this.time = time;
    }

    /// <summary>The session's time, as the reconciler reads it.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>When a row's certainty comes, by <see cref="CertaintyRule"/> with this reconciler's settle margin.</summary>
    public DateTimeOffset CertainAt(CallInDoubt row) => CertaintyRule.CertainAt(row, options.SettleMargin);

    /// <summary>
    /// Looks at the listing, then again every <see cref="ReconcileOptions.PollInterval"/> (and at each row's certainty
    /// time) while a row still in doubt becomes certain within <paramref name="wait"/>; one look when it is zero.
    /// Returns a resolution per row, in the order given.
    /// </summary>
    /// <param name="rows">The rows in doubt.</param>
    /// <param name="isClaimed">True for a Sid already known as another row's call; null when none is.</param>
    /// <param name="wait">The longest to wait for certainty.</param>
    /// <param name="cancellationToken">Stops waiting; what is known so far is returned.</param>
    public async Task<ReconcileReport> ReconcileAsync(
        IReadOnlyList<CallInDoubt> rows, Func<string, bool>? isClaimed, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        _ = rows ?? throw new ArgumentNullException(nameof(rows));
        isClaimed ??= _ => false;
        var deadline = Now + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        var resolutions = rows.Select(row => Resolution.InDoubt(CertainAt(row))).ToArray();
        var pending = Enumerable.Range(0, rows.Count).ToList();
        var requests = 0;
        ExotelException? failure = null;
        while (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var look = await LookAsync(rows, pending, isClaimed, cancellationToken).ConfigureAwait(false);
            requests += look.Requests;
            failure = look.Failure ?? failure;
            for (var i = 0; i < pending.Count; i++)
            {
                resolutions[pending[i]] = look.Resolutions[i];
            }

            // Waiting helps only a row with no match yet whose certainty comes before the deadline.
            var now = Now;
            pending = pending.Where(index => resolutions[index] is { Ending: RowEnding.StillInDoubt, IsSeveral: false, Until: { } until } && until <= deadline).ToList();
            if (pending.Count == 0)
            {
                break;
            }

            // The next look: at the next certainty time still to come, else one poll interval on. Never sooner, so a
            // row whose query failed (or did not fit the budget) past its certainty is not looked up in a tight loop.
            var next = now + options.PollInterval;
            foreach (var until in pending.Select(index => resolutions[index].Until!.Value).Where(until => until > now && until < next))
            {
                next = until;
            }

            if (next > deadline)
            {
                break;
            }

            try
            {
                await time.SleepAsync(next - now, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return new ReconcileReport(resolutions, requests, failure);
    }

    // One look for the rows named: each query's pages, within the request budget; a row whose query failed or did not
    // fit is not looked at (so stays in doubt).
    private async Task<(IReadOnlyList<Resolution> Resolutions, int Requests, ExotelException? Failure)> LookAsync(
        IReadOnlyList<CallInDoubt> all, IReadOnlyList<int> indexes, Func<string, bool> isClaimed, CancellationToken cancellationToken)
    {
        var rows = indexes.Select(index => all[index]).ToList();
        var looked = new bool[rows.Count];
        var listed = new List<ExotelCall>();
        var budget = options.MaxRequestsPerLook ?? Math.Max(1, client.RequestsPerMinute / 20);
        var requests = 0;
        ExotelException? failure = null;
        foreach (var query in ListingPlan.Plan(rows, Enumerable.Range(0, rows.Count), options))
        {
            var calls = new List<ExotelCall>();
            var complete = false;
            try
            {
                string? next = null;
                while (requests < budget)
                {
                    requests++;
                    var page = next is null
                        ? await client.GetCallPageAsync(query.Options, cancellationToken).ConfigureAwait(false)
                        : await client.GetCallPageAsync(next, cancellationToken).ConfigureAwait(false);
                    calls.AddRange(page.Calls);
                    next = page.NextPageUri;
                    if (string.IsNullOrEmpty(next))
                    {
                        complete = true;
                        break;
                    }
                }
            }
            catch (ExotelException e)
            {
                failure = e;
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (complete)
            {
                listed.AddRange(calls);
                foreach (var row in query.Rows)
                {
                    looked[row] = true;
                }
            }
        }

        return (ReconcileDecision.Decide(rows, looked, listed, isClaimed, Now, options), requests, failure);
    }
}

/// <summary>What a reconciliation found: a resolution per row, in the order given, and what it cost.</summary>
public sealed class ReconcileReport
{
    internal ReconcileReport(IReadOnlyList<Resolution> resolutions, int requests, ExotelException? failure)
    {
        Resolutions = resolutions;
        Requests = requests;
        Failure = failure;
    }

    /// <summary>One per row, in the order given.</summary>
    public IReadOnlyList<Resolution> Resolutions { get; }

    /// <summary>Listing requests sent.</summary>
    public int Requests { get; }

    /// <summary>The last listing failure, if a query failed (its rows stayed in doubt); null when every query was answered.</summary>
    public ExotelException? Failure { get; }
}

using System.Globalization;
using ExotelPS.Client;

namespace ExotelPS.Benchmarks.Worker;

/// <summary>Runs a campaign against an emulator in its own process, so a test can kill it hard and restart it.</summary>
/// <remarks>
/// <c>worker --base-uri URI --rows N --journal PATH [--rate PER_MINUTE] [--in-flight N] [--call-seconds N] [--reconcile SECONDS]</c>, with the account in
/// <c>EXOTEL_ACCOUNT_SID</c>, <c>EXOTEL_API_KEY</c> and <c>EXOTEL_API_TOKEN</c> (never on the command line, where any
/// process list shows it). Row i is <see cref="SoakCampaign.Request"/>. Each result is printed on stdout, in row order,
/// as <c>row TAB outcome TAB sid-or-dash TAB may-have-been-placed</c>; rerun with the same journal to finish a killed run.
/// With <c>--reconcile</c>, the rerun first settles the journal's rows in doubt from the emulator's call listing, as
/// the cmdlets do (with a 1 s settle margin, so certainty comes within a test); <c>--call-seconds</c> gives every row
/// that TimeOut and TimeLimit.
/// </remarks>
internal static class SoakWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        WorkerSettings settings;
        try
        {
            settings = WorkerSettings.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(WorkerSettings.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var clientOptions = new ExotelClientOptions
        {
            RequestsPerMinute = settings.RequestsPerMinute,
            MaxConcurrency = settings.InFlight,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };
        using var client = new ExotelClient(settings.Account, clientOptions);
        using var journal = CallJournal.Open(settings.JournalPath);
        foreach (var warning in journal.Warnings)
        {
            Console.Error.WriteLine("journal: " + warning);
        }

        if (settings.ReconcileSeconds is int wait)
        {
            var reconciler = new CallReconciler(client, new ReconcileOptions { SettleMargin = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(500) });
            var found = await JournalReconciler.ReconcileAsync(journal, reconciler, TimeSpan.FromSeconds(wait), stop.Token);
            Console.Error.WriteLine($"reconciled: {found.Found} found, {found.NotPlaced} not placed, {found.StillInDoubt} still in doubt");
        }

        PlaceCallOptions Request(int row)
        {
            var request = SoakCampaign.Request(row);
            request.TimeOut = request.TimeLimit = settings.CallSeconds;
            return request;
        }

        var dispatcherOptions = new DispatcherOptions { MaxInFlight = settings.InFlight };
        var counts = new Dictionary<RowEnding, int>();
        var results = CallDispatcher<int>.RunAsync(
            Enumerable.Range(0, settings.Rows), Request, client.PlaceCallAsync, dispatcherOptions, journal, stop.Token);
        await foreach (var result in results)
        {
            Console.Out.WriteLine(string.Join(
                "\t",
                result.Input.ToString(CultureInfo.InvariantCulture),
                result.Ending,
                result.CallSid ?? "-",
                result.Error?.MayHaveBeenPlaced ?? false));
            counts[result.Ending] = counts.TryGetValue(result.Ending, out var count) ? count + 1 : 1;
        }

        Console.Out.Flush();
        Console.Error.WriteLine($"worker: {settings.Rows} rows for account {settings.Account.AccountSid}: "
            + string.Join(", ", counts.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}")));
        return 0;
    }
}

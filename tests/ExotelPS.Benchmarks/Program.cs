using ExotelPS.Benchmarks.Campaigns;
using ExotelPS.Benchmarks.Measurements;
using ExotelPS.Benchmarks.Reports;
using ExotelPS.Benchmarks.Worker;

// One entry point, a subcommand each: the measurements behind docs/performance.md, and the soak worker.
return args.FirstOrDefault() switch
{
    "worker" => await SoakWorker.RunAsync(args.Skip(1).ToArray()),
    "report" => ReportBenchmark.Run(args.Skip(1).ToArray()),
    "campaigns" => await CampaignBenchmark.RunAsync(args.Skip(1).ToArray()),
    "throughput" or "sequential" or "memory" or "cmdlets" or "pacing" or "all" => await Measurement.RunAsync(args[0], args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ExotelPS.Benchmarks all | throughput | sequential | memory | cmdlets | pacing | campaigns | report | worker <options>");
    return 2;
}

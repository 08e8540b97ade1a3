using ExotelPS.Emulator;

EmulatorSettings settings;
try
{
    settings = EmulatorSettings.FromArgs(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

await using var app = EmulatorApp.Build(settings);
await app.StartAsync();
Console.WriteLine($"Exotel emulator listening on {app.Urls.First()}/ for account(s) {string.Join(", ", settings.EffectiveAccounts)}. Ctrl+C stops it.");
if (settings.Simulator.Speed != 1)
{
    Console.WriteLine($"Emulated time runs {settings.Simulator.Speed}x as fast as real time.");
}

await app.WaitForShutdownAsync();
return 0;

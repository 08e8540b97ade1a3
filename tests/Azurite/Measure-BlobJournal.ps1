# The blob journal through the cmdlets: Connect-ExotelCall against the emulator at -Rate requests a minute, journaled
# to Azurite through a loopback proxy that holds every storage request for -DelayMs (or to a file with -File).
# Prints rows placed, the share of the cap from the first call to the last and over the whole pipeline, and the pwsh
# CPU per row (docs/performance.md).
# Run from the repository root after ./build.ps1 -Task Package and npm ci in tests/Azurite.
param([int] $Rows = 3000, [int] $DelayMs = 100, [switch] $File, [int] $Rate = 6000)
Import-Module ./tests/Pester/ExotelPS.TestHelpers.psm1
Import-Module ./tests/Pester/Azurite.psm1
Import-Module (Get-BuiltModuleManifest)
$token = New-TestToken
$emulator = Start-ExotelEmulator -Account "bench:bench-key:$token" -RequestsPerMinute $Rate -RingMilliseconds 100 -TalkMilliseconds 100
$azurite = Start-Azurite
$proxyPort = Get-FreeTcpPort
$proxy = Start-Process node -PassThru -ArgumentList @('tests/Azurite/delay-proxy.js', $proxyPort, $azurite.Port, $DelayMs)
Start-Sleep 1
try {
  Connect-ExotelAccount -AccountSid 'bench' -Credential (New-TestCredential -ApiKey 'bench-key' -ApiToken $token) -BaseUri $emulator.BaseUri -RequestsPerMinute $Rate | Out-Null
  $container = New-AzuriteContainer -Azurite $azurite
  $url = if ($File) { Join-Path ([IO.Path]::GetTempPath()) "$(New-Guid).jsonl" } else { "http://127.0.0.1:$proxyPort/devstoreaccount1/$container/calls.journal?$(New-AzuriteSas)" }
  $inputRows = 1..$Rows | % { [pscustomobject]@{ To = '099{0:d8}' -f $_; From = '098{0:d8}' -f $_; CallerId = '08030752400' } }
  $cpu0 = (Get-Process -Id $PID).TotalProcessorTime
  $sw = [Diagnostics.Stopwatch]::StartNew()
  $out = $inputRows | Connect-ExotelCall -JournalPath $url -ErrorVariable failed -ErrorAction SilentlyContinue
  $failed | Select-Object -First 3 | % { "error: $($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
  $elapsed = $sw.Elapsed.TotalSeconds
  $cpu = ((Get-Process -Id $PID).TotalProcessorTime - $cpu0).TotalMilliseconds
  $calls = @(Get-EmulatorCall -Emulator $emulator)
  "rows out: $($out.Count), placed: $(@($out | ? Outcome -eq 'Placed').Count), calls: $($calls.Count), distinct: $(@($calls | Group-Object { Get-FormValue -Call $_ -Name 'To' }).Count)"
  # The rate reached: calls after the first over the first to the last call's arrival at the emulator (the journal's
  # opening and the last answers are outside it), and over the whole pipeline, start-up included.
  # (Invoke-RestMethod reads createdAt as a DateTime already, fractions of a second kept.)
  $arrivals = @($calls | % { [DateTimeOffset]$_.createdAt } | Sort-Object)
  $span = ($arrivals[-1] - $arrivals[0]).TotalSeconds
  "first to last call: {0:n1} s, {1:n1}/s of {2:n2}/s cap = {3:p1}" -f $span, (($arrivals.Count - 1) / $span), ($Rate / 60), (($arrivals.Count - 1) / $span / ($Rate / 60))
  "wall: {0:n1} s, rate {1:n1}/s of {4:n2}/s cap = {2:p1}; pwsh CPU per row {3:n0} us" -f $elapsed, ($Rows / $elapsed), ($Rows / $elapsed / ($Rate / 60)), ($cpu * 1000 / $Rows), ($Rate / 60)
} finally { Stop-Process -Id $proxy.Id; Stop-ExotelEmulator -Emulator $emulator; Stop-Azurite -Azurite $azurite }

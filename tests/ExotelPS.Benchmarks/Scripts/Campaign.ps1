<#
.SYNOPSIS
    The user's side of the cmdlet benchmark: one campaign from a CSV, run in this pwsh the way a user would write it.
.DESCRIPTION
    Run by `ExotelPS.Benchmarks cmdlets` (tests/ExotelPS.Benchmarks/Measurements/CmdletBenchmark.cs), never by hand
    against a real account: -BaseUri must be the benchmark's emulator on 127.0.0.1. The account comes from
    EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY and EXOTEL_API_TOKEN. Without -BaseUri, Module runs in the offline sandbox.
    Prints "pid N" first (so the benchmark can sample this process's memory), then one JSON line of figures.

    Modes: Module (Import-Csv | Connect-ExotelCall with a default session), Foreach (a foreach loop of
    Invoke-RestMethod), Parallel (ForEach-Object -Parallel of Invoke-RestMethod, its default 5 threads), Baseline
    (Import-Csv | Measure-Object: what PowerShell itself costs per row).

    Campaigns (ExotelPS.Benchmarks campaigns): -MaxAttempts, -RedialAfter and -AgentPool (comma-separated) pass to Connect-ExotelCall as
    a user would give them; -SimulatedSpeed, -BusyShare, -NoAnswerShare, -RingTime and -TalkTime shape the sandbox;
    -OutCsv ends the pipeline in Export-Csv instead of Measure-Object (the output rows are then counted from the file).
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Module', 'Foreach', 'Parallel', 'Baseline')] [string] $Mode,
    [Parameter(Mandatory)] [string] $Csv,
    [string] $Module,
    [uri] $BaseUri,
    [int] $RequestsPerMinute = 200,
    [string] $JournalPath,
    [int] $MaxAttempts,
    [timespan] $RedialAfter,
    [string[]] $AgentPool,
    [double] $SimulatedSpeed = 1,
    [double] $BusyShare,
    [double] $NoAnswerShare,
    [string] $RingTime = '2',
    [string] $TalkTime = '3',
    [string] $OutCsv
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
if ($BaseUri -and $BaseUri.Host -ne '127.0.0.1') { throw "The benchmark only talks to 127.0.0.1, not $BaseUri." }

$process = [System.Diagnostics.Process]::GetCurrentProcess()
"pid $($process.Id)"
if ($Module) { Import-Module $Module }
if ($BaseUri) {
    $credential = [pscredential]::new($env:EXOTEL_API_KEY, (ConvertTo-SecureString $env:EXOTEL_API_TOKEN -AsPlainText -Force))
    $connectUri = [uri]::new($BaseUri, "v1/Accounts/$env:EXOTEL_ACCOUNT_SID/Calls/connect.json")
}

if ($Mode -eq 'Module') {
    # A default session: only the cap is told, as a user with a raised limit would; nothing is tuned.
    if ($BaseUri) { Connect-ExotelAccount -BaseUri $BaseUri -RequestsPerMinute $RequestsPerMinute }
    else {
        Connect-ExotelAccount -Sandbox -RequestsPerMinute $RequestsPerMinute -SimulatedSpeed $SimulatedSpeed -SimulatedRingTime $RingTime `
            -SimulatedTalkTime $TalkTime -SimulatedBusyShare $BusyShare -SimulatedNoAnswerShare $NoAnswerShare
    }
}

$failed = @()
[GC]::Collect()
$process.Refresh()
$cpu = $process.TotalProcessorTime
$wall = [System.Diagnostics.Stopwatch]::StartNew()
$outputs = switch ($Mode) {
    'Baseline' { (Import-Csv -Path $Csv | Measure-Object).Count }
    'Module' {
        $given = @{}
        if ($JournalPath) { $given.JournalPath = $JournalPath }
        if ($MaxAttempts) { $given.MaxAttempts = $MaxAttempts }
        if ($RedialAfter) { $given.RedialAfter = $RedialAfter }
        # Rows with one From: pacing off, so this measures the rate limit, not one agent's calls. With a pool, the agents pace.
        if ($AgentPool) { $given.AgentPool = $AgentPool -split ',' } else { $given.MaxCallsPerFrom = 0 }
        # One streamed pipeline either way (the rows out of Export-Csv are counted after the figures are taken).
        if ($OutCsv) { Import-Csv -Path $Csv | Connect-ExotelCall @given -ErrorAction SilentlyContinue -ErrorVariable +failed | Export-Csv -Path $OutCsv }
        else { (Import-Csv -Path $Csv | Connect-ExotelCall @given -ErrorAction SilentlyContinue -ErrorVariable +failed | Measure-Object).Count }
    }
    'Foreach' {
        $placed = 0
        foreach ($row in Import-Csv -Path $Csv) {
            try {
                $body = @{ From = $row.From; To = $row.To; CallerId = $row.CallerId; CustomField = $row.CustomField }
                $null = Invoke-RestMethod -Method Post -Uri $connectUri -Body $body -Authentication Basic -Credential $credential -AllowUnencryptedAuthentication
                $placed++
            }
            catch { $failed += $_ }
        }
        $placed
    }
    'Parallel' {
        (Import-Csv -Path $Csv | ForEach-Object -Parallel {
            $body = @{ From = $_.From; To = $_.To; CallerId = $_.CallerId; CustomField = $_.CustomField }
            try {
                $null = Invoke-RestMethod -Method Post -Uri $using:connectUri -Body $body -Authentication Basic -Credential $using:credential -AllowUnencryptedAuthentication
                1
            }
            catch { }
        } | Measure-Object).Count
    }
}

$wall.Stop()
$process.Refresh()
$cpuMs = ($process.TotalProcessorTime - $cpu).TotalMilliseconds
$peak = $process.PeakWorkingSet64
if ($OutCsv) { $outputs = (Import-Csv -Path $OutCsv | Measure-Object).Count }
[pscustomobject]@{
    Outputs = $outputs
    Errors = $failed.Count
    CpuMs = $cpuMs
    WallMs = $wall.Elapsed.TotalMilliseconds
    PeakWorkingSet = $peak
    HeapAfterRun = [GC]::GetTotalMemory($true)
} | ConvertTo-Json -Compress

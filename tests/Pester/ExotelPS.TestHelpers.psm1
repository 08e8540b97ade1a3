# Shared helpers for the ExotelPS Pester tests: where things are, the local emulator, test credentials.
# Works on Windows PowerShell 5.1 and PowerShell 7. Import in BeforeAll:
#   Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force

Set-StrictMode -Version 3.0

$repositoryRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)

function Get-RepositoryRoot {
    $repositoryRoot
}

function Get-BuiltModuleManifest {
    $manifest = Join-Path $repositoryRoot 'out/ExotelPS/ExotelPS.psd1'
    if (-not (Test-Path $manifest)) {
        throw "The module is not built: $manifest is missing. Run ./build.ps1 -Task Build (./build.ps1 -Task Pester builds it for you)."
    }
    $manifest
}

function Get-ExampleCsvPath {
    Join-Path $repositoryRoot 'docs/examples/customers.csv'
}

# A random API token per run, so a search for it in output cannot match anything by accident.
function New-TestToken {
    'tok-' + [guid]::NewGuid().ToString('N')
}

function New-TestCredential {
    param(
        [Parameter(Mandatory)] [string] $ApiKey,
        [Parameter(Mandatory)] [string] $ApiToken
    )

    New-Object System.Management.Automation.PSCredential($ApiKey, (ConvertTo-SecureString -String $ApiToken -AsPlainText -Force))
}

# Texts that must never appear in output: the token, and the Basic credentials it is sent as.
function Get-SecretForm {
    param(
        [Parameter(Mandatory)] [string] $ApiKey,
        [Parameter(Mandatory)] [string] $ApiToken
    )

    $ApiToken
    [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${ApiKey}:${ApiToken}"))
}

function Get-FreeTcpPort {
    $listener = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0)
    try {
        $listener.Start()
        $listener.LocalEndpoint.Port
    }
    finally {
        $listener.Stop()
    }
}

<#
.SYNOPSIS
    Starts the Exotel emulator on a free port of 127.0.0.1 with `dotnet run` and waits until it answers.
.PARAMETER Account
    SID:KEY:TOKEN, one per account to accept.
.PARAMETER WithoutV3
    SIDs of accounts to answer as Exotel answers an account without Voice v3 (HTTP 403 on /v3/).
.PARAMETER RingTime
    Seconds or a range of seconds each call draws its ring time from (--ring-time, e.g. '0.1-0.2'); overrides RingMilliseconds.
.PARAMETER TalkTime
    Seconds or a range each call draws its talk time from (--talk-time, e.g. '0.3-0.6'); overrides TalkMilliseconds.
.PARAMETER RequestsPerMinute
    The emulator's rate limit per account (--rate; default 200).
#>
function Start-ExotelEmulator {
    param(
        [Parameter(Mandatory)] [string[]] $Account,
        [int] $RingMilliseconds = 200,
        [int] $TalkMilliseconds = 300,
        [string[]] $WithoutV3 = @(),
        [string] $RingTime,
        [string] $TalkTime,
        [int] $RequestsPerMinute = 200,
        [int] $ReadyTimeoutSeconds = 300
    )

    $port = Get-FreeTcpPort
    $project = Join-Path $repositoryRoot 'src/ExotelPS.Emulator/ExotelPS.Emulator.csproj'
    $logs = Join-Path ([IO.Path]::GetTempPath()) ("exotelps-emulator-$port-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $logs | Out-Null

    # Start-Process joins arguments with spaces, so the one that may hold spaces is quoted here.
    $arguments = @('run', '--project', "`"$project`"", '--', '--port', $port, '--ring-ms', $RingMilliseconds, '--talk-ms', $TalkMilliseconds)
    foreach ($entry in $Account) {
        $arguments += @('--account', $entry)
    }
    foreach ($sid in $WithoutV3) {
        $arguments += @('--no-v3', $sid)
    }
    $arguments += @('--rate', $RequestsPerMinute)
    if ($RingTime) {
        $arguments += @('--ring-time', $RingTime)
    }
    if ($TalkTime) {
        $arguments += @('--talk-time', $TalkTime)
    }

    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput (Join-Path $logs 'stdout.txt') -RedirectStandardError (Join-Path $logs 'stderr.txt')
    $emulator = [pscustomobject]@{
        Process = $process
        Port    = $port
        BaseUri = [uri]"http://127.0.0.1:$port/"
        Logs    = $logs
    }

    # The first start compiles the emulator: be patient, but fail fast if it exits.
    Wait-LoopbackServer -Process $process -Uri "$($emulator.BaseUri)_emulator/stats" -Name 'The emulator' -Logs $logs `
        -TimeoutSeconds $ReadyTimeoutSeconds -OnFailure { Stop-ExotelEmulator -Emulator $emulator }
    $emulator
}

# Waits until a server started in $Process answers $Uri; when it exits first or $TimeoutSeconds pass, runs $OnFailure
# (to stop what is left of it) and throws, with its logs.
function Wait-LoopbackServer {
    param(
        [Parameter(Mandatory)] [System.Diagnostics.Process] $Process,
        [Parameter(Mandatory)] [string] $Uri,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Logs,
        [Parameter(Mandatory)] [int] $TimeoutSeconds,
        [Parameter(Mandatory)] [scriptblock] $OnFailure
    )

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        if ($Process.HasExited) {
            $output = Get-Content -Raw -Path (Join-Path $Logs '*.txt') -ErrorAction SilentlyContinue
            & $OnFailure
            throw "$Name exited with code $($Process.ExitCode) before answering: $output"
        }

        try {
            Invoke-RestMethod -Uri $Uri -TimeoutSec 5 | Out-Null
            return
        }
        catch {
            if ([DateTime]::UtcNow -gt $deadline) {
                & $OnFailure
                throw "$Name did not answer on $Uri within $TimeoutSeconds seconds."
            }
            Start-Sleep -Milliseconds 300
        }
    }
}

# Stops `dotnet run` and the emulator it started (a child process, so the whole tree).
function Stop-ExotelEmulator {
    param([Parameter(Mandatory)] [AllowNull()] $Emulator)

    if ($null -eq $Emulator -or $Emulator.Process.HasExited) {
        return
    }

    if ($PSVersionTable.PSEdition -eq 'Core') {
        $Emulator.Process.Kill($true)
    }
    else {
        & taskkill.exe /PID $Emulator.Process.Id /T /F | Out-Null
    }
    $Emulator.Process.WaitForExit(30000) | Out-Null
}

<#
.SYNOPSIS
    Starts a script in a PowerShell child process of the same edition (a runbook job, say), its output in files.
.PARAMETER Environment
    Variables for the child, such as credentials: never on its command line.
#>
function Start-ChildPowerShell {
    param(
        [Parameter(Mandatory)] [string] $ScriptPath,
        [Parameter(Mandatory)] [string] $OutputFolder,
        [hashtable] $Environment = @{}
    )

    $host_ = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $arguments = @('-NoProfile', '-NonInteractive', '-File', "`"$ScriptPath`"")
    if ([IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') {
        # PowerShell run as a .NET tool: the child runs pwsh.dll in its own dotnet process.
        $arguments = @("`"$(Join-Path $PSHOME 'pwsh.dll')`"") + $arguments
    }

    Invoke-WithEnvironment -Environment $Environment -ScriptBlock {
        Start-Process -FilePath $host_ -ArgumentList $arguments -PassThru `
            -RedirectStandardOutput (Join-Path $OutputFolder 'stdout.txt') -RedirectStandardError (Join-Path $OutputFolder 'stderr.txt')
    }
}

# A script run in a child pwsh against the emulator, as a job would run it: the account in EXOTEL_* variables (API key
# '<sid>-key'), the built module and the emulator's URL in EXOTELPS_TEST_MODULE and EXOTELPS_TEST_BASEURI, and the
# test's own variables besides.
function Start-EmulatorScript {
    param(
        [Parameter(Mandatory)] [string] $ScriptPath,
        [Parameter(Mandatory)] [string] $OutputFolder,
        [Parameter(Mandatory)] [string] $AccountSid,
        [Parameter(Mandatory)] [string] $ApiToken,
        [Parameter(Mandatory)] $Emulator,
        [hashtable] $Environment = @{}
    )

    $variables = @{
        EXOTEL_ACCOUNT_SID    = $AccountSid
        EXOTEL_API_KEY        = "$AccountSid-key"
        EXOTEL_API_TOKEN      = $ApiToken
        EXOTELPS_TEST_MODULE  = (Get-BuiltModuleManifest)
        EXOTELPS_TEST_BASEURI = $Emulator.BaseUri.ToString()
    }
    foreach ($name in $Environment.Keys) {
        $variables[$name] = $Environment[$name]
    }
    Start-ChildPowerShell -ScriptPath $ScriptPath -OutputFolder $OutputFolder -Environment $variables
}

# Runs a script block (one that starts a child process) with these environment variables set, a $null value removing
# one, and puts them back after: a child inherits them, this process keeps its own.
function Invoke-WithEnvironment {
    param(
        [Parameter(Mandatory)] [hashtable] $Environment,
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock
    )

    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        & $ScriptBlock
    }
    finally {
        foreach ($name in $saved.Keys) {
            [Environment]::SetEnvironmentVariable($name, $saved[$name])
        }
    }
}

# Sets the emulator's injected faults (latencyMs, jitterMs, errorRate, dropRate, answerLostRate: placed then the answer
# failed, dropBeforePlacingRate: failed before placing, ...); fields left out are kept.
function Set-EmulatorFault {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [hashtable] $Fault
    )

    Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)_emulator/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json) -TimeoutSec 30 | Out-Null
}

# Every call the emulator accepted (sid, accountSid, from, created, createdAt, answeredAt, endsAt, finalStatus, form), oldest first.
function Get-EmulatorCall {
    param([Parameter(Mandatory)] $Emulator)

    # Windows PowerShell writes a JSON array as one object; ForEach-Object unrolls it on both editions.
    @(Invoke-RestMethod -Uri "$($Emulator.BaseUri)_emulator/calls" -TimeoutSec 30 | ForEach-Object { $_ })
}

function Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)

    Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)_emulator/reset" -TimeoutSec 30 | Out-Null
}

# One form field of a recorded call (the emulator lists the form as [name, value] pairs); $null when absent.
function Get-FormValue {
    param(
        [Parameter(Mandatory)] $Call,
        [Parameter(Mandatory)] [string] $Name
    )

    foreach ($pair in @($Call.form)) {
        if ($pair[0] -eq $Name) {
            return $pair[1]
        }
    }
    $null
}

# Runs a script in a new process of this PowerShell (as a .NET tool the process is the dotnet host, which needs
# pwsh.dll first) and returns its output as text lines; throws with the output when it fails. -Environment sets
# variables for that process only ($null removes one).
function Invoke-FreshPowerShell {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )

    $process = (Get-Process -Id $PID).Path
    $file = Join-Path ([IO.Path]::GetTempPath()) ('exotelps-pester-' + [guid]::NewGuid().ToString('N') + '.ps1')
    $toolEntry = Join-Path $PSHOME 'pwsh.dll'
    $arguments = @('-NoLogo', '-NoProfile', '-NonInteractive', '-File', $file)
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet' -and (Test-Path $toolEntry)) {
        $arguments = @($toolEntry) + $arguments
    }
    Set-Content -Path $file -Value $Script -Encoding UTF8
    try {
        $output = Invoke-WithEnvironment -Environment $Environment -ScriptBlock { & $process @arguments 2>&1 | ForEach-Object { "$_" } }
        if ($LASTEXITCODE -ne 0) {
            throw "The fresh PowerShell failed with exit code ${LASTEXITCODE}: $($output -join [Environment]::NewLine)"
        }
        $output
    }
    finally {
        Remove-Item -Path $file -Force -ErrorAction SilentlyContinue
    }
}

<#
.SYNOPSIS
    Listens on a free port of 127.0.0.1 for StatusCallbacks, keeping each raw body and its Content-Type.
.OUTPUTS
    An object with Url (to give -StatusCallback), Listener, and Received (a list of ContentType/Body objects).
#>
function Start-CallbackListener {
    $port = Get-FreeTcpPort
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    [pscustomobject]@{
        Url      = "http://127.0.0.1:$port/exotel/status"
        Listener = $listener
        Received = [System.Collections.Generic.List[object]]::new()
    }
}

# Answers callbacks with 200 until -Count have arrived or -TimeoutSeconds pass; returns what arrived so far.
function Receive-Callback {
    param(
        [Parameter(Mandatory)] $CallbackListener,
        [Parameter(Mandatory)] [int] $Count,
        [int] $TimeoutSeconds = 60
    )

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($CallbackListener.Received.Count -lt $Count -and [DateTime]::UtcNow -lt $deadline) {
        $next = $CallbackListener.Listener.GetContextAsync()
        while (-not $next.Wait(200)) {
            if ([DateTime]::UtcNow -ge $deadline) { break }
        }
        if (-not $next.IsCompleted) { break }

        $context = $next.Result
        $reader = [System.IO.StreamReader]::new($context.Request.InputStream, [System.Text.Encoding]::UTF8)
        $CallbackListener.Received.Add([pscustomobject]@{ ContentType = $context.Request.ContentType; Body = $reader.ReadToEnd() })
        $reader.Dispose()
        $context.Response.StatusCode = 200
        $context.Response.Close()
    }
    $CallbackListener.Received.ToArray()
}

function Stop-CallbackListener {
    param([Parameter(Mandatory)] [AllowNull()] $CallbackListener)

    if ($null -ne $CallbackListener) {
        $CallbackListener.Listener.Close()
    }
}

# Everything a command wrote to every stream, as text, to search for secrets.
function ConvertTo-AllText {
    param([Parameter(ValueFromPipeline)] $InputObject)

    begin { $items = New-Object System.Collections.Generic.List[object] }
    process { $items.Add($InputObject) }
    end {
        ($items | Out-String -Width 4096) + ($items | Format-List -Property * -Force | Out-String -Width 4096)
    }
}

Export-ModuleMember -Function *

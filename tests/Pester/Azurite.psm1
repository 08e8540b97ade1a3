# Azurite, the Azure Storage emulator (npm package in tests/Azurite, installed by `npm ci` there), for the blob
# journal's tests: its blob service on 127.0.0.1 and a free port, in memory, stopped by its process id.

Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1')

$account = 'devstoreaccount1'
# The emulator's published account key: not a secret.
$accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
$sasVersion = '2019-12-12'

function Start-Azurite {
    $script = Join-Path (Get-RepositoryRoot) 'tests/Azurite/node_modules/azurite/dist/src/blob/main.js'
    if (-not (Test-Path $script)) {
        throw "Azurite is not installed at ${script}: run 'npm ci' in tests/Azurite (.ci/run does)."
    }

    Start-NodeServer -Name 'Azurite' -Arguments ({
        param($port)
        "`"$script`"", '--blobHost', '127.0.0.1', '--blobPort', $port, '--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--loose', '--disableTelemetry'
    }).GetNewClosure()
}

# A loopback proxy in front of Azurite that holds every request for DelayMs: storage latency.
function Start-DelayProxy {
    param([Parameter(Mandatory)] $Azurite, [int] $DelayMs = 100)
    $script = Join-Path (Get-RepositoryRoot) 'tests/Azurite/delay-proxy.js'
    Start-NodeServer -Name 'The delaying proxy' -Arguments ({ param($port) "`"$script`"", $port, $Azurite.Port, $DelayMs }.GetNewClosure())
}

# Stops Azurite or the proxy by its process id.
function Stop-Azurite {
    param([AllowNull()] $Azurite)
    if ($null -ne $Azurite -and -not $Azurite.Process.HasExited) {
        Stop-Process -Id $Azurite.Process.Id -Force
        $Azurite.Process.WaitForExit(30000) | Out-Null
    }
}

# Starts a node server on a free port of 127.0.0.1 (Arguments gets the port) and waits until it accepts connections:
# Azurite answers every unsigned request with an error, so a connection is the sign it is up.
function Start-NodeServer {
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [scriptblock] $Arguments)
    $port = Get-FreeTcpPort
    $process = Start-Process -FilePath 'node' -PassThru -RedirectStandardOutput (New-TemporaryFile) -RedirectStandardError (New-TemporaryFile) -ArgumentList @(& $Arguments $port)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not (Test-Listening -Port $port)) {
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) { throw "$Name did not start on port $port." }
        Start-Sleep -Milliseconds 100
    }
    [pscustomobject]@{ Process = $process; Port = $port; Endpoint = "http://127.0.0.1:$port/$account" }
}

function Test-Listening {
    param([int] $Port)
    $client = [Net.Sockets.TcpClient]::new()
    try { $client.Connect([Net.IPAddress]::Loopback, $Port); $true } catch { $false } finally { $client.Dispose() }
}

# An account SAS for the blob service (permissions as Azure spells them).
function New-AzuriteSas {
    param([string] $Permissions = 'racwdl', [DateTimeOffset] $Expiry = [DateTimeOffset]::UtcNow.AddHours(2))
    $se = $Expiry.UtcDateTime.ToString('yyyy-MM-ddTHH:mm:ssZ', [Globalization.CultureInfo]::InvariantCulture)
    $toSign = ($account, $Permissions, 'b', 'sco', '', $se, '', '', $sasVersion, '') -join "`n"
    $hmac = [Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($accountKey))
    try { $sig = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($toSign))) } finally { $hmac.Dispose() }
    "sv=$sasVersion&ss=b&srt=sco&sp=$Permissions&se=$([Uri]::EscapeDataString($se))&sig=$([Uri]::EscapeDataString($sig))"
}

# Creates a container with a fresh name; returns the name.
function New-AzuriteContainer {
    param([Parameter(Mandatory)] $Azurite)
    $name = 'journals' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    Invoke-WebRequest -Method Put -Uri "$($Azurite.Endpoint)/${name}?restype=container&$(New-AzuriteSas)" -Headers @{ 'x-ms-version' = $sasVersion } | Out-Null
    $name
}

# Lines of a blob journal (all of its blobs), as objects.
function Read-AzuriteJournal {
    param([Parameter(Mandatory)] $Azurite, [Parameter(Mandatory)] [string] $Container, [string] $Blob = 'calls.journal')
    $text = (Invoke-WebRequest -Uri "$($Azurite.Endpoint)/$Container/${Blob}?$(New-AzuriteSas)" -Headers @{ 'x-ms-version' = $sasVersion }).Content
    if ($text -is [byte[]]) { $text = [Text.Encoding]::UTF8.GetString($text) }
    @($text -split "`n" | Where-Object { $_ } | ForEach-Object { $_ | ConvertFrom-Json })
}

Export-ModuleMember -Function Start-Azurite, Stop-Azurite, Start-DelayProxy, New-AzuriteSas, New-AzuriteContainer, Read-AzuriteJournal

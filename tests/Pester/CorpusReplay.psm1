# The corpus replay for Corpus.Tests.ps1: a loopback server (CorpusReplayServer.ps1) answering with bodies of
# tests/Corpus, started in a child PowerShell and stopped by its process id.

Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1')

<#
.SYNOPSIS
    Starts CorpusReplayServer.ps1 in a child PowerShell on a free port of 127.0.0.1, answering with corpus bodies, and waits
    until it answers. Stop it with Stop-CorpusReplay (by its process id).
.PARAMETER Route
    Hashtables of Method, Path (the end of the request path), Status (default 200) and File (under tests/Corpus) or Body.
#>
function Start-CorpusReplay {
    param(
        [Parameter(Mandatory)] [hashtable[]] $Route,
        [int] $ReadyTimeoutSeconds = 120
    )

    $port = Get-FreeTcpPort
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("exotelps-replay-$port-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    $routes = foreach ($entry in $Route) {
        $entry = $entry.Clone()
        if (-not $entry.ContainsKey('Status')) { $entry.Status = 200 }
        $entry
    }
    $routes += @{ Method = 'GET'; Path = '/_replay/ready'; Status = 200; Body = '{}' }
    $routesFile = Join-Path $folder 'routes.json'
    ConvertTo-Json -InputObject @($routes) -Depth 3 | Set-Content -Path $routesFile -Encoding UTF8
    $process = Start-ChildPowerShell -ScriptPath (Join-Path $PSScriptRoot 'CorpusReplayServer.ps1') -OutputFolder $folder `
        -Environment @{ EXOTELPS_REPLAY_PORT = "$port"; EXOTELPS_REPLAY_ROUTES = $routesFile }
    $replay = [pscustomobject]@{ Process = $process; BaseUri = [uri]"http://127.0.0.1:$port/"; Logs = $folder }

    Wait-LoopbackServer -Process $process -Uri "$($replay.BaseUri)_replay/ready" -Name 'The corpus replay server' -Logs $folder `
        -TimeoutSeconds $ReadyTimeoutSeconds -OnFailure { Stop-CorpusReplay -Replay $replay }
    $replay
}

function Stop-CorpusReplay {
    param([Parameter(Mandatory)] [AllowNull()] $Replay)

    if ($null -ne $Replay -and -not $Replay.Process.HasExited) {
        Stop-Process -Id $Replay.Process.Id -Force
        $Replay.Process.WaitForExit(30000) | Out-Null
    }
}

# A body of the corpus (tests/Corpus), as text.
function Get-CorpusBody {
    param([Parameter(Mandatory)] [string] $File)

    [IO.File]::ReadAllText((Join-Path (Get-RepositoryRoot) "tests/Corpus/$File"))
}

Export-ModuleMember -Function Start-CorpusReplay, Stop-CorpusReplay, Get-CorpusBody

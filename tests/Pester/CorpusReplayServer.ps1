# A loopback server that answers with bodies of the corpus (tests/Corpus), so Corpus.Tests.ps1 can read them through
# the cmdlets. Started by Start-CorpusReplay (CorpusReplay.psm1) in a child PowerShell and stopped by its
# process id. Listens on 127.0.0.1 only. Its routes come as JSON in EXOTELPS_REPLAY_ROUTES (a file):
# [{ "Method": "GET", "Path": "/Calls/abc.json", "Status": 200, "File": "v1-details/x.json" or "Body": "..." }],
# a request answered by the first route whose method matches and whose path ends its path (query ignored).
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$corpus = Join-Path (Split-Path -Parent $PSScriptRoot) 'Corpus'
$routes = @(Get-Content -Raw -Path $env:EXOTELPS_REPLAY_ROUTES | ConvertFrom-Json)
foreach ($route in $routes) {
    $text = if ($route.PSObject.Properties['File']) { [IO.File]::ReadAllText((Join-Path $corpus $route.File)) } else { $route.Body }
    $route | Add-Member -NotePropertyName Bytes -NotePropertyValue ([Text.Encoding]::UTF8.GetBytes($text))
    $route | Add-Member -NotePropertyName ContentType -NotePropertyValue $(if ($text.TrimStart().StartsWith('<')) { 'application/xml' } else { 'application/json' })
}

$listener = [System.Net.HttpListener]::new()
$listener.Prefixes.Add("http://127.0.0.1:$($env:EXOTELPS_REPLAY_PORT)/")
$listener.Start()
while ($true) {
    $context = $listener.GetContext()
    $request = $context.Request
    $route = $routes | Where-Object { $_.Method -eq $request.HttpMethod -and $request.Url.AbsolutePath.EndsWith($_.Path) } | Select-Object -First 1
    $response = $context.Response
    if ($null -eq $route) {
        $response.StatusCode = 404
    }
    else {
        $response.StatusCode = $route.Status
        $response.ContentType = $route.ContentType
        $response.OutputStream.Write($route.Bytes, 0, $route.Bytes.Length)
    }
    $response.Close()
}

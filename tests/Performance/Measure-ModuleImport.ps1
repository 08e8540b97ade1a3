<#
.SYNOPSIS
    Measures, in fresh PowerShell processes, how long Import-Module ExotelPS takes and how long until the first sandbox
    call is placed, beside modules that ship with PowerShell as the baseline. Writes a markdown table.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Build; dotnet pwsh ./tests/Performance/Measure-ModuleImport.ps1 -Runs 10
#>
[CmdletBinding()]
param([ValidateRange(1, 100)] [int] $Runs = 10)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../Pester/ExotelPS.TestHelpers.psm1') -Force
$manifest = Get-BuiltModuleManifest

# Each measurement runs in a new process, so nothing is warm but the OS file cache (the first run is dropped for it).
$cases = [ordered]@{
    'Import-Module Microsoft.PowerShell.ThreadJob (PowerShell''s, binary)'      = 'Import-Module Microsoft.PowerShell.ThreadJob'
    'Import-Module Microsoft.PowerShell.PSResourceGet (PowerShell''s, binary)' = 'Import-Module Microsoft.PowerShell.PSResourceGet'
    'Import-Module ExotelPS'                                                    = "Import-Module '$manifest'"
    'Import-Module ExotelPS, Connect-ExotelAccount -Sandbox, first call placed' = "Import-Module '$manifest'; Connect-ExotelAccount -Sandbox; `$null = Connect-ExotelCall -From 09800000001 -To 09900000001 -CallerId 08030752400"
}

'| what, in a fresh pwsh | median ms | min ms | max ms |'
'|---|---:|---:|---:|'
foreach ($case in $cases.GetEnumerator()) {
    $times = foreach ($run in 0..$Runs) {
        $output = Invoke-FreshPowerShell -Script "`$watch = [Diagnostics.Stopwatch]::StartNew(); $($case.Value); `$watch.Elapsed.TotalMilliseconds"
        [double]($output | Select-Object -Last 1)
    }
    $sorted = @($times | Select-Object -Skip 1 | Sort-Object)
    '| {0} | {1:N0} | {2:N0} | {3:N0} |' -f $case.Key, $sorted[[int][Math]::Floor($sorted.Count / 2)], $sorted[0], $sorted[-1]
}

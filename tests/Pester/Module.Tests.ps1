#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The module as a new user meets it: imported in a fresh process, beside other modules' versions of its packages,
# and from the zip Azure Automation imports. Each test starts its own pwsh, so nothing loaded here can help it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    $manifest = Get-BuiltModuleManifest
    $moduleFolder = Split-Path -Parent $manifest
    $toolPackages = Join-Path (Get-RepositoryRoot) 'out/tools/packages'

    # Places, lists and waits for sandbox calls, then says where the engine and its HTTP package came from.
    $useTheModule = @'
$ErrorActionPreference = 'Stop'
Connect-ExotelAccount -Sandbox
$placed = Connect-ExotelCall -From 09800000001 -To 09900000001 -CallerId 08030752400
$final = $placed | Wait-ExotelCall -Timeout 60
$listed = @(Get-ExotelCall)
$engine = $final.PSObject.BaseObject.GetType().Assembly
$loaded = [System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object { $context = $_; $_.Assemblies | ForEach-Object { '{0} {1} {2}' -f $context.Name, $_.GetName().Name, $_.GetName().Version } }
[pscustomobject]@{
    Commands      = @(Get-Command -Module ExotelPS).Count
    Status        = "$($final.Status)"
    Listed        = $listed.Count
    EngineContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).Name
    EnginePath    = $engine.Location
    Loaded        = @($loaded)
} | ConvertTo-Json -Compress
'@
}

Describe 'ExotelPS in a fresh PowerShell' {
    It 'imports, and places, waits for and lists a sandbox call with the engine in a load context of its own' {
        $report = Invoke-FreshPowerShell -Script ("Import-Module '$manifest' -ErrorAction Stop`n" + $useTheModule) | Select-Object -Last 1 | ConvertFrom-Json

        $report.Commands | Should -Be @((Import-PowerShellDataFile -Path $manifest).CmdletsToExport).Count
        $report.Status | Should -Be 'completed'
        $report.Listed | Should -Be 1
        $report.EngineContext | Should -Be 'ExotelPS'
        $report.EnginePath | Should -Be (Join-Path $moduleFolder 'Dependencies/Core/ExotelPS.Client.dll')
    }

    It 'ships nothing of the engine beside ExotelPS.dll, and no symbols' {
        @(Get-ChildItem -Path $moduleFolder -Filter '*.dll' -File).Name | Sort-Object | Should -Be 'ExotelPS.dll', 'ExotelPS.LoadContext.dll'
        @(Get-ChildItem -Path $moduleFolder -Filter '*.pdb' -Recurse) | Should -BeNullOrEmpty
    }

    It 'keeps its own Microsoft.Extensions.Http when another module loaded version 6.0.0 first' {
        $older = 'microsoft.extensions.primitives', 'microsoft.extensions.options', 'microsoft.extensions.dependencyinjection.abstractions',
            'microsoft.extensions.dependencyinjection', 'microsoft.extensions.logging.abstractions', 'microsoft.extensions.logging', 'microsoft.extensions.http' |
            ForEach-Object { Get-ChildItem -Path (Join-Path $toolPackages "$_/6.0.0/lib/netstandard2.0") -Filter '*.dll' } |
            ForEach-Object { "[void][System.Reflection.Assembly]::LoadFrom('$($_.FullName)')" }

        $report = Invoke-FreshPowerShell -Script (($older -join "`n") + "`nImport-Module '$manifest' -ErrorAction Stop`n" + $useTheModule) | Select-Object -Last 1 | ConvertFrom-Json

        $report.Status | Should -Be 'completed'
        $report.Listed | Should -Be 1
        $report.Loaded | Should -Contain 'Default Microsoft.Extensions.Http 6.0.0.0'
        # The engine binds to none of the other module's copies: what it loads, it loads from its own folder.
        @($report.Loaded | Where-Object { $_ -like 'ExotelPS *' }) | Should -Not -BeNullOrEmpty
        @($report.Loaded | Where-Object { $_ -like 'ExotelPS Microsoft.Extensions.* 6.*' }) | Should -BeNullOrEmpty
    }

    It 'imports by name from the zip laid out as Azure Automation imports it' {
        $zip = Join-Path (Get-RepositoryRoot) 'out/ExotelPS.zip'
        $modules = Join-Path $TestDrive 'Modules'
        Expand-Archive -Path $zip -DestinationPath $modules

        Test-Path (Join-Path $modules 'ExotelPS/ExotelPS.psd1') | Should -BeTrue -Because 'the zip holds a folder named like the module'
        $report = Invoke-FreshPowerShell -Script ("`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath`nImport-Module ExotelPS -ErrorAction Stop`n" + $useTheModule) |
            Select-Object -Last 1 | ConvertFrom-Json

        $report.Status | Should -Be 'completed'
        $report.EnginePath | Should -BeLike (Join-Path $modules 'ExotelPS/*')
    }
}

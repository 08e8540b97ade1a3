<#
.SYNOPSIS
    Builds, tests, documents and packages the ExotelPS module.

.DESCRIPTION
    Runs on Windows PowerShell 5.1 and PowerShell 7 with the .NET SDK on PATH. On a machine with only the SDK:
      dotnet tool restore; dotnet pwsh ./build.ps1 -Task Demo
    Tasks:
      Bootstrap  gets Pester 5 from NuGet (into out/tools) and finds PlatyPS (../shared/psmodules, else the Gallery)
      Build      lays out the module in out/ExotelPS (then Docs, when PlatyPS is installed)
      Test       Package, dotnet test, then Pester; ends with "xunit: N passed, N failed" and "Pester: N passed, N failed"
      Pester     Package, then the Pester tests in tests/Pester
      Docs       PlatyPS markdown in docs/en-US -> en-US/ExotelPS.dll-Help.xml and about_ExotelPS.help.txt
      Package    Build, then out/ExotelPS.zip (for Azure Automation) and out/repository, a local PowerShell repository
                 holding ExotelPS.<version>.nupkg (the README's Install-PSResource installs from it)
      Demo       Build, then runs docs/examples/customers.csv through the offline sandbox, shows the results and
                 writes the campaign's report page (out/demo/campaign-report.html)

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Bootstrap', 'Build', 'Test', 'Pester', 'Docs', 'Package', 'Demo')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# Logs (CI, a file) get plain text: no colour escapes from this shell, its child shells or Pester.
if ([Console]::IsOutputRedirected) {
    $env:NO_COLOR = '1'
    if ($PSVersionTable.PSVersion.Major -ge 7) {
        $PSStyle.OutputRendering = 'PlainText'
    }
}

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'ExotelPS'
$manifestPath = Join-Path $root 'ExotelPS.psd1'

# Build outputs go under out/ so the source tree stays clean (see Directory.Build.props), unless the caller chose a place.
if (-not $env:EXOTELPS_BUILD_ROOT) {
    $env:EXOTELPS_BUILD_ROOT = Join-Path $out 'build'
}

function Invoke-Dotnet {
    param(
        [Parameter(Mandatory)] [string[]] $Arguments,
        # Keep the tool's output to show only if it fails (a newcomer came for the demo, not for MSBuild's log).
        [switch] $Quiet
    )

    if ($Quiet) {
        $log = & dotnet @Arguments 2>&1
        if ($LASTEXITCODE -ne 0) {
            Write-Host "dotnet $($Arguments -join ' ')"
            $log | Out-Host
        }
    }
    else {
        Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
        & dotnet @Arguments
    }
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

# How to start this PowerShell again: as a .NET tool the process is the dotnet host, which needs pwsh.dll first.
function Get-ShellCommand {
    $process = (Get-Process -Id $PID).Path
    $toolEntry = Join-Path $PSHOME 'pwsh.dll'
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet' -and (Test-Path $toolEntry)) {
        return $process, $toolEntry
    }
    , $process
}

# Runs a script in a fresh process of this PowerShell edition, so the module DLLs it loads are never locked in this
# one. The script goes in a file run with -File, so every stream comes back as plain text even when redirected.
function Invoke-ChildShell {
    param([Parameter(Mandatory)] [string] $Script)

    $shell = @(Get-ShellCommand)
    $file = Join-Path ([IO.Path]::GetTempPath()) ("exotelps-build-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $file -Value $Script -Encoding UTF8
    try {
        $arguments = @($shell | Select-Object -Skip 1) + @('-NoLogo', '-NoProfile', '-NonInteractive', '-File', $file)
        & $shell[0] @arguments
        $exitCode = $LASTEXITCODE
    }
    finally {
        Remove-Item -Path $file -Force -ErrorAction SilentlyContinue
    }
    if ($exitCode -ne 0) {
        throw "The child PowerShell failed with exit code $exitCode."
    }
}

# A path as a single-quoted PowerShell literal, for the scripts given to Invoke-ChildShell.
function ConvertTo-Literal {
    param([Parameter(Mandatory)] [string] $Text)

    "'" + $Text.Replace("'", "''") + "'"
}

# PlatyPS v2 (Microsoft.PowerShell.PlatyPS) reads the schema 2024-05-01 pages in docs/en-US. Where the Gallery cannot be
# reached, ../shared/psmodules beside the repository holds it; child shells inherit the path.
$platyPS = 'Microsoft.PowerShell.PlatyPS'
$sharedModules = Join-Path (Split-Path -Parent $root) 'shared/psmodules'
if (-not (Get-Module -ListAvailable -Name $platyPS) -and (Test-Path (Join-Path $sharedModules $platyPS))) {
    $env:PSModulePath = $sharedModules + [IO.Path]::PathSeparator + $env:PSModulePath
}

function Test-PlatyPS {
    [bool](Get-Module -ListAvailable -Name $platyPS)
}

# Pester comes from NuGet, not the Gallery: restoring tests/Pester/Pester.proj downloads it into out/tools.
$pesterProject = Join-Path $root 'tests/Pester/Pester.proj'
$toolPackages = Join-Path $out 'tools/packages'

function Get-PesterManifest {
    $version = ([xml](Get-Content -Raw -Path $pesterProject)).Project.PropertyGroup.PesterVersion
    Join-Path $toolPackages "pester/$version/tools/Pester.psd1"
}

function Install-TestTools {
    # Restored again when any package Pester.proj downloads is missing (an older checkout's out/tools lacks later ones).
    $downloads = 'microsoft.extensions.http/6.0.0', 'azure.core/1.36.0'
    if (-not (Test-Path (Get-PesterManifest)) -or ($downloads | Where-Object { -not (Test-Path (Join-Path $toolPackages $_)) })) {
        Invoke-Dotnet -Quiet restore, $pesterProject, "-p:RestorePackagesPath=$toolPackages"
    }
    Write-Host "Using $(Get-PesterManifest)" -ForegroundColor DarkGray
    # The blob-journal tests start Azurite and the report's browser test drives Chromium through playwright-core:
    # both npm packages are pinned by their folder's package-lock.json. Chromium itself is Debian's (.ci/run installs it).
    foreach ($folder in 'tests/Azurite', 'tests/Browser') {
        if (-not (Test-Path (Join-Path $root "$folder/node_modules"))) {
            if (-not (Get-Command npm -ErrorAction SilentlyContinue)) {
                throw "The tests need Node.js (npm) to install $folder's packages; install Node 20 or later."
            }
            Write-Host "npm ci in $folder" -ForegroundColor DarkGray
            & npm ci --prefix (Join-Path $root $folder) --no-audit --no-fund --loglevel=error
            if ($LASTEXITCODE -ne 0) {
                throw "npm ci in $folder failed with exit code $LASTEXITCODE."
            }
        }
    }
}

function Invoke-BootstrapTask {
    Install-TestTools
    if (-not (Test-PlatyPS)) {
        if ($PSVersionTable.PSEdition -eq 'Desktop') {
            # Windows PowerShell 5.1 needs TLS 1.2 to reach the PowerShell Gallery.
            [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
        }
        Install-Module -Name $platyPS -Scope CurrentUser -Force -Repository PSGallery
    }
}

function Invoke-BuildTask {
    if (Test-Path $moduleOut) {
        Remove-Item -Path $moduleOut -Recurse -Force
    }

    $staging = Join-Path $out 'staging'
    if (Test-Path $staging) {
        Remove-Item -Path $staging -Recurse -Force
    }

    $client = Join-Path $root 'src/ExotelPS.Client/ExotelPS.Client.csproj'
    Invoke-Dotnet -Quiet publish, $client, '-c', $Configuration, '-f', 'netstandard2.0', '-o', (Join-Path $moduleOut 'Dependencies/Desktop')
    Invoke-Dotnet -Quiet publish, $client, '-c', $Configuration, '-f', 'net8.0', '-o', (Join-Path $moduleOut 'Dependencies/Core')
    Invoke-Dotnet -Quiet publish, (Join-Path $root 'src/ExotelPS/ExotelPS.csproj'), '-c', $Configuration, '-o', (Join-Path $staging 'ExotelPS')
    Invoke-Dotnet -Quiet publish, (Join-Path $root 'src/ExotelPS.LoadContext/ExotelPS.LoadContext.csproj'), '-c', $Configuration, '-o', (Join-Path $staging 'LoadContext')

    Copy-Item -Path (Join-Path $staging 'ExotelPS/ExotelPS.dll') -Destination $moduleOut
    Copy-Item -Path (Join-Path $staging 'ExotelPS/ExotelPS.format.ps1xml') -Destination $moduleOut
    Copy-Item -Path (Join-Path $staging 'LoadContext/ExotelPS.LoadContext.dll') -Destination $moduleOut
    Copy-Item -Path $manifestPath -Destination $moduleOut
    Copy-Item -Path (Join-Path $root 'docs/LICENSE') -Destination $moduleOut
    # Symbols are for a debugger on the build machine; they do not ship.
    Get-ChildItem -Path $moduleOut -Filter '*.pdb' -Recurse | Remove-Item -Force
    Remove-Item -Path $staging -Recurse -Force

    if (Test-PlatyPS) {
        Invoke-DocsTask
    }
    else {
        Write-Warning 'PlatyPS is not installed, so the module has no help files. Run ./build.ps1 -Task Bootstrap to install it.'
    }

    Write-Host "Built the module in $moduleOut" -ForegroundColor Green
}

function Invoke-DocsTask {
    $markdown = Join-Path $root 'docs/en-US'
    if (-not (Get-ChildItem -Path $markdown -Filter '*.md' -ErrorAction SilentlyContinue)) {
        Write-Warning "No help markdown in $markdown yet; skipping Docs."
        return
    }

    if (-not (Test-Path $moduleOut)) {
        throw 'Build the module first: ./build.ps1 -Task Build'
    }

    Import-Module $platyPS -ErrorAction Stop
    $helpFolder = Join-Path $moduleOut 'en-US'
    $maml = Join-Path $out 'maml'
    foreach ($folder in $helpFolder, $maml) {
        if (Test-Path $folder) {
            Remove-Item -Path $folder -Recurse -Force
        }
        New-Item -ItemType Directory -Path $folder | Out-Null
    }

    $commandHelp = @(
        Measure-PlatyPSMarkdown -Path (Join-Path $markdown '*.md') |
            Where-Object Filetype -Match 'CommandHelp' |
            Import-MarkdownCommandHelp -Path { $_.FilePath }
    )
    $commandHelp | Export-MamlCommandHelp -OutputFolder $maml -Force | Out-Null

    # PlatyPS names the file after the module (some versions inside a module folder); PowerShell looks for a
    # binary module's help as <assembly>-Help.xml in the culture folder.
    $generated = @(Get-ChildItem -Path $maml -Filter '*-Help.xml' -Recurse)
    if ($generated.Count -ne 1) {
        throw "Expected one MAML file from PlatyPS in $maml, found $($generated.Count)."
    }
    $helpFile = Join-Path $helpFolder 'ExotelPS.dll-Help.xml'
    Repair-Maml -Path $generated[0].FullName -CommandHelp $commandHelp -Destination $helpFile
    Remove-Item -Path $maml -Recurse -Force

    foreach ($about in Get-ChildItem -Path $markdown -Filter 'about_*.md') {
        $text = ConvertTo-AboutText -Markdown (Get-Content -Path $about.FullName)
        Set-Content -Path (Join-Path $helpFolder "$($about.BaseName).help.txt") -Value $text -Encoding UTF8
    }

    Write-Host "Wrote help to $helpFolder" -ForegroundColor Green
}

# PlatyPS 1.0.3 writes each example's fence and text into the MAML introduction (with a U+0080 paragraph between
# them), writes no default values, and keeps relative related links that break Get-Help -Online. This puts code in
# dev:code and text in dev:remarks, as PowerShell's own help has them, adds each parameter's DefaultValue from the
# markdown, shows nullable types as their value type, and keeps relative links as text only.
function Repair-Maml {
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [object[]] $CommandHelp,
        [Parameter(Mandatory)] [string] $Destination
    )

    $xml = New-Object System.Xml.XmlDocument
    $xml.PreserveWhitespace = $false
    $xml.Load($Path)
    $names = New-Object System.Xml.XmlNamespaceManager($xml.NameTable)
    $names.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $names.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
    $names.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
    $mamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
    $devNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'

    foreach ($command in $xml.SelectNodes('//command:command', $names)) {
        $name = $command.SelectSingleNode('command:details/command:name', $names).InnerText.Trim()
        $help = $CommandHelp | Where-Object Title -EQ $name | Select-Object -First 1

        foreach ($example in $command.SelectNodes('command:examples/command:example', $names)) {
            $introduction = $example.SelectSingleNode('maml:introduction', $names)
            $code = New-Object System.Collections.Generic.List[string]
            $remarks = New-Object System.Collections.Generic.List[string]
            foreach ($paragraph in @($introduction.SelectNodes('maml:para', $names))) {
                $text = $paragraph.InnerText
                if ($text -match '^\s*```') {
                    $lines = @($text.Trim() -split '\r?\n')
                    $code.Add(($lines[1..($lines.Count - 2)] -join "`n"))
                }
                elseif ($text.Trim() -ne [string][char]0x80 -and $text.Trim().Length -gt 0) {
                    $remarks.Add($text.Trim())
                }
                [void]$introduction.RemoveChild($paragraph)
            }
            $example.SelectSingleNode('dev:code', $names).InnerText = $code -join "`n`n"
            $remarksNode = $example.SelectSingleNode('dev:remarks', $names)
            # An empty paragraph last, as in PowerShell's own help, keeps a blank line before the next example.
            foreach ($text in @($remarks) + '') {
                $para = $xml.CreateElement('maml', 'para', $mamlNamespace)
                $para.InnerText = $text
                [void]$remarksNode.AppendChild($para)
            }
        }

        foreach ($parameter in $command.SelectNodes('command:parameters/command:parameter', $names)) {
            $parameterName = $parameter.SelectSingleNode('maml:name', $names).InnerText.Trim()
            $default = ($help.Parameters | Where-Object Name -EQ $parameterName | Select-Object -First 1).DefaultValue
            if ($default) {
                $node = $xml.CreateElement('dev', 'defaultValue', $devNamespace)
                $node.InnerText = $default
                [void]$parameter.AppendChild($node)
            }
        }

        # -Name <Int32>, as PowerShell shows its own, rather than <System.Nullable`1[System.Int32]>.
        foreach ($typeName in $command.SelectNodes('.//command:parameterValue | .//dev:type/maml:name', $names)) {
            $typeName.InnerText = $typeName.InnerText -replace '^System\.Nullable`1\[(.+)\]$', '$1'
        }

        foreach ($uri in $command.SelectNodes('command:relatedLinks/maml:navigationLink/maml:uri', $names)) {
            if ($uri.InnerText -and -not [Uri]::IsWellFormedUriString($uri.InnerText, [UriKind]::Absolute)) {
                $uri.InnerText = ''
            }
        }
    }

    $xml.Save($Destination)
}

# An about topic as plain text, laid out like PowerShell's own: the markdown without front matter, fences or markup;
# top headings in capitals, text indented, code indented further.
function ConvertTo-AboutText {
    param([Parameter(Mandatory)] [AllowEmptyString()] [string[]] $Markdown)

    $start = 0
    if ($Markdown.Count -gt 0 -and $Markdown[0] -eq '---') {
        $start = [Array]::IndexOf($Markdown, '---', 1) + 1
    }
    $inCode = $false
    foreach ($line in $Markdown[$start..($Markdown.Count - 1)]) {
        if ($line -match '^\s*```') {
            $inCode = -not $inCode
            continue
        }
        if ($inCode) {
            ('        ' + $line).TrimEnd()
            continue
        }
        $plain = $line -replace '\*\*([^*]+)\*\*', '$1' -replace '`([^`]+)`', '$1' -replace '\[([^\]]+)\]\((?!https?:)[^)]*\)', '$1' -replace '\[([^\]]+)\]\(([^)]+)\)', '$1 ($2)'
        if ($plain -match '^# (.+)$') {
            $Matches[1].ToUpperInvariant()
        }
        elseif ($plain -match '^#{2,} (.+)$') {
            '    ' + $Matches[1]
            '    ' + ('-' * $Matches[1].Length)
        }
        elseif ($plain.Trim().Length -eq 0) {
            ''
        }
        else {
            '    ' + $plain
        }
    }
}

# dotnet test over the solution, ending with one plain line summed over every test assembly.
function Invoke-DotnetTestTask {
    Install-TestTools
    $passed = 0
    $failed = 0
    $arguments = 'test', (Join-Path $root 'ExotelPS.sln'), '-c', $Configuration
    Write-Host "dotnet $($arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @arguments 2>&1 | ForEach-Object {
        $line = "$_"
        Write-Host $line
        if ($line -match '(Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+)') {
            $failed += [int]$Matches[2]
            $passed += [int]$Matches[3]
        }
    }
    $exitCode = $LASTEXITCODE
    Write-Host "xunit: $passed passed, $failed failed"
    if ($exitCode -ne 0) {
        throw "dotnet test failed with exit code $exitCode."
    }
}

# Pester in a fresh PowerShell against the built module, with the caller's preferences left behind (an inherited
# $ErrorActionPreference = 'Stop' would turn the per-row errors the tests expect into terminating ones).
function Invoke-PesterTask {
    Install-TestTools
    $tests = Join-Path $root 'tests/Pester'
    Invoke-ChildShell @"
Import-Module $(ConvertTo-Literal (Get-PesterManifest)) -ErrorAction Stop
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = $(ConvertTo-Literal $tests)
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Detailed'
`$configuration.TestResult.Enabled = `$true
`$configuration.TestResult.OutputPath = $(ConvertTo-Literal (Join-Path $out 'pester-results.xml'))
`$result = Invoke-Pester -Configuration `$configuration
Write-Host "Pester: `$(`$result.PassedCount) passed, `$(`$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount) failed, `$(`$result.SkippedCount) skipped"
exit [Math]::Min(`$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount, 255)
"@
}

function Invoke-PackageTask {
    $version = (Import-PowerShellDataFile -Path $manifestPath).ModuleVersion

    # Azure Automation imports a zip that holds a folder named like the zip and the manifest inside it: ExotelPS.zip
    # with ExotelPS/ExotelPS.psd1. Compressing the folder itself (not its contents) writes that layout.
    $zip = Join-Path $out 'ExotelPS.zip'
    if (Test-Path $zip) {
        Remove-Item -Path $zip -Force
    }
    Compress-Archive -Path $moduleOut -DestinationPath $zip
    Write-Host "Wrote $zip" -ForegroundColor Green

    # The local repository users install from (README, Install): publishing to it writes ExotelPS.<version>.nupkg, the
    # package a gallery takes. The name registered to publish is throwaway; the user registers the folder under their own.
    $localRepository = Join-Path $out 'repository'
    if (Test-Path $localRepository) {
        Remove-Item -Path $localRepository -Recurse -Force
    }
    New-Item -ItemType Directory -Path $localRepository | Out-Null
    $repository = 'ExotelPS-build-local'

    if (Get-Command -Name Publish-PSResource -ErrorAction SilentlyContinue) {
        if (Get-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue) {
            Unregister-PSResourceRepository -Name $repository
        }
        Register-PSResourceRepository -Name $repository -Uri $localRepository -Trusted
        try {
            Publish-PSResource -Path $moduleOut -Repository $repository
        }
        finally {
            Unregister-PSResourceRepository -Name $repository
        }
    }
    else {
        if (Get-PSRepository -Name $repository -ErrorAction SilentlyContinue) {
            Unregister-PSRepository -Name $repository
        }
        Register-PSRepository -Name $repository -SourceLocation $localRepository -PublishLocation $localRepository -InstallationPolicy Trusted
        try {
            Publish-Module -Path $moduleOut -Repository $repository -NuGetApiKey 'local-repository-needs-no-key'
        }
        finally {
            Unregister-PSRepository -Name $repository
        }
    }

    Write-Host "Wrote $(Join-Path $localRepository "ExotelPS.$version.nupkg")" -ForegroundColor Green
}

function Invoke-DemoTask {
    $manifest = Join-Path $moduleOut 'ExotelPS.psd1'
    $customers = Join-Path $root 'docs/examples/customers.csv'
    # A fresh journal each time (a rerun on the same one would skip every row), and the report drawn from it.
    $demo = Join-Path $out 'demo'
    $journal = Join-Path $demo 'campaign.journal'
    $report = Join-Path $demo 'campaign-report.html'
    New-Item -ItemType Directory -Path $demo -Force | Out-Null
    Remove-Item -Path $journal, $report -ErrorAction SilentlyContinue
    Invoke-ChildShell @"
`$ErrorActionPreference = 'Stop'
Import-Module $(ConvertTo-Literal $manifest)
# The sandbox runs 600 times as fast: the campaign's 10-minute redial waits pass in a second.
Connect-ExotelAccount -Sandbox -SimulatedSpeed 600
Write-Host 'Running docs/examples/customers.csv as a campaign in the offline sandbox (up to 3 attempts, a redial 10 minutes after a busy or unanswered call); some rows are wrong on purpose.' -ForegroundColor Cyan
`$rows = @(
    Import-Csv -Path $(ConvertTo-Literal $customers) |
        Connect-ExotelCall -JournalPath $(ConvertTo-Literal $journal) -IdempotencyKey OrderId -MaxAttempts 3 -RedialAfter 00:10:00 -ErrorAction SilentlyContinue -ErrorVariable refused
)
`$rows | Format-Table -Property CustomField, Outcome, Attempts, Status, To, Duration, NextAttemptAt -AutoSize | Out-Host
Write-Host "`$(`$rows.Count) rows done; `$(`$refused.Count) rows were refused:" -ForegroundColor Cyan
`$refused | ForEach-Object {
    [pscustomobject]@{ OrderId = `$_.TargetObject.OrderId; Phone = `$_.TargetObject.Phone; ErrorId = `$_.FullyQualifiedErrorId.Split(',')[0]; Reason = `$_.Exception.Message }
} | Format-Table -AutoSize -Wrap | Out-Host
Get-ExotelCampaignReport -JournalPath $(ConvertTo-Literal $journal) -MaxAttempts 3 -RedialAfter 00:10:00 | Out-Host
`$page = Export-ExotelCampaignReport -JournalPath $(ConvertTo-Literal $journal) -MaxAttempts 3 -RedialAfter 00:10:00 -Path $(ConvertTo-Literal $report) -Title 'Demo campaign (offline sandbox)'
Write-Host "The campaign report, a page to open in a browser or attach to a mail: `$(`$page.FullName)" -ForegroundColor Cyan
Disconnect-ExotelAccount
"@
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    switch ($name) {
        'Bootstrap' { Invoke-BootstrapTask }
        'Build' { Invoke-BuildTask }
        'Docs' { Invoke-DocsTask }
        # The Pester tests import out/ExotelPS.zip the way Azure Automation does, so they run after Package.
        'Test' {
            Invoke-BuildTask
            Invoke-PackageTask
            # Pester runs even when xUnit failed, so one run shows every failure; the task fails if either did.
            $xunitFailure = $null
            try { Invoke-DotnetTestTask } catch { $xunitFailure = $_ }
            Invoke-PesterTask
            if ($xunitFailure) { throw $xunitFailure }
        }
        'Pester' { Invoke-BuildTask; Invoke-PackageTask; Invoke-PesterTask }
        'Package' { Invoke-BuildTask; Invoke-PackageTask }
        'Demo' { Invoke-BuildTask; Invoke-DemoTask }
    }
}

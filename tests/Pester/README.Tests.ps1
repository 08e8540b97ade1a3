#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The README's PowerShell blocks, run as written in a fresh pwsh: the ones that need nothing but this machine run
# against the sandbox or the emulator, so the README cannot drift from what the module does. Blocks that need the
# Gallery, a real Exotel account or Azure Automation are named here with the reason they are not run.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    $root = Get-RepositoryRoot
    $manifest = Get-BuiltModuleManifest
    $blocks = @([regex]::Matches((Get-Content -Raw -Path (Join-Path $root 'README.md')), '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value })

    function Get-ReadmeBlock {
        param([Parameter(Mandatory)] [string] $Containing)

        $found = @($blocks | Where-Object { $_.Contains($Containing) })
        if ($found.Count -ne 1) {
            throw "README.md has $($found.Count) PowerShell blocks containing '$Containing'; expected one."
        }
        $found[0]
    }

    # "At a prompt" as its text says to try it: the first line replaced with Connect-ExotelAccount -Sandbox.
    function Get-SandboxedPromptBlock {
        $block = Get-ReadmeBlock -Containing 'Connect-ExotelCall -From 09800000001'
        ($block -split "`n" | ForEach-Object { if ($_ -match '^Connect-ExotelAccount ') { 'Connect-ExotelAccount -Sandbox' } else { $_ } }) -join "`n"
    }

    # A block run in a fresh pwsh from a folder of its own holding docs/examples, as a new user's clone would.
    function Invoke-ReadmeBlock {
        param(
            [Parameter(Mandatory)] [string] $Block,
            [string] $Before = ''
        )

        $workspace = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path (Join-Path $workspace 'docs') | Out-Null
        Copy-Item -Path (Join-Path $root 'docs/examples') -Destination (Join-Path $workspace 'docs') -Recurse
        $output = Invoke-FreshPowerShell -Script "Set-Location -LiteralPath '$workspace'`nImport-Module '$manifest'`n$Before`n$Block"
        [pscustomobject]@{ Workspace = $workspace; Output = ($output -join "`n") }
    }
}

Describe 'README.md' {
    It 'has the PowerShell blocks this file knows about, and no others' {
        $known = 'Install-PSResource -Name ExotelPS', 'Install-Module -Name ExotelPS', 'Import-Module ./out/ExotelPS/ExotelPS.psd1', 'Connect-ExotelCall -From 09800000001',
            '$refused | ForEach-Object', 'Connect-ExotelCall -AgentPool $agents', '-JournalPath ./campaign.journal -IdempotencyKey', 'Get-AutomationPSCredential', "-BaseUri 'http://127.0.0.1:5099/'", 'param($Request, $TriggerMetadata)'
        $blocks.Count | Should -Be $known.Count
        foreach ($text in $known) {
            Get-ReadmeBlock -Containing $text | Should -Not -BeNullOrEmpty
        }
    }

    It 'imports the built module with the command it gives, from the repository' {
        $block = Get-ReadmeBlock -Containing 'Import-Module ./out/ExotelPS/ExotelPS.psd1'

        $output = Invoke-FreshPowerShell -Script "Set-Location -LiteralPath '$root'`n$block`n(Get-Command -Module ExotelPS).Count"

        [int]($output | Select-Object -Last 1) | Should -Be @((Import-PowerShellDataFile -Path $manifest).CmdletsToExport).Count
    }

    It 'places and waits for the call "At a prompt" in the sandbox, its first line replaced as it says' {
        Get-Content -Raw -Path (Join-Path $root 'README.md') | Should -Match 'Replace the first line with `Connect-ExotelAccount -Sandbox`'

        $run = Invoke-ReadmeBlock -Block (Get-SandboxedPromptBlock)

        $run.Output | Should -Match '\b[0-9a-f]{32}\s+completed\s+09800000001\s+09900000001\b'
    }

    # PSResourceGet keeps its repositories in the user's local data folder and installs -Scope CurrentUser under the
    # user's home. An empty home of the test's own, with XDG_DATA_HOME inside it (PSResourceGet installs under HOME, pwsh
    # looks under XDG_DATA_HOME) and no inherited PSModulePath, is a new user on a fresh machine; Pester removes it,
    # registration and all, afterwards. The block's pwsh starts in a copy of the clone's out/repository, so nothing it
    # might write in its working folder lands in the checkout. Windows keeps these in known folders no variable moves: not run there.
    It 'installs as "Install" says from the local repository the package step writes; a fresh pwsh then imports it by name and places a sandbox call' -Skip:([Environment]::OSVersion.Platform -eq 'Win32NT') {
        $block = Get-ReadmeBlock -Containing 'Install-PSResource -Name ExotelPS'
        $version = (Import-PowerShellDataFile -Path $manifest).ModuleVersion
        $package = Join-Path $root "out/repository/ExotelPS.$version.nupkg"
        Test-Path $package | Should -BeTrue -Because 'build.ps1 -Task Package writes the local repository'
        $clone = Join-Path $TestDrive 'clone'
        New-Item -ItemType Directory -Path (Join-Path $clone 'out/repository') | Out-Null
        Copy-Item -Path $package -Destination (Join-Path $clone 'out/repository')
        $userHome = Join-Path $TestDrive 'home'
        New-Item -ItemType Directory -Path $userHome | Out-Null
        $user = @{ HOME = $userHome; XDG_DATA_HOME = (Join-Path $userHome '.local/share'); XDG_CONFIG_HOME = (Join-Path $userHome '.config'); XDG_CACHE_HOME = (Join-Path $userHome '.cache'); PSModulePath = $null }
        $ownStore = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
        $ownRepositories = if (Test-Path $ownStore) { Get-Content -Raw -Path $ownStore }

        Push-Location -LiteralPath $clone
        try {
            Invoke-FreshPowerShell -Environment $user -Script "`$ErrorActionPreference = 'Stop'`n$block" | Out-Null
        }
        finally {
            Pop-Location
        }
        $output = Invoke-FreshPowerShell -Environment $user -Script "Set-Location -LiteralPath '$TestDrive'`nImport-Module -Name ExotelPS -ErrorAction Stop`n(Get-Module -Name ExotelPS).ModuleBase`n$(Get-SandboxedPromptBlock)"

        $output[0] | Should -Be (Join-Path $userHome ".local/share/powershell/Modules/ExotelPS/$version")
        ($output -join "`n") | Should -Match '\b[0-9a-f]{32}\s+completed\s+09800000001\s+09900000001\b'
        Get-Content -Raw -Path (Join-Path $userHome '.local/share/PSResourceGet/PSResourceRepository.xml') | Should -Match 'Name="ExotelPSLocal"'
        @(Get-ChildItem -Path $clone -Exclude 'out') | Should -BeNullOrEmpty -Because 'PSResourceGet writes its repository store into the working folder when the data folder is missing'
        $(if (Test-Path $ownStore) { Get-Content -Raw -Path $ownStore }) | Should -Be $ownRepositories -Because "the test's registration stays in its own home"
    }

    It 'runs "A CSV of calls" on the sample CSV: outcomes exported, refused rows listed by OrderId' {
        $block = Get-ReadmeBlock -Containing '$refused | ForEach-Object'

        $run = Invoke-ReadmeBlock -Before 'Connect-ExotelAccount -Sandbox' -Block $block

        $outcomes = @(Import-Csv -Path (Join-Path $run.Workspace 'outcomes.csv'))
        $outcomes.CustomField | Should -Be @('A-1001', 'A-1002', 'A-1003', 'A-1004', 'A-1005', 'A-1010')
        $outcomes.Status | Should -Be @('completed', 'busy', 'no-answer', 'failed', 'completed', 'completed')
        Test-Path (Join-Path $run.Workspace 'calls.journal') | Should -BeTrue
        @($run.Output -split "`n" | Where-Object { $_ -match '^A-10\d\d: ' }).Count | Should -Be 4
    }

    It 'runs the agent pool of "A CSV of calls": each placed customer given an agent of the pool, every agent used' {
        $block = Get-ReadmeBlock -Containing 'Connect-ExotelCall -AgentPool $agents'

        $run = Invoke-ReadmeBlock -Before 'Connect-ExotelAccount -Sandbox -RequestsPerMinute 6000 -SimulatedRingTime 0.1 -SimulatedTalkTime 0.2-0.4' -Block $block

        $assigned = @(Import-Csv -Path (Join-Path $run.Workspace 'assigned.csv'))
        $assigned.CustomField | Should -Be @('A-1001', 'A-1002', 'A-1003', 'A-1004', 'A-1005', 'A-1010')
        $assigned.From | Sort-Object -Unique | Should -Be @('09800000001', '09800000002', '09800000003')
        Test-Path (Join-Path $run.Workspace 'pool.journal') | Should -BeTrue
    }

    It 'runs the campaign quick start as written: every row once, in input order, within its attempts, and the report adds up' {
        $block = Get-ReadmeBlock -Containing '-JournalPath ./campaign.journal -IdempotencyKey'

        $run = Invoke-ReadmeBlock -Block ($block + "`n" + 'Get-ExotelCampaignReport -JournalPath ./campaign.journal @rules | ConvertTo-Json -Compress | Write-Output')

        $rows = @(Import-Csv -Path (Join-Path $run.Workspace 'campaign.csv'))
        $rows.CustomField | Should -Be @('A-1001', 'A-1002', 'A-1003', 'A-1004', 'A-1005', 'A-1010')
        foreach ($row in $rows) {
            $row.Outcome | Should -BeIn @('Reached', 'GaveUp', 'Pending')
            [int]$row.Attempts | Should -BeLessOrEqual 3
            if ($row.Outcome -eq 'Pending') { $row.NextAttemptAt | Should -Not -BeNullOrEmpty } else { $row.NextAttemptAt | Should -BeNullOrEmpty }
        }
        # 486 is the sandbox's always-busy number: redialled on busy until the attempts are used up (or the run's time).
        ($rows | Where-Object CustomField -EQ 'A-1002').Status | Should -Be 'busy'
        $summary = $run.Output -split "`n" | Where-Object { $_ -like '{*' } | Select-Object -Last 1 | ConvertFrom-Json
        $summary.Rows | Should -Be 10
        $summary.Refused | Should -Be 3
        ($summary.Reached + $summary.GaveUp + $summary.Pending) | Should -Be 7
        $summary.Reached | Should -Be @($rows | Where-Object Outcome -EQ 'Reached').Count
    }

    It 'runs "Against the emulator" as written but for the port' {
        $emulator = Start-ExotelEmulator -Account 'emulator:emulator-key:emulator-token' -RingMilliseconds 100 -TalkMilliseconds 200
        try {
            $block = (Get-ReadmeBlock -Containing "-BaseUri 'http://127.0.0.1:5099/'").Replace('http://127.0.0.1:5099/', "$($emulator.BaseUri)")

            $run = Invoke-ReadmeBlock -Block $block

            @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 6
            @([regex]::Matches($run.Output, '\bcompleted\b')).Count | Should -BeGreaterOrEqual 3
        }
        finally {
            Stop-ExotelEmulator -Emulator $emulator
        }
    }

    It 'runs the Azure Function on a callback Exotel documents, as the Functions host would call run.ps1' {
        $workspace = Join-Path $TestDrive 'function'
        New-Item -ItemType Directory -Path $workspace | Out-Null
        Set-Content -Path (Join-Path $workspace 'run.ps1') -Value (Get-ReadmeBlock -Containing 'param($Request, $TriggerMetadata)') -Encoding UTF8
        $body = Get-Content -Raw -Path (Join-Path $root 'tests/ExotelPS.Client.Tests/Samples/003-status-callback.json')
        Set-Content -Path (Join-Path $workspace 'body.json') -Value $body -Encoding UTF8 -NoNewline

        # The Functions host's pieces: the output binding cmdlet and its response type.
        $output = Invoke-FreshPowerShell -Script @"
Import-Module '$manifest'
Add-Type -TypeDefinition 'public class HttpResponseContext { public object StatusCode; public object Body; }'
`$global:bindings = @{}
function global:Push-OutputBinding { param([string] `$Name, `$Value) `$global:bindings[`$Name] = `$Value }
`$request = [pscustomobject]@{ RawBody = (Get-Content -Raw -Path '$workspace/body.json'); Headers = @{ 'content-type' = 'application/json' } }
& '$workspace/run.ps1' -Request `$request -TriggerMetadata @{}
`$global:bindings.Outcome | ConvertTo-Json -Compress
"`$([int]`$global:bindings.Response.StatusCode)"
"@

        $output[-1] | Should -Be '200'
        $outcome = $output[-2] | ConvertFrom-Json
        $outcome.Sid | Should -Be 'b6cfaf5f5cef3ca0fc937749ef96d245'
        $outcome.Status | Should -Be 'completed'
        $outcome.CustomField | Should -Be 'order-1234'
        $outcome.TalkTime | Should -Be 32
        $outcome.RowKey | Should -Match 'b6cfaf5f5cef3ca0fc937749ef96d245'
    }

    # Not run here, on purpose: 'Install-Module' needs the PowerShell Gallery, and ExotelPS published there; the runbook
    # block connects to the real Exotel API (docs/examples/runbook.ps1, which it summarises, is run against the emulator
    # in Examples.Tests.ps1).
}

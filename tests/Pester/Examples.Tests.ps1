#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# docs/examples is what users copy: these tests keep customers.csv and runbook.ps1 working.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    $manifest = Get-BuiltModuleManifest
    Import-Module $manifest

    $token = New-TestToken
    $secrets = Get-SecretForm -ApiKey 'pester-key' -ApiToken $token
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token" -RingMilliseconds 100 -TalkMilliseconds 200
    $customers = Get-ExampleCsvPath
    $runbook = Join-Path (Get-RepositoryRoot) 'docs/examples/runbook.ps1'

    # The runbook imports ExotelPS by name, as Azure Automation does.
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = (Split-Path -Parent (Split-Path -Parent $manifest)) + [IO.Path]::PathSeparator + $env:PSModulePath

    # Azure Automation's asset cmdlets, as the runbook finds them in a job.
    $global:ExotelPesterCredential = New-TestCredential -ApiKey 'pester-key' -ApiToken $token
    function global:Get-AutomationPSCredential {
        param([string] $Name)
        $global:ExotelPesterCredential
    }
    function global:Get-AutomationVariable {
        param([string] $Name)
        throw "No variable asset named $Name."
    }
}

AfterAll {
    Remove-Item -Path 'Function:\Get-AutomationPSCredential', 'Function:\Get-AutomationVariable', 'Variable:\ExotelPesterCredential' -ErrorAction SilentlyContinue
    $env:PSModulePath = $savedModulePath
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'docs/examples/customers.csv' {
    It 'has the varied column names the module binds, about ten rows, and deliberately bad rows' {
        $rows = @(Import-Csv -Path $customers)
        $columns = $rows[0].PSObject.Properties.Name

        foreach ($column in 'Phone', 'Agent', 'ExoPhone', 'OrderId', 'Record', 'TimeLimit') {
            $columns | Should -Contain $column
        }
        $rows.Count | Should -BeGreaterOrEqual 8
        @($rows | Where-Object { $_.Phone -match '[A-Za-z]' }).Count | Should -BeGreaterThan 0
        @($rows | Where-Object { [string]::IsNullOrWhiteSpace($_.Phone) }).Count | Should -BeGreaterThan 0
        @($rows | Where-Object { $_.TimeLimit -eq '99999' }).Count | Should -BeGreaterThan 0
        foreach ($testNumber in '486', '480', '404') {
            @($rows | Where-Object { $_.Phone -match "$testNumber$" }).Count | Should -BeGreaterThan 0
        }
    }
}

Describe 'docs/examples/runbook.ps1' {
    BeforeAll {
        Reset-Emulator -Emulator $emulator
        $journal = Join-Path $TestDrive 'runbook.journal'
        $outcomes = Join-Path $TestDrive 'outcomes.csv'
        $runbookArguments = @{
            CsvPath            = $customers
            OutputPath         = $outcomes
            JournalPath        = $journal
            AccountSid         = 'pester'
            BaseUri            = $emulator.BaseUri
            WaitTimeoutSeconds = 120
        }
        $firstRun = & $runbook @runbookArguments *>&1
        $firstOutcomes = @(Import-Csv -Path $outcomes)
    }

    It 'exports the final outcome of every call it placed' {
        $firstOutcomes.Count | Should -Be 6
        $firstOutcomes.CustomField | Should -Be @('A-1001', 'A-1002', 'A-1003', 'A-1004', 'A-1005', 'A-1010')
        $firstOutcomes.Status | Should -Be @('completed', 'busy', 'no-answer', 'failed', 'completed', 'completed')
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 6
    }

    It 'reports the rows it could not place and carries on' {
        @($firstRun | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 4
        ($firstRun | Out-String) | Should -Match '4 rows could not be placed'
    }

    It 'rings nobody twice when the job is restarted with the same journal' {
        & $runbook @runbookArguments *>&1 | Out-Null

        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 6
        @(Import-Csv -Path $outcomes).Sid | Should -Be $firstOutcomes.Sid
    }

    It 'never writes the token to the job output' {
        $text = $firstRun | ConvertTo-AllText

        foreach ($secret in $secrets) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}

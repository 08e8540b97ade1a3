#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# A campaign rehearsed in the sandbox faster than real time, with busy and unanswered customers.
# Timing assertions compare the calls' own simulated times with a generous real-time bound: nothing tight.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    # Customers end in 1 (never a test number); each row has its own agent of ten, so pacing runs ten calls at once.
    function New-Customer {
        param([int] $Count)
        1..$Count | ForEach-Object {
            [pscustomobject]@{ OrderId = "C-$_"; Phone = '099000{0:D4}1' -f $_; Agent = '0980000000{0}' -f ($_ % 10); ExoPhone = '08030752400' }
        }
    }
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
}

Describe 'Connect-ExotelAccount -Sandbox -SimulatedSpeed' {
    It 'runs a batch of 45-second calls in far less real time than the simulated time they take, journal included' {
        $session = Connect-ExotelAccount -Sandbox -SimulatedSpeed 60 -SimulatedTalkTime 45 -PassThru
        $journal = Join-Path $TestDrive 'rehearsal.journal'
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $calls = @(New-Customer -Count 40 | Connect-ExotelCall -JournalPath $journal | Wait-ExotelCall)

        $clock.Stop()
        $session.SimulatedSpeed | Should -Be 60
        $session.ToString() | Should -Be 'sandbox (sandbox, 60x)'
        $calls.Count | Should -Be 40
        $calls | ForEach-Object { $_.Status.ToString() } | Sort-Object -Unique | Should -Be 'completed'
        $calls | ForEach-Object { $_.Duration } | Sort-Object -Unique | Should -Be 47
        # Ten agents, one live call each: four rounds of 47 simulated seconds at least.
        $simulated = ($calls.EndTime | Measure-Object -Maximum).Maximum - ($calls.DateCreated | Measure-Object -Minimum).Minimum
        $simulated | Should -BeGreaterThan ([TimeSpan]::FromMinutes(3))
        $clock.Elapsed | Should -BeLessThan ([TimeSpan]::FromSeconds(90))
        # The journal counts the same simulated time: its placed lines span at least three rounds of calls.
        $placed = @(Get-Content -Path $journal | ConvertFrom-Json | Where-Object { $_.outcome -eq 'placed' })
        $placed.Count | Should -Be 40
        $times = $placed | ForEach-Object { [DateTimeOffset]$_.at }
        (($times | Measure-Object -Maximum).Maximum - ($times | Measure-Object -Minimum).Minimum) | Should -BeGreaterThan ([TimeSpan]::FromMinutes(2))
    }

    It 'shows the speed in Get-ExotelSession and real time by default' {
        Connect-ExotelAccount -Sandbox
        (Get-ExotelSession).SimulatedSpeed | Should -Be 1
        (Get-ExotelSession | Out-String) | Should -Match 'SimulatedSpeed\s*:\s*1'
    }

    It 'refuses a speed out of range, naming the parameter and the value' -TestCases @(
        @{ Speed = 0.5 }, @{ Speed = 5000 }
    ) {
        { Connect-ExotelAccount -Sandbox -SimulatedSpeed $Speed -ErrorAction Stop } | Should -Throw -ExpectedMessage "*SimulatedSpeed*$Speed*"
    }
}

Describe 'Connect-ExotelAccount -Sandbox -SimulatedBusyShare -SimulatedNoAnswerShare' {
    It 'ends about those shares of calls busy and no-answer, the customer''s leg saying so' {
        Connect-ExotelAccount -Sandbox -SimulatedSpeed 600 -SimulatedTalkTime 10 -SimulatedBusyShare 0.3 -SimulatedNoAnswerShare 0.3 -RequestsPerMinute 6000

        $calls = @(New-Customer -Count 100 | Connect-ExotelCall | Wait-ExotelCall)

        $byStatus = $calls | Group-Object -Property { $_.Status.ToString() } -AsHashTable
        $byStatus['busy'].Count | Should -BeGreaterThan 15
        $byStatus['no-answer'].Count | Should -BeGreaterThan 15
        $byStatus['completed'].Count | Should -BeGreaterThan 25
        ($byStatus.Keys | Sort-Object) -join ',' | Should -Be 'busy,completed,no-answer'
        $missed = Get-ExotelCall -Sid $byStatus['no-answer'][0].Sid -Detailed
        $missed.Details.Leg1Status.ToString() | Should -Be 'completed'
        $missed.Details.Leg2Status.ToString() | Should -Be 'no-answer'
        $busy = Get-ExotelCall -Sid $byStatus['busy'][0].Sid -Detailed
        $busy.Details.Leg2Status.ToString() | Should -Be 'busy'
    }

    It 'refuses shares that add up to more than 1, naming both values' {
        $failure = { Connect-ExotelAccount -Sandbox -SimulatedBusyShare 0.6 -SimulatedNoAnswerShare 0.5 -ErrorAction Stop } |
            Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidConnectionSettings*'
        $failure.Exception.Message | Should -BeLike '*-SimulatedBusyShare 0.6*-SimulatedNoAnswerShare 0.5*'
    }

    It 'refuses a share out of 0 to 1, naming the parameter and the value' {
        { Connect-ExotelAccount -Sandbox -SimulatedNoAnswerShare 1.5 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*SimulatedNoAnswerShare*1.5*'
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Campaigns (issue 21) rehearsed in the sandbox at 600 times real speed: one test per rule. Every timing is asserted
# on the calls' own simulated times, as the journal's final lines record them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    # Test numbers end how they say: 486 busy, 480 no-answer, 404 failed; any other number answers.
    function New-Row {
        param([string] $Phone, [int] $Agent, [string] $OrderId = $Phone)
        [pscustomobject]@{ OrderId = $OrderId; Phone = $Phone; Agent = '0980000{0:D4}' -f $Agent; ExoPhone = '08030752400' }
    }

    function Get-Final {
        param([string] $Journal)
        @(Get-Content -Path $Journal | ConvertFrom-Json | Where-Object { $_.outcome -eq 'final' })
    }

    function Connect-Rehearsal {
        Connect-ExotelAccount -Sandbox -SimulatedSpeed 600 -SimulatedTalkTime 10 -RequestsPerMinute 6000
    }
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
}

Describe 'Connect-ExotelCall -MaxAttempts -RedialOn -RedialAfter' {
    BeforeEach {
        Connect-Rehearsal
        $journal = Join-Path $TestDrive "$([guid]::NewGuid()).journal"
    }

    It 'redials only the statuses -RedialOn names, and writes one object per row in input order' {
        $rows = @(New-Row '09900000486' 1; New-Row '09900000404' 2; New-Row '09900000012' 3; New-Row '09900000480' 4)

        $out = @($rows | Connect-ExotelCall -MaxAttempts 3 -RedialAfter 00:05:00 -JournalPath $journal -IdempotencyKey OrderId)

        $out.To | Should -Be '09900000486', '09900000404', '09900000012', '09900000480'
        $out.Outcome | Should -Be 'GaveUp', 'GaveUp', 'Reached', 'GaveUp'
        $out.Attempts | Should -Be 3, 1, 1, 3
        $out | ForEach-Object { $_.Status.ToString() } | Should -Be 'busy', 'failed', 'completed', 'no-answer'
        $out.NextAttemptAt | Where-Object { $_ } | Should -BeNullOrEmpty
        (Get-Final $journal | Group-Object key -AsHashTable)['09900000404'].Count | Should -Be 1
    }

    It 'waits -RedialAfter from the end of the previous attempt before the next' {
        $rows = @(1..4 | ForEach-Object { New-Row ('09900{0:D3}486' -f $_) $_ })

        $null = $rows | Connect-ExotelCall -MaxAttempts 3 -RedialAfter 00:05:00, 00:20:00 -JournalPath $journal -IdempotencyKey OrderId

        foreach ($row in Get-Final $journal | Group-Object key) {
            $calls = @($row.Group)
            $calls.Count | Should -Be 3
            ([DateTimeOffset]$calls[1].start - [DateTimeOffset]$calls[0].end) | Should -BeGreaterOrEqual ([TimeSpan]::FromMinutes(5))
            ([DateTimeOffset]$calls[2].start - [DateTimeOffset]$calls[1].end) | Should -BeGreaterOrEqual ([TimeSpan]::FromMinutes(20))
        }
    }

    It 'never dials a row more than -MaxAttempts times' {
        $rows = @(1..6 | ForEach-Object { New-Row ('09900{0:D3}480' -f $_) ($_ % 3) })

        $out = @($rows | Connect-ExotelCall -MaxAttempts 2 -RedialAfter 00:01:00 -JournalPath $journal -IdempotencyKey OrderId)

        $out.Attempts | Sort-Object -Unique | Should -Be 2
        Get-Final $journal | Group-Object key | ForEach-Object { $_.Count | Should -Be 2 }
    }

    It 'runs with the garbage collector in batch mode, and leaves the mode as it found it' {
        $before = [System.Runtime.GCSettings]::LatencyMode
        $rows = @(1..3 | ForEach-Object { New-Row ('09900{0:D3}486' -f $_) $_ })

        # Read downstream while the campaign still runs: its rows arrive one by one.
        $during = @($rows | Connect-ExotelCall -MaxAttempts 2 -RedialAfter 00:05:00 -JournalPath $journal -IdempotencyKey OrderId |
            ForEach-Object { [System.Runtime.GCSettings]::LatencyMode.ToString() })

        $during | Should -Be 'Batch', 'Batch', 'Batch'
        [System.Runtime.GCSettings]::LatencyMode | Should -Be $before
        $before | Should -Not -Be 'Batch'
    }

    It 'does not count an agent who never answered as an attempt on the customer, and puts the row back at once' {
        $row = [pscustomobject]@{ OrderId = 'A-1'; Phone = '09900000012'; Agent = '09800000480'; ExoPhone = '08030752400' }

        $out = $row | Connect-ExotelCall -MaxAttempts 2 -RedialAfter 00:30:00 -JournalPath $journal -IdempotencyKey OrderId

        $out.AgentMisses | Should -Be 3
        $out.Attempts | Should -Be 2
        $out.Outcome | Should -Be 'GaveUp'
        $calls = @(Get-Final $journal)
        $calls.Count | Should -Be 5
        $calls[0].leg1 | Should -Be 'no-answer'
        $calls[0].leg2 | Should -BeNullOrEmpty
        # The put-backs did not wait the half hour; the attempt after the first counted one did.
        ([DateTimeOffset]$calls[1].start - [DateTimeOffset]$calls[0].end) | Should -BeLessThan ([TimeSpan]::FromMinutes(5))
        ([DateTimeOffset]$calls[4].start - [DateTimeOffset]$calls[3].end) | Should -BeGreaterOrEqual ([TimeSpan]::FromMinutes(30))
    }
}

Describe 'Connect-ExotelCall -CallWindow -TimeZone -MaxRunTime' {
    BeforeEach {
        Connect-Rehearsal
        $journal = Join-Path $TestDrive "$([guid]::NewGuid()).journal"
    }

    It 'starts attempts only inside the window, waiting for it to open' {
        $now = [DateTimeOffset]::UtcNow
        $opens = $now.AddMinutes(15)
        $window = '{0:HH:mm}-{1:HH:mm}' -f $opens, $opens.AddHours(2)
        $rows = @(1..3 | ForEach-Object { New-Row ('09900{0:D3}486' -f $_) $_ })

        $out = @($rows | Connect-ExotelCall -MaxAttempts 2 -RedialAfter 00:02:00 -CallWindow $window -TimeZone UTC -JournalPath $journal -IdempotencyKey OrderId)

        $out.Outcome | Sort-Object -Unique | Should -Be 'GaveUp'
        $opening = [DateTimeOffset]::new($opens.Year, $opens.Month, $opens.Day, $opens.Hour, $opens.Minute, 0, [TimeSpan]::Zero)
        Get-Final $journal | ForEach-Object { [DateTimeOffset]$_.start | Should -BeGreaterOrEqual $opening }
    }

    It 'ends at -MaxRunTime with the rows left Pending and their NextAttemptAt, and a rerun continues them' {
        $rows = @(1..3 | ForEach-Object { New-Row ('09900{0:D3}486' -f $_) $_ })

        $first = @($rows | Connect-ExotelCall -MaxAttempts 3 -RedialAfter 00:40:00 -MaxRunTime 00:20:00 -JournalPath $journal -IdempotencyKey OrderId)
        $second = @($rows | Connect-ExotelCall -MaxAttempts 3 -RedialAfter 00:40:00 -JournalPath $journal -IdempotencyKey OrderId)

        $first.Outcome | Sort-Object -Unique | Should -Be 'Pending'
        $first.Attempts | Sort-Object -Unique | Should -Be 1
        $first | ForEach-Object { $_.NextAttemptAt | Should -Not -BeNullOrEmpty }
        $second.Outcome | Sort-Object -Unique | Should -Be 'GaveUp'
        $second.Attempts | Sort-Object -Unique | Should -Be 3
        foreach ($row in Get-Final $journal | Group-Object key) {
            $calls = @($row.Group)
            $calls.Count | Should -Be 3
            ([DateTimeOffset]$calls[1].start - [DateTimeOffset]$calls[0].end) | Should -BeGreaterOrEqual ([TimeSpan]::FromMinutes(40))
            # The agent is not held for the earlier run's call, whose end the journal records.
            ([DateTimeOffset]$calls[1].start - [DateTimeOffset]$calls[0].end) | Should -BeLessThan ([TimeSpan]::FromMinutes(50))
        }
    }

    It 'refuses bad campaign parameters before sending anything, naming each parameter and value in one error' {
        $failure = { New-Row '09900000012' 1 | Connect-ExotelCall -MaxAttempts 11 -RedialOn ringing -CallWindow '25:00-26:00' -TimeZone 'Mars/Olympus' -MaxRunTime 00:00:00 -ErrorAction Stop } |
            Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        foreach ($text in 'MaxAttempts*11', 'RedialOn*ringing', 'CallWindow*25:00-26:00', 'TimeZone*Mars/Olympus', 'MaxRunTime*00:00:00') {
            $failure.Exception.Message | Should -BeLike "*$text*"
        }
    }

    It 'keeps the output of a run without campaign parameters as it was' {
        $out = New-Row '09900000486' 1 | Connect-ExotelCall

        $out.Outcome | Should -Be 'Placed'
        $out.PSObject.Properties.Name | Should -Not -Contain 'Attempts'
    }
}

Describe 'Start-ExotelFlowCall -MaxAttempts' {
    It 'redials a busy customer of a flow' {
        Connect-Rehearsal
        $journal = Join-Path $TestDrive 'flow.journal'

        $out = Start-ExotelFlowCall -From '09900000486' -CallerId '08030752400' -FlowId 926 -MaxAttempts 2 -RedialAfter 00:01:00 -JournalPath $journal

        $out.Attempts | Should -Be 2
        $out.Outcome | Should -Be 'GaveUp'
        (Get-Final $journal).call | Sort-Object -Unique | Should -Be 'flow'
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# A campaign in a PowerShell process of its own, killed with SIGKILL while its calls are redialled, then rerun on
# its journal: across the kill, no row gets more than -MaxAttempts calls, none starts sooner than -RedialAfter after
# the end of its previous call, and none starts outside the calling window. Checked on the emulator's own record.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $emulator = Start-ExotelEmulator -Account "soak:soak-key:$token" -RequestsPerMinute 1000
    $campaign = Join-Path $TestDrive 'campaign.ps1'
    Set-Content -Path $campaign -Value @'
Import-Module $env:EXOTELPS_TEST_MODULE
Connect-ExotelAccount -BaseUri $env:EXOTELPS_TEST_BASEURI -RequestsPerMinute 1000
# Every customer is busy (a number ending in 486); each row has its own agent, so the rows' calls run side by side.
1..15 |
    ForEach-Object { [pscustomobject]@{ OrderId = "S-$_"; Phone = '09900{0:d3}486' -f $_; Agent = '0980000{0:d4}' -f $_; ExoPhone = '08030752400' } } |
    Connect-ExotelCall -JournalPath $env:EXOTELPS_TEST_JOURNAL -IdempotencyKey OrderId -MaxAttempts 3 -RedialAfter 00:00:03 `
        -CallWindow $env:EXOTELPS_TEST_WINDOW -TimeZone UTC |
    ForEach-Object { "WRITTEN $($_.CustomField) $($_.Outcome) $($_.Attempts)" }
'DONE'
'@

    function Start-Campaign {
        param([string] $Name)
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive $Name) -Force
        $process = Start-EmulatorScript -ScriptPath $campaign -OutputFolder $folder.FullName -AccountSid 'soak' -ApiToken $token -Emulator $emulator -Environment @{
            EXOTELPS_TEST_JOURNAL = $journal
            EXOTELPS_TEST_WINDOW  = $window
        }
        [pscustomobject]@{ Process = $process; Output = Join-Path $folder.FullName 'stdout.txt' }
    }
}

AfterAll {
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'A campaign killed with SIGKILL and rerun on its journal' {
    It 'never dials a row more than -MaxAttempts times, nor sooner than -RedialAfter, nor outside the window' {
        $journal = Join-Path $TestDrive 'soak.journal'
        $now = [DateTimeOffset]::UtcNow
        $window = '{0:HH:mm}-{1:HH:mm}' -f $now.AddMinutes(-5), $now.AddHours(1)

        $first = Start-Campaign -Name 'killed'
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        while (@(Get-EmulatorCall -Emulator $emulator).Count -lt 20) {
            if ($first.Process.HasExited) { throw "The campaign ended before it was killed: $(Get-Content -Raw $first.Output)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The emulator did not record 20 calls in time.' }
            Start-Sleep -Milliseconds 100
        }
        Stop-Process -Id $first.Process.Id -Force
        $first.Process.WaitForExit(30000) | Should -BeTrue
        $callsAtKill = @(Get-EmulatorCall -Emulator $emulator).Count
        $callsAtKill | Should -BeLessThan 45

        $second = Start-Campaign -Name 'rerun'
        $second.Process.WaitForExit(180000) | Should -BeTrue
        Get-Content -Path $second.Output | Select-Object -Last 1 | Should -Be 'DONE'

        $calls = @(Get-EmulatorCall -Emulator $emulator)
        $calls.Count | Should -BeGreaterThan $callsAtKill
        $opening = [DateTimeOffset]::new($now.Year, $now.Month, $now.Day, $now.Hour, $now.Minute, 0, [TimeSpan]::Zero).AddMinutes(-5)
        foreach ($row in $calls | Group-Object { Get-FormValue -Call $_ -Name 'CustomField' }) {
            $rowCalls = @($row.Group | Sort-Object { [DateTimeOffset]$_.createdAt })
            $rowCalls.Count | Should -BeLessOrEqual 3 -Because "row $($row.Name) may be dialled at most 3 times"
            foreach ($call in $rowCalls) {
                [DateTimeOffset]$call.createdAt | Should -BeGreaterOrEqual $opening -Because 'no call starts before the window opens'
            }
            for ($next = 1; $next -lt $rowCalls.Count; $next++) {
                # Exotel reports the end in whole seconds: the wait counts from that end.
                ([DateTimeOffset]$rowCalls[$next].createdAt - [DateTimeOffset]$rowCalls[$next - 1].endsAt) |
                    Should -BeGreaterOrEqual ([TimeSpan]::FromSeconds(2)) -Because "row $($row.Name)'s attempt $($next + 1) waits -RedialAfter"
            }
        }
        $written = @(Get-Content -Path $second.Output | Where-Object { $_ -like 'WRITTEN *' })
        # Every row busy every time: the rerun finished each with its three attempts, the earlier run's counted.
        $written | Should -Be (1..15 | ForEach-Object { "WRITTEN S-$_ GaveUp 3" })
        $calls.Count | Should -Be 45
    }
}

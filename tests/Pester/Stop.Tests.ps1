#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Ctrl+C in the middle of a bulk run: PowerShell stops the pipeline (what [powershell]::Stop() does), ExotelPS must
# give the prompt back at once and leave a journal that a rerun can trust.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    $manifest = Get-BuiltModuleManifest
    $token = New-TestToken
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token"
}

AfterAll {
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Stopping Connect-ExotelCall' {
    It 'returns within a second, with every call Exotel accepted in the journal' {
        # Answers take 1.5 s, so calls are in flight when the stop comes.
        Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri)_emulator/faults" -ContentType 'application/json' -Body '{"latencyMs":1500}' | Out-Null
        $journal = Join-Path $TestDrive 'stopped.journal'
        $rows = 1..40 | ForEach-Object { [pscustomobject]@{ Agent = '09800000001'; Phone = '0990000{0:D4}' -f (1000 + $_); ExoPhone = '08030752400' } }
        $shell = [powershell]::Create()
        [void]$shell.AddScript({
                param($Manifest, $BaseUri, $Token, $Rows, $Journal)
                Import-Module $Manifest
                $credential = New-Object System.Management.Automation.PSCredential('pester-key', (ConvertTo-SecureString $Token -AsPlainText -Force))
                Connect-ExotelAccount -AccountSid 'pester' -Credential $credential -BaseUri $BaseUri
                # One agent for every row, and calls must be in flight together when the stop comes: pacing off.
                $Rows | Connect-ExotelCall -JournalPath $Journal -MaxCallsPerFrom 0
            }).AddArgument($manifest).AddArgument($emulator.BaseUri).AddArgument($token).AddArgument($rows).AddArgument($journal)

        try {
            $running = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ((Invoke-RestMethod -Uri "$($emulator.BaseUri)_emulator/stats").calls -lt 3 -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
            }

            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $stopwatch.Stop()

            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $running.IsCompleted | Should -BeTrue
        }
        finally {
            $shell.Dispose()
            Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri)_emulator/faults" -ContentType 'application/json' -Body '{"latencyMs":0}' | Out-Null
        }

        # Let requests already on the wire land, then compare what Exotel has with what the journal says.
        Start-Sleep -Seconds 2
        $lines = @(Get-Content -Path $journal | ForEach-Object { $_ | ConvertFrom-Json })
        $accepted = @(Get-EmulatorCall -Emulator $emulator)
        $accepted.Count | Should -BeGreaterOrEqual 3
        $accepted.Count | Should -BeLessThan 40 -Because 'nothing new is sent once the run is stopped'
        $placedSids = @($lines | Where-Object outcome -EQ 'placed' | ForEach-Object sid)
        foreach ($sid in $placedSids) {
            $accepted.sid | Should -Contain $sid
        }
        $journaledTargets = @($lines | ForEach-Object { "$($_.target)" -replace '\D', '' } | ForEach-Object { $_.Substring($_.Length - 10) })
        foreach ($call in $accepted) {
            $to = (Get-FormValue -Call $call -Name 'To') -replace '\D', ''
            $journaledTargets | Should -Contain $to.Substring($to.Length - 10) -Because "the call to $to was accepted, so the journal must know its row"
        }
    }
}

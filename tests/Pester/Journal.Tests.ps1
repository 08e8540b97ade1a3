#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# What -JournalPath promises a campaign: no row rung twice whatever happens to the run or the file.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $emulator = Start-ExotelEmulator -Account "journal:journal-key:$token"

    function New-Row {
        param([int] $Number)
        [pscustomobject]@{ OrderId = "J-$Number"; Phone = '099000{0:d5}' -f $Number; Agent = '09800000001'; ExoPhone = '08030752400' }
    }
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Connect-ExotelCall -JournalPath' {
    BeforeAll {
        Connect-ExotelAccount -AccountSid 'journal' -Credential (New-TestCredential -ApiKey 'journal-key' -ApiToken $token) -BaseUri $emulator.BaseUri | Out-Null
    }

    BeforeEach {
        Reset-Emulator -Emulator $emulator
        $journal = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.jsonl')
    }

    It 'warns about a torn last line (a killed run) and carries on' {
        New-Row 1 | Connect-ExotelCall -JournalPath $journal | Out-Null
        Add-Content -Path $journal -Value '{"at":"2026-01-01T00:00:00Z","key":"+9199' -NoNewline

        $again = @(1, 2 | ForEach-Object { New-Row $_ } | Connect-ExotelCall -JournalPath $journal -WarningVariable warnings 3>$null)

        $again.Outcome | Should -Be 'Skipped', 'Placed'
        @($warnings | Where-Object { $_.Message -match 'last line' }).Count | Should -Be 1
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 2
    }

    It 'reports a row in doubt the same way in its error and in the summary warning' {
        $key = '+919800000001|+919900000001|+918030752400|J-1'
        Set-Content -Path $journal -Value ('{"at":"2026-01-01T00:00:00Z","key":"' + $key + '","by":"default","outcome":"sending"}')

        $placed = @(1, 2 | ForEach-Object { New-Row $_ } |
                Connect-ExotelCall -JournalPath $journal -ErrorAction SilentlyContinue -ErrorVariable rowErrors -WarningVariable warnings 3>$null)

        $placed.Outcome | Should -Be 'Placed'
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'OutcomeUnknown,*'
        $rowErrors[0].TargetObject.OrderId | Should -Be 'J-1'
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match '1 in doubt'
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 1
    }

    It 'stops, naming the line, when a line before the last is damaged' {
        1, 2 | ForEach-Object { New-Row $_ } | Connect-ExotelCall -JournalPath $journal | Out-Null
        $lines = @(Get-Content -Path $journal)
        $lines[1] = '{"key":' + $lines[1].Substring(20)
        Set-Content -Path $journal -Value $lines

        { 1, 2 | ForEach-Object { New-Row $_ } | Connect-ExotelCall -JournalPath $journal } |
            Should -Throw -ErrorId 'JournalUnavailable,ExotelPS.Commands.ConnectExotelCallCommand' -ExpectedMessage '*Line 2*'
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 2
    }

    It 'refuses a rerun that identifies rows otherwise, unless -AllowIdentityChange' {
        1, 2 | ForEach-Object { New-Row $_ } | Connect-ExotelCall -JournalPath $journal -IdempotencyKey OrderId | Out-Null

        { 1, 2 | ForEach-Object { New-Row $_ } | Connect-ExotelCall -JournalPath $journal } |
            Should -Throw -ErrorId 'JournalIdentityChanged,ExotelPS.Commands.ConnectExotelCallCommand' -ExpectedMessage "*'OrderId'*"
        { 1, 2 | ForEach-Object { New-Row $_ } | Connect-ExotelCall -JournalPath $journal -IdempotencyKey Phone } |
            Should -Throw -ErrorId 'JournalIdentityChanged,ExotelPS.Commands.ConnectExotelCallCommand'
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 2

        $changed = @(New-Row 3 | Connect-ExotelCall -JournalPath $journal -AllowIdentityChange)
        $changed.Outcome | Should -Be 'Placed'
    }

    It 'refuses a row whose CustomField holds a lone surrogate, in its place' {
        $rows = @(New-Row 1; New-Row 2; New-Row 3)
        $rows[1].OrderId = "J-$([char]0xD800)"

        $placed = @($rows | Connect-ExotelCall -JournalPath $journal -ErrorAction SilentlyContinue -ErrorVariable rowErrors)

        $placed.Count | Should -Be 2
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand'
        $rowErrors[0].TargetObject.Phone | Should -Be $rows[1].Phone
        $rowErrors[0].Exception.Message | Should -Match 'surrogate'
    }

    It 'says what is wrong when the folder of the journal does not exist' {
        $missing = Join-Path $TestDrive 'no-such-folder/calls.jsonl'

        { New-Row 1 | Connect-ExotelCall -JournalPath $missing } |
            Should -Throw -ErrorId 'JournalUnavailable,ExotelPS.Commands.ConnectExotelCallCommand' -ExpectedMessage '*does not exist*'
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 0
    }
}

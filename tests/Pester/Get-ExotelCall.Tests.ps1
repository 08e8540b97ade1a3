#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $secrets = Get-SecretForm -ApiKey 'pester-key' -ApiToken $token
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token" -RingMilliseconds 100 -TalkMilliseconds 100
    Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri

    # Three calls that end completed, busy and no-answer (the emulator's test numbers), waited until final.
    $placed = @(
        [pscustomobject]@{ Phone = '09900000101'; Agent = '09800000001'; ExoPhone = '08030752400' }
        [pscustomobject]@{ Phone = '09900000486'; Agent = '09800000001'; ExoPhone = '08030752400' }
        [pscustomobject]@{ Phone = '09900000480'; Agent = '09800000001'; ExoPhone = '08030752400' }
    ) | Connect-ExotelCall | Wait-ExotelCall -Timeout 120
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Get-ExotelCall' {
    It 'gets piped call objects by their Sid property' {
        $calls = @($placed | Get-ExotelCall)

        $calls.Sid | Should -Be $placed.Sid
        $calls.Status.ForEach({ "$_" }) | Should -Be @('completed', 'busy', 'no-answer')
        $calls[0].PSObject.TypeNames[0] | Should -Be 'ExotelPS.Call'
    }

    It 'gets piped Sid strings' {
        $calls = @($placed.Sid | Get-ExotelCall)

        $calls.Sid | Should -Be $placed.Sid
    }

    It 'gets rows with a CallSid column, as status callbacks send them' {
        $callbackRows = $placed | ForEach-Object { [pscustomobject]@{ CallSid = $_.Sid; Status = 'completed'; EventType = 'terminal' } }

        $calls = @($callbackRows | Get-ExotelCall)

        $calls.Sid | Should -Be $placed.Sid
    }

    It 'gets the legs with -Detailed' {
        $call = Get-ExotelCall -Sid $placed[0].Sid -Detailed

        $call.Details | Should -Not -BeNullOrEmpty
    }

    It 'reports an unknown Sid as NotFound with the Sid as target, and goes on' {
        $calls = @('no-such-call', $placed[0].Sid | Get-ExotelCall -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)

        $calls.Sid | Should -Be $placed[0].Sid
        $lookupErrors.Count | Should -Be 1
        $lookupErrors[0].FullyQualifiedErrorId | Should -Be 'NotFound,ExotelPS.Commands.GetExotelCallCommand'
        $lookupErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $lookupErrors[0].TargetObject | Should -Be 'no-such-call'
    }

    It 'lists recent calls when given nothing, like Get-Process, without prompting' {
        (Get-Command Get-ExotelCall).DefaultParameterSet | Should -Be 'List'

        $recent = @(Get-ExotelCall)

        $recent.Sid | Should -Contain $placed[0].Sid
        $recent.Count | Should -Be 3
    }

    It 'lists calls with their legs, shown readably, with -Detailed' {
        $detailed = @(Get-ExotelCall -To '09900000101' -Detailed)

        $detailed.Count | Should -Be 1
        "$($detailed[0].Details)" | Should -Match '^talked \d+ s; From completed, To completed$'
        ($detailed[0] | Format-List -Property Details | Out-String) | Should -Not -Match 'ExotelPS\.Client'
        "$($detailed[0].Details.Legs[1])" | Should -Match '^leg 2, \d+ s$'
    }

    It 'lists calls by status' {
        $busy = @(Get-ExotelCall -Status 'busy')

        $busy.Sid | Should -Contain $placed[1].Sid
        $busy | ForEach-Object { "$($_.Status)" | Should -Be 'busy' }
    }

    It 'pages a listing with -First and -Skip' {
        $all = @(Get-ExotelCall -To '09900000101', '09900000486', '09900000480')
        $all.Count | Should -Be 3

        @(Get-ExotelCall -To '09900000101', '09900000486', '09900000480' -First 2).Sid | Should -Be $all[0..1].Sid
        @(Get-ExotelCall -To '09900000101', '09900000486', '09900000480' -Skip 1 -First 1).Sid | Should -Be $all[1].Sid
    }

    It 'never prints the token with verbose and debug output on' {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'

        $text = $placed.Sid + 'no-such-call' | Get-ExotelCall -Detailed *>&1 | ConvertTo-AllText

        foreach ($secret in $secrets) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}

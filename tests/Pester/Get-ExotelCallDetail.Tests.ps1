#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $secrets = Get-SecretForm -ApiKey 'pester-key' -ApiToken $token
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token", "nov3:nov3-key:$token" -WithoutV3 'nov3' -RingMilliseconds 100 -TalkMilliseconds 300
    $emulatorSession = Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri -PassThru
    $noV3Session = Connect-ExotelAccount -AccountSid 'nov3' -Credential (New-TestCredential -ApiKey 'nov3-key' -ApiToken $token) -BaseUri $emulator.BaseUri -PassThru
    $sandbox = Connect-ExotelAccount -Sandbox -PassThru
}

AfterAll {
    foreach ($session in @($emulatorSession, $noV3Session, $sandbox)) {
        Disconnect-ExotelAccount -Session $session
    }
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Get-ExotelCallDetail in the sandbox' {
    BeforeAll {
        # A completed call to a flow presses the dialled number's last digit in the sandbox: 7 here.
        $call = Start-ExotelFlowCall -Session $sandbox -From 09900000207 -CallerId 08030752400 -FlowId 926 | Wait-ExotelCall -Session $sandbox -Timeout 120
        $detail = $call | Get-ExotelCallDetail -Session $sandbox
    }

    It 'reports the digit pressed, the app and the talk time of a flow call, from the same simulated call as v1' {
        $detail.Sid | Should -Be $call.Sid
        $detail.PSObject.TypeNames[0] | Should -Be 'ExotelPS.CallDetail'
        $detail.State | Should -Be 'terminal'
        "$($detail.Status)" | Should -Be 'completed'
        $detail.Digits | Should -Be '7'
        $detail.AppId | Should -Be '926'
        $detail.AppName | Should -Be 'Flow 926'
        $detail.TotalTalkTime | Should -BeGreaterThan 0
        $detail.TotalDuration | Should -Be $call.Duration
        $detail.CreatedTime | Should -Be $call.DateCreated
        $detail.Legs | Should -BeNullOrEmpty
    }

    It 'shows its own table: state, status, talk time, digits, app and recording' {
        $table = $detail | Format-Table | Out-String -Width 200

        $table | Should -Match 'Sid\s+State\s+Status\s+Talk\s+Digits\s+App\s+Recording'
        $table | Should -Match "$($call.Sid)\s+terminal\s+completed\s+\d+\s+7\s+Flow 926"
    }

    It 'reports the recording when the call was recorded, and the legs with -IncludeLegs' {
        $recorded = Connect-ExotelCall -Session $sandbox -From 09800000001 -To 09900000002 -CallerId 08030752400 -Record $true -CustomField 'order-5' |
            Wait-ExotelCall -Session $sandbox -Timeout 120

        $recordedDetail = Get-ExotelCallDetail -Session $sandbox -Sid $recorded.Sid -IncludeLegs

        $recordedDetail.RecordingUrl | Should -Not -BeNullOrEmpty
        $recordedDetail.RecordingUrl | Should -Be $recorded.RecordingUrl
        $recordedDetail.CustomField | Should -Be 'order-5'
        $recordedDetail.Digits | Should -BeNullOrEmpty
        $recordedDetail.Legs.Side | Should -Be @('from', 'to')
        $recordedDetail.Legs[1].ContactUri | Should -Be $recorded.To
        "$($recordedDetail.Legs[1].Status)" | Should -Be 'completed'
    }

    It 'reports an unknown Sid as NotFound with the piped object as target, and goes on' {
        $call = Connect-ExotelCall -Session $sandbox -From 09800000001 -To 09900000002 -CallerId 08030752400
        $unknown = [pscustomobject]@{ Sid = 'no-such-call' }

        $details = @($unknown, $call | Get-ExotelCallDetail -Session $sandbox -ErrorAction SilentlyContinue -ErrorVariable detailErrors)

        $details.Sid | Should -Be $call.Sid
        $detailErrors.Count | Should -Be 1
        $detailErrors[0].FullyQualifiedErrorId | Should -Be 'NotFound,ExotelPS.Commands.GetExotelCallDetailCommand'
        $detailErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $detailErrors[0].TargetObject.Sid | Should -Be 'no-such-call'
    }
}

Describe 'Get-ExotelCallDetail against the emulator' {
    It 'binds Sids, calls from every ExotelPS cmdlet and rows with a CallSid, and keeps input order in bulk' {
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ Phone = '0990000{0:D4}' -f (2100 + $_); Agent = '09800000001'; ExoPhone = '08030752400' } }
        $placed = @($rows | Connect-ExotelCall -Session $emulatorSession)
        $final = @($placed | Wait-ExotelCall -Session $emulatorSession -Timeout 120 -PollInterval 1)
        $read = @($final | Get-ExotelCall -Session $emulatorSession)
        $callbackRows = $placed | ForEach-Object { [pscustomobject]@{ CallSid = $_.Sid; Status = 'completed' } }

        foreach ($source in @($placed, $final, $read, $placed.Sid, $callbackRows)) {
            $details = @($source | Get-ExotelCallDetail -Session $emulatorSession)
            $details.Sid | Should -Be $placed.Sid
        }
    }

    It 'reads v3 on the session''s custom base URI for calls the emulator placed' {
        $call = Start-ExotelFlowCall -Session $emulatorSession -From 09900000209 -CallerId 08030752400 -FlowId 4411 | Wait-ExotelCall -Session $emulatorSession -Timeout 120 -PollInterval 1

        $detail = $call | Get-ExotelCallDetail -Session $emulatorSession -IncludeLegs

        $detail.Digits | Should -Be '9'
        $detail.AppId | Should -Be '4411'
        $detail.LegsUri | Should -Be "/v3/accounts/pester/calls/$($call.Sid)/legs"
        @($detail.Legs).Count | Should -Be 1
    }

    It 'says an account without v3 has none, with a stable ErrorId, while Get-ExotelCall still works' {
        $call = Connect-ExotelCall -Session $noV3Session -From 09800000001 -To 09900000002 -CallerId 08030752400

        $call | Get-ExotelCallDetail -Session $noV3Session -ErrorAction SilentlyContinue -ErrorVariable v3Errors | Should -BeNullOrEmpty
        $v1 = $call | Get-ExotelCall -Session $noV3Session

        $v3Errors.Count | Should -Be 1
        $v3Errors[0].FullyQualifiedErrorId | Should -Be 'V3NotEnabled,ExotelPS.Commands.GetExotelCallDetailCommand'
        $v3Errors[0].CategoryInfo.Category | Should -Be 'NotEnabled'
        $v3Errors[0].Exception.Message | Should -Match 'no Voice v3 access'
        $v3Errors[0].Exception.Message | Should -Match 'Get-ExotelCall'
        $v3Errors[0].TargetObject.Sid | Should -Be $call.Sid
        $v1.Sid | Should -Be $call.Sid
    }

    It 'never shows the token or the encoded credentials in output, verbose lines or errors' {
        $call = Connect-ExotelCall -Session $noV3Session -From 09800000001 -To 09900000002 -CallerId 08030752400

        $everything = @(
            $call | Get-ExotelCallDetail -Session $noV3Session -IncludeLegs -Verbose -ErrorAction Continue 4>&1 2>&1
            $call | Get-ExotelCallDetail -Session $emulatorSession -IncludeLegs -Verbose -ErrorAction Continue 4>&1 2>&1
        ) | ConvertTo-AllText

        $everything | Should -Match '/v3/accounts/'
        foreach ($secret in $secrets) {
            $everything | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $secrets = Get-SecretForm -ApiKey 'pester-key' -ApiToken $token
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token" -RingMilliseconds 200 -TalkMilliseconds 300
    Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Wait-ExotelCall' {
    It 'waits for each call from Connect-ExotelCall and writes it final, in input order' {
        $rows = @(
            [pscustomobject]@{ Phone = '09900000201'; Agent = '09800000001'; ExoPhone = '08030752400'; OrderId = 'W-1' }
            [pscustomobject]@{ Phone = '09900000486'; Agent = '09800000001'; ExoPhone = '08030752400'; OrderId = 'W-2' }
            [pscustomobject]@{ Phone = '09900000480'; Agent = '09800000001'; ExoPhone = '08030752400'; OrderId = 'W-3' }
            [pscustomobject]@{ Phone = '09900000404'; Agent = '09800000001'; ExoPhone = '08030752400'; OrderId = 'W-4' }
        )

        $final = @($rows | Connect-ExotelCall | Wait-ExotelCall -Timeout 120)

        $final.Count | Should -Be 4
        $final.ForEach({ "$($_.Status)" }) | Should -Be @('completed', 'busy', 'no-answer', 'failed')
        $final.CustomField | Should -Be @('W-1', 'W-2', 'W-3', 'W-4')
        $final[0].PSObject.TypeNames[0] | Should -Be 'ExotelPS.Call'
        $final[0].Duration | Should -Not -BeNullOrEmpty
    }

    It 'waits for Sids given as strings' {
        $call = Connect-ExotelCall -From '09800000001' -To '09900000202' -CallerId '08030752400'

        $final = $call.Sid | Wait-ExotelCall -Timeout 120

        $final.Sid | Should -Be $call.Sid
        "$($final.Status)" | Should -Be 'completed'
    }

    It 'reports a call still going after -Timeout as WaitTimeout, with the call as last seen as target' {
        # The sandbox keeps a call going for seconds, far longer than the one-second timeout.
        $sandbox = Connect-ExotelAccount -Sandbox -PassThru
        try {
            $call = Connect-ExotelCall -Session $sandbox -From '09800000001' -To '09900000203' -CallerId '08030752400'

            $call | Wait-ExotelCall -Session $sandbox -Timeout 1 -ErrorAction SilentlyContinue -ErrorVariable waitErrors | Should -BeNullOrEmpty

            $waitErrors.Count | Should -Be 1
            $waitErrors[0].FullyQualifiedErrorId | Should -Be 'WaitTimeout,ExotelPS.Commands.WaitExotelCallCommand'
            $waitErrors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $waitErrors[0].TargetObject.Sid | Should -Be $call.Sid
            $waitErrors[0].TargetObject.Status.IsFinal | Should -BeFalse
        }
        finally {
            Disconnect-ExotelAccount -Session $sandbox
            Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri
        }
    }

    It 'reports an unknown Sid as NotFound with the input as target, and goes on' {
        $call = Connect-ExotelCall -From '09800000001' -To '09900000204' -CallerId '08030752400'

        $final = @('no-such-call', $call.Sid | Wait-ExotelCall -Timeout 120 -ErrorAction SilentlyContinue -ErrorVariable waitErrors)

        $final.Sid | Should -Be $call.Sid
        $waitErrors.Count | Should -Be 1
        $waitErrors[0].FullyQualifiedErrorId | Should -Be 'NotFound,ExotelPS.Commands.WaitExotelCallCommand'
        "$($waitErrors[0].TargetObject)" | Should -Be 'no-such-call'
    }

    It 'never prints the token with verbose and debug output on' {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'

        $text = Connect-ExotelCall -From '09800000001' -To '09900000205' -CallerId '08030752400' | Wait-ExotelCall -Timeout 120 *>&1 | ConvertTo-AllText

        foreach ($secret in $secrets) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}

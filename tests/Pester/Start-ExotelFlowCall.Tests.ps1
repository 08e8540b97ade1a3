#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $secrets = Get-SecretForm -ApiKey 'pester-key' -ApiToken $token
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token"
    Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Start-ExotelFlowCall' {
    BeforeEach {
        Reset-Emulator -Emulator $emulator
    }

    It 'connects piped rows to the flow in their FlowId column' {
        $rows = @(
            [pscustomobject]@{ Agent = '09800000001'; ExoPhone = '08030752400'; FlowId = '926'; OrderId = 'F-1' }
            [pscustomobject]@{ Agent = '09800000002'; ExoPhone = '08030752400'; FlowId = '927'; OrderId = 'F-2' }
        )

        $results = @($rows | Start-ExotelFlowCall)

        $results.Count | Should -Be 2
        $results.Outcome | Should -Be @('Placed', 'Placed')
        $results.CustomField | Should -Be @('F-1', 'F-2')
        # The two rows go out concurrently, so Exotel may record them in either order: find each by its CustomField.
        $recorded = @(Get-EmulatorCall -Emulator $emulator)
        $first = $recorded | Where-Object { (Get-FormValue -Call $_ -Name 'CustomField') -eq 'F-1' }
        Get-FormValue -Call $first -Name 'Url' | Should -Be 'http://my.exotel.com/pester/exoml/start_voice/926'
        Get-FormValue -Call $first -Name 'To' | Should -BeNullOrEmpty
    }

    It 'takes a full flow URL with -FlowUrl' {
        $url = 'http://my.exotel.com/pester/exoml/start_voice/926'

        Start-ExotelFlowCall -From '09800000001' -CallerId '08030752400' -FlowUrl $url | Out-Null

        Get-FormValue -Call (Get-EmulatorCall -Emulator $emulator)[0] -Name 'Url' | Should -Be $url
    }

    It 'reports a row with a bad flow id as InvalidInput with the row as target, and goes on' {
        $rows = @(
            [pscustomobject]@{ Agent = '09800000001'; ExoPhone = '08030752400'; FlowId = 'welcome'; OrderId = 'F-3' }
            [pscustomobject]@{ Agent = '09800000001'; ExoPhone = '08030752400'; FlowId = '926'; OrderId = 'F-4' }
        )

        $results = @($rows | Start-ExotelFlowCall -ErrorAction SilentlyContinue -ErrorVariable flowErrors)

        $results.CustomField | Should -Be 'F-4'
        $flowErrors.Count | Should -Be 1
        $flowErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.StartExotelFlowCallCommand'
        $flowErrors[0].TargetObject.OrderId | Should -Be 'F-3'
        $flowErrors[0].Exception.Message | Should -Match 'welcome'
    }

    It '-WhatIf places nothing' {
        Start-ExotelFlowCall -From '09800000001' -CallerId '08030752400' -FlowId '926' -WhatIf | Should -BeNullOrEmpty

        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 0
    }

    It 'never prints the token with verbose and debug output on' {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'

        $text = Start-ExotelFlowCall -From '09800000001' -CallerId '08030752400' -FlowId '926' *>&1 | ConvertTo-AllText

        foreach ($secret in $secrets) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}

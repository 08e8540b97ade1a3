#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $secrets = Get-SecretForm -ApiKey 'pester-key' -ApiToken $token
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token"
    $variables = 'EXOTEL_ACCOUNT_SID', 'EXOTEL_API_KEY', 'EXOTEL_API_TOKEN', 'EXOTEL_REGION'
    $savedEnvironment = @{}
    foreach ($name in $variables) {
        $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    }
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    foreach ($name in $variables) {
        [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name])
    }
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Connect-ExotelAccount' {
    BeforeEach {
        foreach ($name in $variables) {
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    AfterEach {
        Get-ExotelSession | Disconnect-ExotelAccount
    }

    It 'keeps one budget per account: every session shows it, and the one that changes it says so' {
        $credential = New-TestCredential -ApiKey 'pester-key' -ApiToken $token
        $first = Connect-ExotelAccount -AccountSid 'pester' -Credential $credential -BaseUri $emulator.BaseUri -RequestsPerMinute 120 -ThrottleLimit 4 -PassThru

        $second = Connect-ExotelAccount -AccountSid 'pester' -Credential $credential -BaseUri $emulator.BaseUri -RequestsPerMinute 60 -ThrottleLimit 2 -PassThru -WarningVariable budgetWarning 3>$null

        ($first.RequestsPerMinute, $first.ThrottleLimit) | Should -Be @(60, 2)
        ($second.RequestsPerMinute, $second.ThrottleLimit) | Should -Be @(60, 2)
        $budgetWarning.Count | Should -Be 1
        $budgetWarning[0].Message | Should -Match '120'
        $budgetWarning[0].Message | Should -Match '60'

        Connect-ExotelAccount -AccountSid 'pester' -Credential $credential -BaseUri $emulator.BaseUri -RequestsPerMinute 60 -ThrottleLimit 2 -WarningVariable sameBudget 3>$null
        $sameBudget.Count | Should -Be 0

        # No -ThrottleLimit: the cap goes, and the window follows latency; the warning says so in words.
        Connect-ExotelAccount -AccountSid 'pester' -Credential $credential -BaseUri $emulator.BaseUri -RequestsPerMinute 60 -WarningVariable noCap 3>$null
        $noCap[0].Message | Should -Match 'now 60 and as many as the measured latency needs'
        (Get-ExotelSession).ThrottleLimit | Should -BeNullOrEmpty
    }

    It 'connects with a PSCredential (key as user name, token as password) and sets the default session' {
        $session = Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri -PassThru

        $session.AccountSid | Should -Be 'pester'
        $session.BaseUri.ToString() | Should -Be $emulator.BaseUri.ToString()
        $session.IsSandbox | Should -BeFalse
        $session.PSObject.TypeNames | Should -Contain 'ExotelPS.ExotelSession'
        [object]::ReferenceEquals((Get-ExotelSession), $session) | Should -BeTrue
    }

    It 'connects with -ApiKey and a SecureString -ApiToken' {
        $secureToken = ConvertTo-SecureString -String $token -AsPlainText -Force

        $session = Connect-ExotelAccount -AccountSid 'pester' -ApiKey 'pester-key' -ApiToken $secureToken -BaseUri $emulator.BaseUri -PassThru

        $session.AccountSid | Should -Be 'pester'
    }

    It 'takes what it is not given from EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY and EXOTEL_API_TOKEN' {
        $env:EXOTEL_ACCOUNT_SID = 'pester'
        $env:EXOTEL_API_KEY = 'pester-key'
        $env:EXOTEL_API_TOKEN = $token

        Connect-ExotelAccount -BaseUri $emulator.BaseUri

        (Get-ExotelSession).AccountSid | Should -Be 'pester'
    }

    It 'refuses plain http anywhere but loopback, before sending anything' {
        { Connect-ExotelAccount -AccountSid 'x' -Credential (New-TestCredential -ApiKey 'k' -ApiToken 't') -BaseUri 'http://example.com/' } |
            Should -Throw -ErrorId 'InvalidConnectionSettings,ExotelPS.Commands.ConnectExotelAccountCommand'
    }

    It 'says which setting is missing and where it can come from' {
        $failure = { Connect-ExotelAccount -BaseUri $emulator.BaseUri } |
            Should -Throw -ErrorId 'InvalidConnectionSettings,ExotelPS.Commands.ConnectExotelAccountCommand' -PassThru

        $failure.Exception.Message | Should -Match 'EXOTEL_ACCOUNT_SID'
        Get-ExotelSession | Should -BeNullOrEmpty
    }

    It 'stops with Unauthorized and leaves no session when the token is wrong' {
        $failure = { Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken 'not-the-token') -BaseUri $emulator.BaseUri } |
            Should -Throw -ErrorId 'Unauthorized,ExotelPS.Commands.ConnectExotelAccountCommand' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ErrorDetails.Message | Should -Match '401'
        Get-ExotelSession | Should -BeNullOrEmpty
    }

    It 'opens the offline sandbox without an account' {
        $session = Connect-ExotelAccount -Sandbox -PassThru

        $session.IsSandbox | Should -BeTrue
        $session.AccountSid | Should -Be 'sandbox'
    }

    It 'writes the session only with -PassThru' {
        Connect-ExotelAccount -Sandbox | Should -BeNullOrEmpty
        Get-ExotelSession | Should -Not -BeNullOrEmpty
    }

    It 'never shows the token: not in the session, its views, verbose or debug output' {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'

        $everything = Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri -PassThru *>&1
        $session = Get-ExotelSession
        $text = ($everything | ConvertTo-AllText) + ($session | Format-Table | Out-String) + ($session | ConvertTo-Json -Depth 3) + "$session"

        @($everything | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        foreach ($secret in $secrets) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }

    It 'offers the regions by name' {
        $region = (Get-Command Connect-ExotelAccount).Parameters['Region']
        $region.Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues | Should -Be 'Singapore', 'Mumbai'
        (TabExpansion2 -inputScript 'Connect-ExotelAccount -Region M' -cursorColumn 31).CompletionMatches.CompletionText | Should -Be 'Mumbai'
    }
}

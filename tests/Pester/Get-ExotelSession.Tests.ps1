#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    $manifest = Get-BuiltModuleManifest
    Import-Module $manifest
}

Describe 'Get-ExotelSession' {
    BeforeEach {
        Get-ExotelSession | Disconnect-ExotelAccount
    }

    AfterAll {
        Get-ExotelSession | Disconnect-ExotelAccount
    }

    It 'writes nothing, and no error, before Connect-ExotelAccount' {
        Get-ExotelSession -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'writes the default session' {
        $session = Connect-ExotelAccount -Sandbox -PassThru

        [object]::ReferenceEquals((Get-ExotelSession), $session) | Should -BeTrue
    }

    It 'writes the latest session after connecting again' {
        Connect-ExotelAccount -Sandbox
        $latest = Connect-ExotelAccount -Sandbox -PassThru -ThrottleLimit 3

        (Get-ExotelSession).ThrottleLimit | Should -Be 3
        [object]::ReferenceEquals((Get-ExotelSession), $latest) | Should -BeTrue
    }

    It 'shows the session in a list without the token' {
        Connect-ExotelAccount -Sandbox -RequestsPerMinute 120

        $view = Get-ExotelSession | Out-String

        $view | Should -Match 'AccountSid\s*:\s*sandbox'
        $view | Should -Match 'RequestsPerMinute\s*:\s*120'
        $view | Should -Match 'IsSandbox\s*:\s*True'
        $view | Should -Not -Match 'sandbox-token'
    }

    It 'keeps one default session per runspace, not per process' {
        Connect-ExotelAccount -Sandbox

        $other = [powershell]::Create()
        try {
            $count = $other.AddScript("Import-Module '$($manifest.Replace("'", "''"))'; @(Get-ExotelSession).Count").Invoke()
            $other.Streams.Error | Should -BeNullOrEmpty
        }
        finally {
            $other.Dispose()
        }

        $count | Should -Be 0
        Get-ExotelSession | Should -Not -BeNullOrEmpty
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)
}

Describe 'Disconnect-ExotelAccount' {
    AfterEach {
        Get-ExotelSession | Disconnect-ExotelAccount
    }

    It 'closes the default session and forgets it' {
        $session = Connect-ExotelAccount -Sandbox -PassThru

        Disconnect-ExotelAccount

        $session.IsDisconnected | Should -BeTrue
        Get-ExotelSession | Should -BeNullOrEmpty
    }

    It 'closes a session given with -Session or from the pipeline and keeps the default' {
        $first = Connect-ExotelAccount -Sandbox -PassThru
        $default = Connect-ExotelAccount -Sandbox -PassThru

        $first | Disconnect-ExotelAccount

        $first.IsDisconnected | Should -BeTrue
        $default.IsDisconnected | Should -BeFalse
        [object]::ReferenceEquals((Get-ExotelSession), $default) | Should -BeTrue
    }

    It 'makes later commands with the closed session fail with SessionDisconnected' {
        $session = Connect-ExotelAccount -Sandbox -PassThru
        Disconnect-ExotelAccount -Session $session

        { Get-ExotelCall -Sid 'anything' -Session $session } |
            Should -Throw -ErrorId 'SessionDisconnected,ExotelPS.Commands.GetExotelCallCommand'
    }

    It 'does nothing, without error, when there is no session' {
        { Disconnect-ExotelAccount -ErrorAction Stop } | Should -Not -Throw
    }

    It 'leaves API cmdlets saying how to connect' {
        $failure = { Get-ExotelCall -Sid 'anything' } | Should -Throw -ErrorId 'NoSession,ExotelPS.Commands.GetExotelCallCommand' -PassThru

        $failure.Exception.Message | Should -Match 'Connect-ExotelAccount'
    }
}

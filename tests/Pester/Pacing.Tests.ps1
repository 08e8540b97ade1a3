#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Pacing per From number, proven by the emulator's own record of when each call started and ended.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token" -RingTime '0.1-0.2' -TalkTime '0.3-0.6' -RequestsPerMinute 6000
    $agents = '09800000001', '09800000002', '09800000003'
    Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri -RequestsPerMinute 6000 | Out-Null

    function New-Customer {
        param([int] $Count, [string] $Agent)
        1..$Count | ForEach-Object {
            $row = [ordered]@{ Phone = '099{0:D8}' -f ($_ * 10); OrderId = "C-$_" }
            if ($Agent) { $row.Agent = $Agent }
            [pscustomobject]$row
        }
    }

    # The most calls one From had live at the same moment, by the emulator's start and end of each call.
    function Get-MostAtOnce {
        param([object[]] $Calls)
        $spans = @($Calls | ForEach-Object { [pscustomobject]@{ Start = [DateTimeOffset]$_.createdAt; End = [DateTimeOffset]$_.endsAt } })
        ($spans | ForEach-Object { $at = $_.Start; @($spans | Where-Object { $_.Start -le $at -and $at -lt $_.End }).Count } | Measure-Object -Maximum).Maximum
    }
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Connect-ExotelCall -AgentPool' {
    Context '3 agents, 60 customers' {
        BeforeAll {
            Reset-Emulator -Emulator $emulator
            $results = @(New-Customer -Count 60 | Connect-ExotelCall -AgentPool $agents -CallerId 08030752400)
            $recorded = Get-EmulatorCall -Emulator $emulator
        }

        It 'places every row exactly once and writes them in input order' {
            $results.Count | Should -Be 60
            $results.CustomField | Should -Be (1..60 | ForEach-Object { "C-$_" })
            $results.Outcome | Sort-Object -Unique | Should -Be 'Placed'
            $recorded.Count | Should -Be 60
            @($recorded | ForEach-Object { Get-FormValue -Call $_ -Name 'CustomField' } | Sort-Object -Unique).Count | Should -Be 60
        }

        It 'never gives an agent two overlapping calls, by the emulator''s record' {
            $byAgent = $recorded | Group-Object -Property from
            ($byAgent.Name | Sort-Object) | Should -Be $agents
            foreach ($agent in $byAgent) {
                Get-MostAtOnce -Calls $agent.Group | Should -Be 1 -Because "agent $($agent.Name) was rung while on a call"
            }
        }

        It 'says which agent got which customer' {
            $results | ForEach-Object { $_.From | Should -BeIn $agents }
            foreach ($result in $results) {
                $call = $recorded | Where-Object sid -EQ $result.Sid
                $call.from | Should -Be $result.From
                Get-FormValue -Call $call -Name 'To' | Should -Be $result.To
            }
        }
    }

    It 'stops before sending anything when a pool number cannot be dialled, naming it' {
        Reset-Emulator -Emulator $emulator

        { New-Customer -Count 2 | Connect-ExotelCall -AgentPool '09800000001', '12' -CallerId 08030752400 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*AgentPool '12'*"
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 0
    }

    It 'does not ring on a rerun an agent whose call from the earlier run is still live' {
        Reset-Emulator -Emulator $emulator
        $journal = Join-Path $TestDrive 'pool.journal'
        Set-EmulatorFault -Emulator $emulator -Fault @{}
        $first = @(New-Customer -Count 1 | Connect-ExotelCall -AgentPool $agents[0] -CallerId 08030752400 -JournalPath $journal -IdempotencyKey OrderId)

        $rerun = @(New-Customer -Count 2 | Connect-ExotelCall -AgentPool $agents[0] -CallerId 08030752400 -JournalPath $journal -IdempotencyKey OrderId -WarningAction SilentlyContinue)

        $first.Outcome | Should -Be 'Placed'
        $rerun.Outcome | Should -Be 'Skipped', 'Placed'
        $calls = @(Get-EmulatorCall -Emulator $emulator | Sort-Object { [DateTimeOffset]$_.createdAt })
        $calls.Count | Should -Be 2
        [DateTimeOffset]$calls[1].createdAt | Should -BeGreaterOrEqual ([DateTimeOffset]$calls[0].endsAt)
    }
}

Describe 'Pacing by From number' {
    BeforeEach {
        Reset-Emulator -Emulator $emulator
    }

    It 'rings one From once at a time by default, and as fast as the limit allows with -MaxCallsPerFrom 0' {
        New-Customer -Count 6 -Agent '09800000001' | Connect-ExotelCall -CallerId 08030752400 | Out-Null
        Get-MostAtOnce -Calls (Get-EmulatorCall -Emulator $emulator) | Should -Be 1

        Reset-Emulator -Emulator $emulator
        New-Customer -Count 6 -Agent '09800000001' | Connect-ExotelCall -CallerId 08030752400 -MaxCallsPerFrom 0 | Out-Null
        Get-MostAtOnce -Calls (Get-EmulatorCall -Emulator $emulator) | Should -BeGreaterThan 1
    }

    It 'lets a rested From wait its wrap-up after each call' {
        New-Customer -Count 3 -Agent '09800000001' | Connect-ExotelCall -CallerId 08030752400 -WrapUpSeconds 1 | Out-Null

        $calls = @(Get-EmulatorCall -Emulator $emulator | Sort-Object { [DateTimeOffset]$_.createdAt })
        for ($next = 1; $next -lt $calls.Count; $next++) {
            ([DateTimeOffset]$calls[$next].createdAt - [DateTimeOffset]$calls[$next - 1].endsAt).TotalSeconds | Should -BeGreaterOrEqual 1
        }
    }

    It 'paces Start-ExotelFlowCall on its From, the customer' {
        1..4 | ForEach-Object { [pscustomobject]@{ From = '09900000010'; OrderId = "F-$_" } } |
            Start-ExotelFlowCall -FlowId 926 -CallerId 08030752400 | Out-Null

        Get-MostAtOnce -Calls (Get-EmulatorCall -Emulator $emulator) | Should -Be 1
    }

    It 'shows the agents busy and the rows waiting for an agent in its progress' {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                param($Manifest, $Session, $Agents)
                Import-Module $Manifest
                1..6 | ForEach-Object { [pscustomobject]@{ Phone = '099{0:D8}' -f ($_ * 10) } } |
                    Connect-ExotelCall -AgentPool $Agents -CallerId 08030752400 -Session $Session
            }).AddArgument((Get-BuiltModuleManifest)).AddArgument((Get-ExotelSession)).AddArgument($agents[0..1])
            $shell.Invoke() | Out-Null

            $statuses = @($shell.Streams.Progress | ForEach-Object StatusDescription)
            $statuses | Where-Object { $_ -match '\b2 agents busy, [1-9]\d* rows waiting for an agent' } | Should -Not -BeNullOrEmpty
        }
        finally {
            $shell.Dispose()
        }
    }
}

# Last: it makes a sandbox session the default.
Describe 'Connect-ExotelAccount -Sandbox -SimulatedRingTime -SimulatedTalkTime' {
    It 'makes sandbox calls ring and talk as long as asked' {
        Connect-ExotelAccount -Sandbox -SimulatedRingTime 1 -SimulatedTalkTime 6

        $call = Connect-ExotelCall -From 09800000001 -To 09900000001 -CallerId 08030752400 | Wait-ExotelCall -Timeout 60

        $call.Status | Should -Be 'completed'
        $call.Duration | Should -Be 7 -Because 'the sandbox default is 2 s of ringing and 3 of talk'
    }

    It 'stops with InvalidConnectionSettings, naming the value, when it is not seconds' {
        { Connect-ExotelAccount -Sandbox -SimulatedTalkTime 'soon' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidConnectionSettings,ExotelPS.Commands.ConnectExotelAccountCommand' -ExpectedMessage "*-SimulatedTalkTime 'soon'*"
    }
}

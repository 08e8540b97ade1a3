#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $otherToken = New-TestToken
    $secrets = @(Get-SecretForm -ApiKey 'pester-key' -ApiToken $token) + @(Get-SecretForm -ApiKey 'other-key' -ApiToken $otherToken)
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token", "other:other-key:$otherToken"
    $customers = Get-ExampleCsvPath
    $validOrders = 'A-1001', 'A-1002', 'A-1003', 'A-1004', 'A-1005', 'A-1010'

    function Connect-Pester {
        Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri -PassThru
    }
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'Connect-ExotelCall' {
    BeforeAll {
        Connect-Pester | Out-Null
    }

    BeforeEach {
        Reset-Emulator -Emulator $emulator
    }

    Context 'piping docs/examples/customers.csv' {
        BeforeAll {
            Reset-Emulator -Emulator $emulator
            $results = @(Import-Csv -Path $customers | Connect-ExotelCall -ErrorAction SilentlyContinue -ErrorVariable rowErrors)
            $recorded = Get-EmulatorCall -Emulator $emulator
        }

        It 'writes one call per valid row, in input order, each marked Placed' {
            $results.Count | Should -Be 6
            $results.CustomField | Should -Be $validOrders
            $results | ForEach-Object {
                $_.Outcome | Should -Be 'Placed'
                $_.Sid | Should -Not -BeNullOrEmpty
                $_.CallerId | Should -Be '08030752400'
                $_.PSObject.TypeNames[0] | Should -Be 'ExotelPS.Call'
            }
        }

        It 'binds the columns Phone, Agent, ExoPhone, OrderId, Record and TimeLimit by name' {
            $recorded.Count | Should -Be 6
            $first = $recorded | Where-Object { (Get-FormValue -Call $_ -Name 'CustomField') -eq 'A-1001' }
            Get-FormValue -Call $first -Name 'To' | Should -Be '09900000001'
            Get-FormValue -Call $first -Name 'From' | Should -Be '09800000001'
            Get-FormValue -Call $first -Name 'CallerId' | Should -Be '08030752400'
            Get-FormValue -Call $first -Name 'Record' | Should -Be 'true'
            Get-FormValue -Call $first -Name 'TimeLimit' | Should -Be '600'
        }

        It 'reads yes/no/1/true leniently and leaves blank cells out of the request' {
            $byOrder = @{}
            foreach ($call in $recorded) {
                $byOrder[(Get-FormValue -Call $call -Name 'CustomField')] = $call
            }

            Get-FormValue -Call $byOrder['A-1002'] -Name 'Record' | Should -Be 'false'
            Get-FormValue -Call $byOrder['A-1004'] -Name 'Record' | Should -Be 'true'
            Get-FormValue -Call $byOrder['A-1005'] -Name 'Record' | Should -Be 'true'
            Get-FormValue -Call $byOrder['A-1003'] -Name 'Record' | Should -BeNullOrEmpty
            Get-FormValue -Call $byOrder['A-1003'] -Name 'TimeLimit' | Should -BeNullOrEmpty
        }

        It 'reports each bad row once, with a stable ErrorId and that row as TargetObject' {
            $rowErrors.Count | Should -Be 4
            $byOrder = @{}
            foreach ($record in $rowErrors) {
                $byOrder[$record.TargetObject.OrderId] = $record
            }

            $byOrder['A-1006'].FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand'
            $byOrder['A-1007'].FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand'
            $byOrder['A-1008'].FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand'
            $byOrder['A-1009'].FullyQualifiedErrorId | Should -Be 'Forbidden,ExotelPS.Commands.ConnectExotelCallCommand'
            $byOrder['A-1006'].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $byOrder['A-1009'].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $byOrder['A-1007'].Exception.Message | Should -Match 'TimeLimit'
            $byOrder['A-1007'].Exception.Message | Should -Match '99999'
            $byOrder['A-1006'].Exception.GetType().Name | Should -Be 'ExotelValidationException'
        }

        It 'places nothing for the rows it refused' {
            $placedOrders = $recorded | ForEach-Object { Get-FormValue -Call $_ -Name 'CustomField' }

            $placedOrders | Should -Not -Contain 'A-1006'
            $placedOrders | Should -Not -Contain 'A-1007'
            $placedOrders | Should -Not -Contain 'A-1008'
        }
    }

    It 'places one call from parameters' {
        $call = Connect-ExotelCall -From '09800000001' -To '09900000099' -CallerId '08030752400' -TimeLimit 60 -RecordingFormat 'mp3-hq'

        $call.Outcome | Should -Be 'Placed'
        $recorded = Get-EmulatorCall -Emulator $emulator
        $recorded.Count | Should -Be 1
        Get-FormValue -Call $recorded[0] -Name 'RecordingFormat' | Should -Be 'mp3-hq'
    }

    It '-WhatIf validates every row and places nothing' {
        $output = Import-Csv -Path $customers | Connect-ExotelCall -WhatIf -ErrorAction SilentlyContinue -ErrorVariable whatIfErrors

        $output | Should -BeNullOrEmpty
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 0
        # The do-not-call row is only refused by Exotel; the three locally invalid rows still produce their errors.
        $whatIfErrors.Count | Should -Be 3
        $whatIfErrors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand' }
    }

    It 'a value that cannot be read fails only its own row' {
        $rows = @(
            [pscustomobject]@{ Phone = '09900000011'; Agent = '09800000001'; ExoPhone = '08030752400'; Record = 'yes' }
            [pscustomobject]@{ Phone = '09900000012'; Agent = '09800000001'; ExoPhone = '08030752400'; Record = 'maybe' }
            [pscustomobject]@{ Phone = '09900000013'; Agent = '09800000001'; ExoPhone = '08030752400'; Record = 'no' }
        )

        $results = @($rows | Connect-ExotelCall -ErrorAction SilentlyContinue -ErrorVariable bindingErrors)

        $results.Count | Should -Be 2
        $results.To | Should -Be @('09900000011', '09900000013')
        $bindingErrors.Count | Should -Be 1
        $bindingErrors[0].Exception.Message | Should -Match 'maybe'
    }

    It 'uses the session given with -Session instead of the default' {
        $other = Connect-ExotelAccount -AccountSid 'other' -Credential (New-TestCredential -ApiKey 'other-key' -ApiToken $otherToken) -BaseUri $emulator.BaseUri -PassThru
        Connect-Pester | Out-Null

        Connect-ExotelCall -Session $other -From '09800000001' -To '09900000021' -CallerId '08030752400' | Out-Null
        Connect-ExotelCall -From '09800000001' -To '09900000022' -CallerId '08030752400' | Out-Null

        $recorded = Get-EmulatorCall -Emulator $emulator
        ($recorded | Where-Object { (Get-FormValue -Call $_ -Name 'To') -eq '09900000021' }).accountSid | Should -Be 'other'
        ($recorded | Where-Object { (Get-FormValue -Call $_ -Name 'To') -eq '09900000022' }).accountSid | Should -Be 'pester'
        Disconnect-ExotelAccount -Session $other
    }

    It 'with -JournalPath, a rerun skips the rows already placed and says so' {
        $journal = Join-Path $TestDrive 'customers.journal'
        $first = @(Import-Csv -Path $customers | Connect-ExotelCall -JournalPath $journal -ErrorAction SilentlyContinue)

        $second = @(Import-Csv -Path $customers | Connect-ExotelCall -JournalPath $journal -ErrorAction SilentlyContinue -WarningVariable skippedWarning)

        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 6
        $skipped = @($second | Where-Object Outcome -EQ 'Skipped')
        $skipped.Count | Should -Be 6
        $skipped.Sid | Should -Be $first.Sid
        $skipped.CustomField | Should -Be $validOrders
        $skipped[0].PSObject.TypeNames[0] | Should -Be 'ExotelPS.Call'
        $skippedWarning.Count | Should -Be 1
    }

    It 'with -IdempotencyKey, the journal knows rows by that column' {
        $journal = Join-Path $TestDrive 'by-order.journal'
        $row = [pscustomobject]@{ OrderId = 'K-1'; Phone = '09900000031'; Agent = '09800000001'; ExoPhone = '08030752400' }
        $row | Connect-ExotelCall -JournalPath $journal -IdempotencyKey 'OrderId' | Out-Null

        # Same order, corrected number: still the same row to the journal, so it is not rung again.
        $row.Phone = '09900000032'
        $again = $row | Connect-ExotelCall -JournalPath $journal -IdempotencyKey 'OrderId'

        $again.Outcome | Should -Be 'Skipped'
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 1
    }

    It 'refuses a row without the -IdempotencyKey property, naming it' {
        $row = [pscustomobject]@{ Phone = '09900000041'; Agent = '09800000001'; ExoPhone = '08030752400' }

        $row | Connect-ExotelCall -IdempotencyKey 'OrderId' -ErrorAction SilentlyContinue -ErrorVariable keyErrors | Should -BeNullOrEmpty

        $keyErrors.Count | Should -Be 1
        $keyErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand'
        $keyErrors[0].Exception.Message | Should -Match 'OrderId'
        $keyErrors[0].TargetObject.Phone | Should -Be '09900000041'
    }

    It 'reports each cell it cannot read as InvalidInput naming the field and the value, in its row''s place' {
        $rows = @'
Phone,Agent,ExoPhone,OrderId,TimeLimit,TimeOut,Record
09900000051,09800000001,08030752400,B-1,600,30,yes
09900000052,09800000001,08030752400,B-2,abc,,
09900000053,09800000001,08030752400,B-3,1e3,,
09900000054,09800000001,08030752400,B-4,30.5,,
09900000055,09800000001,08030752400,B-5,,,maybe
09900000056,09800000001,08030752400,B-6,,ten,
09900000057,09800000001,08030752400,B-7,,,
'@ | ConvertFrom-Csv

        $all = @($rows | Connect-ExotelCall -ErrorAction Continue 2>&1)

        $all.Count | Should -Be 7
        $all[0].Outcome | Should -Be 'Placed'
        $all[6].Outcome | Should -Be 'Placed'
        $expected = @{ 1 = "TimeLimit 'abc'"; 2 = "TimeLimit '1e3'"; 3 = "TimeLimit '30.5'"; 4 = "Record 'maybe'"; 5 = "TimeOut 'ten'" }
        foreach ($index in 1..5) {
            $all[$index] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            $all[$index].FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand'
            $all[$index].TargetObject.OrderId | Should -Be "B-$($index + 1)"
            $all[$index].Exception.Message | Should -BeLike "*$($expected[$index])*"
        }
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 2
    }

    It 'refuses a CustomField that holds a list instead of placing the call without it' {
        $row = [pscustomobject]@{ Phone = '09900000061'; Agent = '09800000001'; ExoPhone = '08030752400'; OrderId = @('C-1', 'C-2') }

        $row | Connect-ExotelCall -ErrorAction SilentlyContinue -ErrorVariable rowErrors | Should -BeNullOrEmpty

        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand'
        $rowErrors[0].Exception.Message | Should -Match 'CustomField'
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 0
    }

    It 'refuses a tab or a line break inside a number, and white space inside a callback URL' {
        $rows = @(
            [pscustomobject]@{ Phone = "09900`t000071"; Agent = '09800000001'; ExoPhone = '08030752400' }
            [pscustomobject]@{ Phone = "09900`n000072"; Agent = '09800000001'; ExoPhone = '08030752400' }
            [pscustomobject]@{ Phone = '09900000073'; Agent = '09800000001'; ExoPhone = '08030752400'; CallbackUrl = 'https://example.com/status cb' }
        )

        $rows | Connect-ExotelCall -ErrorAction SilentlyContinue -ErrorVariable rowErrors | Should -BeNullOrEmpty

        $rowErrors.FullyQualifiedErrorId | Should -Be (@('InvalidInput,ExotelPS.Commands.ConnectExotelCallCommand') * 3)
        $rowErrors[0].Exception.Message | Should -Match 'To '
        $rowErrors[2].Exception.Message | Should -Match 'StatusCallback'
        @(Get-EmulatorCall -Emulator $emulator).Count | Should -Be 0
    }

    It 'never prints a token, with -Verbose and debug output on, whatever the rows do' {
        $DebugPreference = 'Continue'

        $everything = Import-Csv -Path $customers | Connect-ExotelCall -Verbose *>&1
        $text = $everything | ConvertTo-AllText

        @($everything | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        @($everything | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 4
        foreach ($secret in $secrets) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }

    It 'asks before placing calls at medium impact' {
        $command = Get-Command Connect-ExotelCall

        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'Connect-ExotelCall -ThrottleLimit' {
    It 'warns when it asks for more than the session''s own -ThrottleLimit, rather than quietly holding it' {
        $session = Connect-ExotelAccount -Sandbox -ThrottleLimit 2 -PassThru

        $call = Connect-ExotelCall -Session $session -From '09800000001' -To '09900000099' -CallerId '08030752400' -ThrottleLimit 100 -WarningVariable held -WarningAction SilentlyContinue

        $call.Outcome | Should -Be 'Placed'
        $held | Should -HaveCount 1
        "$held" | Should -BeLike '*-ThrottleLimit 100 is held to 2*'
    }

    It 'says nothing when the session has no cap of its own: the window is sized from the latency measured' {
        $session = Connect-ExotelAccount -Sandbox -PassThru

        $verbose = Connect-ExotelCall -Session $session -From '09800000001' -To '09900000099' -CallerId '08030752400' -ThrottleLimit 100 -WarningVariable held -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $held | Should -HaveCount 0
        # Not a warning, but not silent either: -Verbose says why fewer than 100 are out at first.
        "$verbose" | Should -BeLike '*-ThrottleLimit 100: * in flight for now, as many as the account''s rate needs*'
        $session.ThrottleLimit | Should -BeNullOrEmpty
        $session.InFlightLimit | Should -BeGreaterOrEqual 10
    }
}

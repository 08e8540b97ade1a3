#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Bodies of the corpus (tests/Corpus: what Exotel and its docs really show) read through the cmdlets, from a loopback
# server that replays them, as a user would meet them.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'CorpusReplay.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $replay = Start-CorpusReplay -Route @(
        @{ Method = 'POST'; Path = '/Calls/connect.json'; File = 'v1-connect/recorded-connect-in-progress.xml' }
        @{ Method = 'GET'; Path = '/Calls/b6cfaf5f5cef3ca0fc937749ef96d245.json'; File = 'v1-details/docs-call-details-legs.json' }
        @{ Method = 'GET'; Path = '/Calls/fe9e9bb3bc5e27386f6c6368a79a189g.json'; File = 'v1-details/recorded-no-answer.json' }
        @{ Method = 'GET'; Path = '/Calls/denied.json'; Status = 401; File = 'v1-errors/docs-401.json' }
        @{ Method = 'GET'; Path = '/Calls/odd.json'; Body = '{"Call":{"Sid":"odd","Status":"completed","Duration":"soon"}}' }
        @{ Method = 'GET'; Path = '/Calls.json'; File = 'v1-listing/docs-bulk-call-details.json' }
        @{ Method = 'GET'; Path = '/calls/cabfb1dfa8c5e1c7f2c458423b7716b3/legs'; File = 'v3/docs-call-legs.json' }
        @{ Method = 'GET'; Path = '/calls/cabfb1dfa8c5e1c7f2c458423b7716b3'; File = 'v3/docs-call-details-completed.json' }
    )
    Connect-ExotelAccount -AccountSid 'corpus' -Credential (New-TestCredential -ApiKey 'corpus-key' -ApiToken (New-TestToken)) -BaseUri $replay.BaseUri
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-CorpusReplay -Replay $replay
}

Describe 'Corpus answers read through the cmdlets' {
    It 'places a call from a recorded XML connect answer: the Sid, not yet ended' {
        $call = Connect-ExotelCall -From 09800000001 -To 09900000001 -CallerId 08030752400

        $call.Sid | Should -Be '55cd271a8e90cf3f3d9d85e06f56189g'
        "$($call.Status)" | Should -Be 'in-progress'
        $call.Status.IsFinal | Should -BeFalse
        $call.EndTime | Should -BeNullOrEmpty
        $call.Outcome | Should -Be 'Placed'
    }

    It 'reads the details page''s wrapped legs, each with its id and time on the call' {
        $call = Get-ExotelCall -Sid b6cfaf5f5cef3ca0fc937749ef96d245 -Detailed -WarningVariable warnings

        @($call.Details.Legs).Count | Should -Be 2
        $call.Details.Legs[0].Id | Should -Be '1'
        $call.Details.Legs[0].OnCallDuration | Should -Be 21
        $call.Details.Legs[1].OnCallDuration | Should -Be 8
        "$($call.Details.Leg2Status)" | Should -Be 'completed'
        $warnings | Should -BeNullOrEmpty
    }

    It 'reads a recorded no-answer with its empty texts as empty, and exports them as empty cells' {
        $call = Get-ExotelCall -Sid fe9e9bb3bc5e27386f6c6368a79a189g

        "$($call.Status)" | Should -Be 'no-answer'
        $call.Duration | Should -Be 60
        $call.Price | Should -Be 0
        $row = $call | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $row.RecordingUrl | Should -Be ''
        $row.ParentCallSid | Should -Be ''
        $row.PSObject.Properties.Name | Should -Contain 'ReadWarnings'
        $row.ReadWarnings | Should -BeNullOrEmpty
    }

    It 'lists the docs'' listing page' {
        $calls = @(Get-ExotelCall -First 1)

        $calls.Count | Should -Be 1
        $calls[0].Sid | Should -Be 'c5797dcbaaeed7678c4062a4a3ed2f8a'
        $calls[0].Duration | Should -Be 45
    }

    It 'reports an error body''s message with the HTTP status it came with' {
        Get-ExotelCall -Sid denied -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Unauthorized*'
        $failures[0].Exception.Message | Should -BeLike '*Authentication failed. Check your API key and token.*'
    }

    It 'keeps a call whose field cannot be read, and warns naming the field and the value' {
        $call = Get-ExotelCall -Sid odd -WarningVariable warnings -WarningAction SilentlyContinue

        $call.Sid | Should -Be 'odd'
        $call.Duration | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*odd*Call.Duration*'soon'*"
        $call.ReadWarnings | Should -BeLike "*Call.Duration*'soon'*"
    }

    It 'reads v3 details and the Call Legs page''s leg_details' {
        $detail = Get-ExotelCallDetail -Sid cabfb1dfa8c5e1c7f2c458423b7716b3 -IncludeLegs -WarningVariable warnings

        "$($detail.Status)" | Should -Be 'completed'
        $detail.TotalTalkTime | Should -Be 59
        @($detail.Legs).Count | Should -Be 3
        $detail.Legs[0].Name | Should -Be 'Aditya Sharma'
        $detail.Legs[2].Side | Should -Be 'to'
        $warnings | Should -BeNullOrEmpty
    }
}

Describe 'ConvertFrom-ExotelCallback says what it was given' {
    It 'reads the docs'' StatusCallback as a finished call' {
        $callback = ConvertFrom-ExotelCallback -InputObject (Get-CorpusBody 'callbacks/docs-status-callback.json') -ContentType 'application/json'

        $callback.Kind | Should -Be 'StatusCallback'
        "$($callback.Status)" | Should -Be 'completed'
        $callback.Status.IsFinal | Should -BeTrue
        $callback.CustomField | Should -Be 'order_12345'
    }

    It 'reads a Connect applet''s ringing-time event as an applet request, never as a finished busy call' {
        $callback = ConvertFrom-ExotelCallback -InputObject (Get-CorpusBody 'callbacks/erpnext-connect-applet-dial.json') -ContentType 'application/json'

        $callback.Kind | Should -Be 'AppletRequest'
        $callback.EventType | Should -Be 'Dial'
        "$($callback.Status)" | Should -Be ''
        $callback.Status.IsFinal | Should -BeFalse
    }

    It 'reads a Passthru''s fields, parsed by a web framework, with how the dialled leg went' {
        $fields = Get-CorpusBody 'callbacks/erpnext-passthru-no-answer.json' | ConvertFrom-Json -AsHashtable
        $callback = ConvertFrom-ExotelCallback -InputObject $fields -WarningVariable warnings

        $callback.Kind | Should -Be 'AppletRequest'
        $callback.DialCallStatus | Should -Be 'no-answer'
        $callback.CallType | Should -Be 'incomplete'
        $callback.Status.IsFinal | Should -BeFalse
        $callback.EndTime | Should -BeNullOrEmpty
        $callback.ForwardedFrom | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
    }
}

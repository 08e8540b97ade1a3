#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)

    $token = New-TestToken
    $secrets = Get-SecretForm -ApiKey 'pester-key' -ApiToken $token
    $emulator = Start-ExotelEmulator -Account "pester:pester-key:$token" -RingMilliseconds 200 -TalkMilliseconds 400
    Connect-ExotelAccount -AccountSid 'pester' -Credential (New-TestCredential -ApiKey 'pester-key' -ApiToken $token) -BaseUri $emulator.BaseUri
}

AfterAll {
    Get-ExotelSession | Disconnect-ExotelAccount
    Stop-ExotelEmulator -Emulator $emulator
}

Describe 'ConvertFrom-ExotelCallback with the emulator''s callbacks' {
    BeforeAll {
        # A local listener on 127.0.0.1 receives what the emulator posts, as Exotel would post it.
        $receiver = Start-CallbackListener
        $common = @{ From = '09800000001'; CallerId = '08030752400'; StatusCallback = $receiver.Url; StatusCallbackEvents = 'answered', 'terminal' }
        $multipartCall = Connect-ExotelCall @common -To 09900000301 -CustomField 'row-1' -Record $true
        $jsonCall = Connect-ExotelCall @common -To 09900000486 -CustomField 'row-2' -StatusCallbackContentType 'application/json'
        # The completed call sends answered and terminal; the busy one only terminal.
        $received = Receive-Callback -CallbackListener $receiver -Count 3 -TimeoutSeconds 60
        $callbacks = @($received | ForEach-Object { ConvertFrom-ExotelCallback -InputObject $_.Body -ContentType $_.ContentType })
    }

    AfterAll {
        Stop-CallbackListener -CallbackListener $receiver
    }

    It 'receives multipart and JSON deliveries on the local listener' {
        $received.Count | Should -Be 3
        @($received | Where-Object ContentType -like 'multipart/form-data*').Count | Should -Be 2
        @($received | Where-Object ContentType -like 'application/json*').Count | Should -Be 1
    }

    It 'turns each into the call object the other cmdlets write, with what only a callback carries' {
        $terminal = $callbacks | Where-Object { $_.Sid -eq $multipartCall.Sid -and $_.EventType -eq 'terminal' }
        $final = $multipartCall | Get-ExotelCall -Detailed

        $terminal.PSObject.TypeNames[0] | Should -Be 'ExotelPS.Call'
        $terminal.PSObject.TypeNames | Should -Contain 'ExotelPS.Client.ExotelCall'
        "$($terminal.Status)" | Should -Be 'completed'
        $terminal.From | Should -Be $final.From
        $terminal.To | Should -Be $final.To
        $terminal.DateUpdated | Should -Be $final.DateUpdated
        $terminal.DateUpdated.Offset | Should -Be ([TimeSpan]::FromMinutes(330))
        $terminal.Duration | Should -Be $final.Duration
        $terminal.RecordingUrl | Should -Be $final.RecordingUrl
        $terminal.Details.ConversationDuration | Should -Be $final.Details.ConversationDuration
        @($terminal.Details.Legs).Count | Should -Be 2
        $terminal.Details.Legs[1].AnsweredBy | Should -Be 'Human'
        $terminal.CustomField | Should -Be 'row-1'
        $terminal.DeliveryKey | Should -Be "$($multipartCall.Sid)|terminal|completed"
        $terminal.ReceivedAt | Should -BeOfType [DateTimeOffset]
        $terminal.UnknownFields.Count | Should -Be 0
    }

    It 'reads the JSON delivery of the busy call the same way' {
        $busy = $callbacks | Where-Object Sid -eq $jsonCall.Sid

        @($busy).Count | Should -Be 1
        "$($busy.Status)" | Should -Be 'busy'
        $busy.EventType | Should -Be 'terminal'
        $busy.CustomField | Should -Be 'row-2'
        "$($busy.Details.Legs[1].Status)" | Should -Be 'busy'
    }

    It 'gives the answered and the terminal event of one call different keys, and a repeat the same key' {
        $ofOneCall = @($callbacks | Where-Object Sid -eq $multipartCall.Sid)
        # The repeat comes as bytes, as some frameworks keep a raw body.
        $again = ConvertFrom-ExotelCallback -InputObject ([Text.Encoding]::UTF8.GetBytes($received[0].Body)) -ContentType $received[0].ContentType

        $ofOneCall.EventType | Sort-Object | Should -Be @('answered', 'terminal')
        @($ofOneCall.DeliveryKey | Sort-Object -Unique).Count | Should -Be 2
        $again.DeliveryKey | Should -Be $callbacks[0].DeliveryKey
        @(@($callbacks) + $again | Sort-Object -Property DeliveryKey -Unique).Count | Should -Be 3
    }

    It 'pipes into Get-ExotelCall and Get-ExotelCallDetail by its Sid' {
        $terminal = @($callbacks | Where-Object EventType -eq 'terminal')

        @($terminal | Get-ExotelCall).Sid | Should -Be $terminal.Sid
        $details = @($terminal | Get-ExotelCallDetail)
        $details.Sid | Should -Be $terminal.Sid
        ($details | Where-Object Sid -eq $multipartCall.Sid).RecordingUrl | Should -Be ($terminal | Where-Object Sid -eq $multipartCall.Sid).RecordingUrl
    }
}

Describe 'ConvertFrom-ExotelCallback with fields a framework already parsed' {
    It 'reads a hashtable with flat Legs keys, as Pode''s $WebEvent.Data holds a form' {
        $data = @{ CallSid = 'abc'; Status = 'completed'; EventType = 'terminal'; DateUpdated = '2024-03-03 10:53:33'; Duration = '77'
            'Legs[0][OnCallDuration]' = '41'; 'Legs[0][Status]' = 'completed'; 'Legs[1][AnsweredBy]' = 'Human'; 'Legs[1][Status]' = 'completed' }

        $call = ConvertFrom-ExotelCallback -InputObject $data

        $call.Sid | Should -Be 'abc'
        $call.Duration | Should -Be 77
        $call.DateUpdated | Should -Be ([DateTimeOffset]::new(2024, 3, 3, 10, 53, 33, [TimeSpan]::FromMinutes(330)))
        $call.Details.Legs.OnCallDuration | Should -Be @(41, $null)
        $call.Details.Legs[1].AnsweredBy | Should -Be 'Human'
        $call.DeliveryKey | Should -Be 'abc|terminal|completed'
    }

    It 'reads a JSON body parsed into objects, as an Azure Functions trigger hands it, and keeps unknown fields' {
        $body = '{"CallSid":"def","Status":"no-answer","EventType":"terminal","ConversationDuration":0,"CallType":"trans","Legs":[{"OnCallDuration":0,"Status":"no-answer","AnsweredBy":null}]}'

        $fromObject = $body | ConvertFrom-Json | ConvertFrom-ExotelCallback
        $fromHashtable = ConvertFrom-ExotelCallback -InputObject @{ CallSid = 'def'; Status = 'no-answer'; EventType = 'terminal'; ConversationDuration = 0; CallType = 'trans'; Legs = @(@{ OnCallDuration = 0; Status = 'no-answer' }) }

        foreach ($call in @($fromObject, $fromHashtable)) {
            "$($call.Status)" | Should -Be 'no-answer'
            $call.Details.ConversationDuration | Should -Be 0
            "$($call.Details.Legs[0].Status)" | Should -Be 'no-answer'
            $call.UnknownFields['CallType'] | Should -Be 'trans'
            $call.DeliveryKey | Should -Be 'def|terminal|no-answer'
        }
    }

    It 'reports a payload without a CallSid as InvalidCallbackPayload with the payload as target, and goes on' {
        $odd = [pscustomobject]@{ CallSid = 'ghi'; Status = 'completed'; Duration = 'a while' }
        $good = @{ CallSid = 'jkl'; Status = 'completed' }

        $calls = @($odd, 'Status=completed', $good | ConvertFrom-ExotelCallback -ErrorAction SilentlyContinue -ErrorVariable payloadErrors -WarningAction SilentlyContinue -WarningVariable oddWarnings)

        $calls.Sid | Should -Be @('ghi', 'jkl')
        $payloadErrors.Count | Should -Be 1
        $payloadErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidCallbackPayload,ExotelPS.Commands.ConvertFromExotelCallbackCommand'
        $payloadErrors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $payloadErrors[0].Exception.Message | Should -Match 'CallSid'
        $payloadErrors[0].TargetObject | Should -Be 'Status=completed'
    }

    It 'keeps a call whose field cannot be read, empty, with a warning naming the field and the value' {
        $call = [pscustomobject]@{ CallSid = 'ghi'; Status = 'completed'; Duration = 'a while' } | ConvertFrom-ExotelCallback -WarningAction SilentlyContinue -WarningVariable oddWarnings

        $call.Duration | Should -BeNullOrEmpty
        "$($call.Status)" | Should -Be 'completed'
        $oddWarnings.Count | Should -Be 1
        "$($oddWarnings[0])" | Should -Match "ghi.*Duration should be a whole number but is 'a while'"
    }

    It 'refuses a content type Exotel does not send, naming ContentType' {
        { ConvertFrom-ExotelCallback -InputObject '<Call/>' -ContentType 'text/xml' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCallbackPayload,ExotelPS.Commands.ConvertFromExotelCallbackCommand' -ExpectedMessage '*ContentType*'
    }

    It 'needs no session and sends nothing' {
        $before = (Invoke-RestMethod -Uri "$($emulator.BaseUri)_emulator/stats").requests

        $null = ConvertFrom-ExotelCallback -InputObject 'CallSid=mno&Status=busy' -Verbose 4>&1

        (Invoke-RestMethod -Uri "$($emulator.BaseUri)_emulator/stats").requests | Should -Be $before
    }
}

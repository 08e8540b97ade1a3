#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Get-ExotelCampaignReport and Export-ExotelCampaignReport over journals written line by line in the documented
# format (docs/campaigns.md), and over a journal a sandbox run wrote. The page is read back: its numbers must be
# exactly the report objects' numbers.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    Import-Module (Get-BuiltModuleManifest)
    $invariant = [Globalization.CultureInfo]::InvariantCulture

    # One journal line; a 'final' line when given a status.
    function New-JournalLine {
        param([string] $Key, [string] $Outcome, [datetimeoffset] $At, [hashtable] $Fields = @{})
        $line = [ordered]@{ at = $At.UtcDateTime.ToString('o', $invariant); key = $Key; by = 'property:OrderId'; outcome = $Outcome }
        foreach ($name in $Fields.Keys) { $line[$name] = $Fields[$name] }
        $line | ConvertTo-Json -Compress
    }

    function New-FinalLine {
        param([string] $Key, [string] $From, [datetimeoffset] $Start, [int] $Duration, [string] $Status, [string] $Leg1, [AllowNull()] [string] $Leg2,
            [AllowNull()] [object] $Talk, [string] $Call = 'connect')
        $end = $Start.AddSeconds($Duration)
        New-JournalLine -Key $Key -Outcome 'final' -At $end -Fields ([ordered]@{
            sid = "sid-$Key-$($Start.ToUnixTimeSeconds())"; from = $From; start = $Start.ToString('o', $invariant); end = $end.ToString('o', $invariant)
            status = $Status; leg1 = $Leg1; leg2 = $Leg2; duration = $Duration; talk = $Talk; call = $Call })
    }

    # Seven rows of a campaign of up to three attempts, on 6 December 2026 in IST (see each row's comment).
    function New-CampaignJournal {
        param([string] $Path)
        $ist = [TimeSpan]::FromHours(5.5)
        $at = { param($hour, $minute) [datetimeoffset]::new(2026, 12, 6, $hour, $minute, 0, $ist) }
        $agentA = '09810000001'; $agentB = '09810000002'
        @(
            # Reached at once: 120 s, 100 s of talk.
            New-JournalLine -Key 'ORD-1' -Outcome 'placed' -At (& $at 10 0) -Fields @{ sid = 'sid-1'; from = $agentA }
            New-FinalLine -Key 'ORD-1' -From $agentA -Start (& $at 10 0) -Duration 120 -Status 'completed' -Leg1 'completed' -Leg2 'completed' -Talk 100
            # Busy, then reached by another agent: 180 s of talk.
            New-FinalLine -Key 'ORD-2' -From $agentA -Start (& $at 10 5) -Duration 20 -Status 'busy' -Leg1 'completed' -Leg2 'busy' -Talk 0
            New-FinalLine -Key 'ORD-2' -From $agentB -Start (& $at 11 0) -Duration 200 -Status 'completed' -Leg1 'completed' -Leg2 'completed' -Talk 180
            # Three misses: gave up, attempts used up.
            New-FinalLine -Key 'ORD-3' -From $agentB -Start (& $at 10 10) -Duration 30 -Status 'busy' -Leg1 'completed' -Leg2 'busy' -Talk 0
            New-FinalLine -Key 'ORD-3' -From $agentB -Start (& $at 11 10) -Duration 45 -Status 'no-answer' -Leg1 'completed' -Leg2 'no-answer' -Talk 0
            New-FinalLine -Key 'ORD-3' -From $agentB -Start (& $at 12 10) -Duration 30 -Status 'busy' -Leg1 'completed' -Leg2 'busy' -Talk 0
            # The agent missed: the customer was not rung, the row is put back (pending, no attempt).
            New-FinalLine -Key 'ORD-4' -From $agentA -Start (& $at 10 15) -Duration 40 -Status 'no-answer' -Leg1 'no-answer' -Leg2 $null -Talk $null
            # Placed by a run that wrote no final lines: pending, not yet final.
            New-JournalLine -Key 'ORD-5' -Outcome 'sending' -At (& $at 10 20) -Fields @{ from = $agentA; target = '09900000005'; callerId = '08030752400' }
            New-JournalLine -Key 'ORD-5' -Outcome 'placed' -At (& $at 10 20) -Fields @{ sid = 'sid-5'; from = $agentA }
            # Failed, which -RedialOn does not name by default: gave up.
            New-FinalLine -Key 'ORD-6' -From $agentB -Start (& $at 10 25) -Duration 5 -Status 'failed' -Leg1 'completed' -Leg2 'failed' -Talk 0
            # A call to a flow, answered: its talk time is its Duration.
            New-FinalLine -Key 'ORD-7' -From '09900000007' -Start (& $at 10 30) -Duration 60 -Status 'completed' -Leg1 $null -Leg2 $null -Talk $null -Call 'flow'
        ) | Set-Content -Path $Path -Encoding utf8NoBOM
    }

    # The page's numbers in one section, as property name -> text, from its data-field/data-value markers.
    function Read-PageSection {
        param([xml] $Page, [string] $XPath)
        $values = [ordered]@{}
        foreach ($node in $Page.SelectNodes("$XPath//*[@data-field]")) { $values[$node.GetAttribute('data-field')] = $node.GetAttribute('data-value') }
        $values
    }

    # The exact invariant text the page holds for a value (docs/campaigns.md).
    function ConvertTo-PageValue {
        param([AllowNull()] [object] $Value)
        switch ($Value) {
            { $null -eq $_ } { return '' }
            { $_ -is [double] } { return $_.ToString('R', $invariant) }
            { $_ -is [TimeSpan] } { return $_.ToString('c', $invariant) }
            { $_ -is [datetimeoffset] } { return $_.ToString('o', $invariant) }
            default { return [string]::Format($invariant, '{0}', $_) }
        }
    }

    function Read-Page {
        param([string] $Path)
        $html = Get-Content -Raw -Path $Path
        $html | Should -Match '^<!DOCTYPE html>'
        [xml]($html -replace '^<!DOCTYPE html>', '')
    }

    $journal = Join-Path $TestDrive 'campaign.journal'
    New-CampaignJournal -Path $journal
    $campaign = @{ JournalPath = $journal; MaxAttempts = 3; CallWindow = '09:00-21:00'; TimeZone = 'Asia/Kolkata' }
}

Describe 'Get-ExotelCampaignReport' {
    It 'counts each row of the journal once, decided by the campaign''s parameters' {
        $report = Get-ExotelCampaignReport @campaign

        $report.PSObject.TypeNames[0] | Should -Be 'ExotelPS.CampaignReport'
        $report.Rows | Should -Be 7
        $report.Reached | Should -Be 3
        $report.GaveUp | Should -Be 2
        $report.Pending | Should -Be 2 -Because 'the agent''s miss is put back and the row without final lines is not yet final'
        $report.Refused | Should -Be 0
        $report.Attempts | Should -Be 8
        $report.AgentMisses | Should -Be 1
        $report.AnswerRate | Should -Be 0.6
        $report.TalkTime | Should -Be ([TimeSpan]::FromSeconds(340))
        $report.TalkTimeMean | Should -Be ([TimeSpan]::FromTicks([TimeSpan]::FromSeconds(340).Ticks / 3))
        $report.FirstCall | Should -Be ([datetimeoffset]::new(2026, 12, 6, 10, 0, 0, [TimeSpan]::FromHours(5.5)))
        $report.LastCall | Should -Be ([datetimeoffset]::new(2026, 12, 6, 12, 10, 30, [TimeSpan]::FromHours(5.5)))
        $report.NextAttemptAt | Should -BeGreaterThan $report.LastCall
    }

    It 'decides rows by the parameters given: failed redialled too' {
        $report = Get-ExotelCampaignReport @campaign -RedialOn busy, no-answer, failed

        # ORD-6 failed once: with failed redialled it is due again instead of given up.
        $report.GaveUp | Should -Be 1
        $report.Pending | Should -Be 3
        $report.Reached | Should -Be 3
    }

    It 'writes one object per agent whose calls add up to the campaign''s' {
        $summary = Get-ExotelCampaignReport @campaign
        $agents = @(Get-ExotelCampaignReport @campaign -By Agent)

        $agents.Count | Should -Be 3
        $agents[0].PSObject.TypeNames[0] | Should -Be 'ExotelPS.CampaignAgentReport'
        $agents[0].Agent | Should -Be '09810000002' -Because 'the busiest agent comes first'
        ($agents | Measure-Object -Property Calls -Sum).Sum | Should -Be $summary.Calls
        ($agents | Measure-Object -Property Reached -Sum).Sum | Should -Be $summary.Reached
        ($agents | Where-Object Agent -EQ '09810000001').AgentMisses | Should -Be 1
    }

    It 'has a table view and exports to CSV as it is' {
        $report = Get-ExotelCampaignReport @campaign
        $csv = Join-Path $TestDrive 'summary.csv'

        ($report | Out-String) | Should -Match 'Rows\s+Reached\s+GaveUp\s+Pending'
        $report | Export-Csv -Path $csv -NoTypeInformation
        $row = Import-Csv -Path $csv
        $row.Rows | Should -Be '7'
        [TimeSpan]::Parse($row.TalkTime, $invariant) | Should -Be $report.TalkTime
        [double]::Parse($row.AnswerRate, $invariant) | Should -Be $report.AnswerRate
    }

    It 'reads a journal another run holds, and leaves it as it was' {
        $before = (Get-FileHash -Path $journal).Hash
        $held = [IO.File]::Open($journal, 'Open', 'ReadWrite', 'None')
        try {
            if ($IsWindows) {
                { Get-ExotelCampaignReport @campaign -ErrorAction Stop } | Should -Throw -ErrorId 'JournalInUse,*'
            }
            else {
                (Get-ExotelCampaignReport @campaign).Rows | Should -Be 7
            }
        }
        finally {
            $held.Dispose()
        }
        (Get-FileHash -Path $journal).Hash | Should -Be $before
    }

    It 'stops with JournalUnavailable for a missing journal, and creates none' {
        $missing = Join-Path $TestDrive 'none.journal'

        { Get-ExotelCampaignReport -JournalPath $missing -ErrorAction Stop } | Should -Throw -ErrorId 'JournalUnavailable,*'
        Test-Path $missing | Should -BeFalse
    }

    It 'names every bad campaign parameter and its value at once' {
        $thrown = { Get-ExotelCampaignReport -JournalPath $journal -MaxAttempts 11 -TimeZone 'Mars/Olympus' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidInput,*' -PassThru

        $thrown.Exception.Message | Should -Match 'MaxAttempts ''11'''
        $thrown.Exception.Message | Should -Match 'TimeZone ''Mars/Olympus'''
    }
}

Describe 'Export-ExotelCampaignReport' {
    It 'writes a page whose numbers are exactly the report objects'' numbers' {
        $summary = Get-ExotelCampaignReport @campaign
        $agents = @(Get-ExotelCampaignReport @campaign -By Agent)
        $path = Join-Path $TestDrive 'from-journal.html'

        $written = Export-ExotelCampaignReport @campaign -Path $path -Title 'December <renewals>'

        $written | Should -BeOfType ([IO.FileInfo])
        $written.FullName | Should -Be $path
        $page = Read-Page -Path $path
        $page.html.head.title | Should -Be 'December <renewals>'
        $shown = Read-PageSection -Page $page -XPath "//*[@id='summary']"
        $shown.Keys | Should -Contain 'Rows'
        foreach ($field in $shown.Keys) {
            if ($field -eq 'NextAttemptAt') {
                # Due rows are due "now": the page and the objects were each decided at their own now, a moment apart.
                ([DateTimeOffset]$shown[$field] - $summary.$field).Duration() | Should -BeLessThan ([TimeSpan]::FromSeconds(5)) -Because "the page's $field"
                continue
            }
            $shown[$field] | Should -Be (ConvertTo-PageValue $summary.$field) -Because "the page's $field"
        }
        foreach ($agent in $agents) {
            $row = Read-PageSection -Page $page -XPath "//*[@id='agents']//tr[@data-agent='$($agent.Agent)']"
            $row.Count | Should -BeGreaterThan 0
            foreach ($field in $row.Keys) {
                $row[$field] | Should -Be (ConvertTo-PageValue $agent.$field) -Because "agent $($agent.Agent)'s $field"
            }
        }
    }

    It 'draws the page of exactly the report piped to it' {
        $summary = Get-ExotelCampaignReport @campaign
        $path = Join-Path $TestDrive 'piped.html'

        $summary | Export-ExotelCampaignReport -Path $path | Out-Null

        $shown = Read-PageSection -Page (Read-Page -Path $path) -XPath "//*[@id='summary']"
        $shown['NextAttemptAt'] | Should -Be (ConvertTo-PageValue $summary.NextAttemptAt)
        $shown['Pending'] | Should -Be '2'
    }

    It 'draws the page of the report the agents piped to it came from' {
        $agents = @(Get-ExotelCampaignReport @campaign -By Agent)
        $path = Join-Path $TestDrive 'agents.html'

        $agents | Export-ExotelCampaignReport -Path $path | Out-Null

        $page = Read-Page -Path $path
        @($page.SelectNodes("//*[@id='agents']//tr[@data-agent]")).Count | Should -Be $agents.Count
        (Read-PageSection -Page $page -XPath "//*[@id='summary']")['Rows'] | Should -Be '7'
    }

    It 'refuses an object that is not a report, and writes nothing' {
        $path = Join-Path $TestDrive 'refused.html'

        [pscustomobject]@{ Rows = 7 } | Export-ExotelCampaignReport -Path $path -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ReportInputUnknown,*'
        $failed[-1].FullyQualifiedErrorId | Should -BeLike 'NoReportPiped,*' -Because 'no page was written, and the user is told'
        Test-Path $path | Should -BeFalse
    }

    It 'refuses objects of two reports piped to one page' {
        $one = Get-ExotelCampaignReport @campaign
        $other = Get-ExotelCampaignReport @campaign

        { $one, $other | Export-ExotelCampaignReport -Path (Join-Path $TestDrive 'two.html') -ErrorAction Stop } | Should -Throw -ErrorId 'SeveralReports,*'
    }
}

Describe 'A report of a sandbox campaign' {
    It 'counts the rows a run placed without final lines as pending' {
        Connect-ExotelAccount -Sandbox -SimulatedSpeed 600 -SimulatedBusyShare 0.2 -SimulatedNoAnswerShare 0.2
        $sandboxJournal = Join-Path $TestDrive 'sandbox.journal'
        $customers = 1..12 | ForEach-Object { [pscustomobject]@{ OrderId = "S-$_"; Phone = '099000{0:D4}1' -f $_; Agent = '0980000000{0}' -f ($_ % 4); ExoPhone = '08030752400' } }

        $calls = @($customers | Connect-ExotelCall -JournalPath $sandboxJournal -IdempotencyKey OrderId | Wait-ExotelCall)
        $report = Get-ExotelCampaignReport -JournalPath $sandboxJournal
        Get-ExotelSession | Disconnect-ExotelAccount

        $calls.Count | Should -Be 12
        $report.Rows | Should -Be 12
        $finals = @(Get-Content -Path $sandboxJournal | ConvertFrom-Json | Where-Object outcome -EQ 'final')
        # Without final lines every placed row is pending; with them, every row is accounted for by its calls.
        if ($finals.Count -eq 0) {
            $report.Pending | Should -Be 12
        }
        else {
            ($report.Reached + $report.GaveUp + $report.Pending) | Should -Be 12
            $report.Calls | Should -Be $finals.Count
        }
    }
}

Describe 'The page in Chromium' {
    BeforeDiscovery {
        $browserFolder = Join-Path (Split-Path -Parent $PSScriptRoot) 'Browser'
        $chromium = if ($env:CHROMIUM_PATH) { $env:CHROMIUM_PATH } else { (Get-Command chromium -ErrorAction SilentlyContinue).Source }
        $browserMissing = -not $chromium -or -not (Test-Path (Join-Path $browserFolder 'node_modules/playwright-core')) -or -not (Get-Command node -ErrorAction SilentlyContinue)
        if ($browserMissing -and $env:EXOTELPS_REQUIRE_BROWSER) {
            throw "The browser test needs chromium, node and tests/Browser's npm ci (.ci/run installs them)."
        }
    }

    It 'fits 800 px without scrolling sideways and fetches nothing' -Skip:$browserMissing {
        $path = Join-Path $TestDrive 'browser.html'
        Export-ExotelCampaignReport @campaign -Path $path -Title 'A campaign with a rather long title that has to wrap at 800 pixels wide' | Out-Null
        $script = Join-Path (Split-Path -Parent $PSScriptRoot) 'Browser/measure-page.mjs'

        $output = & node $script $path (Join-Path $TestDrive 'browser.png') 800 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)

        $layout = ($output | Select-Object -Last 1) | ConvertFrom-Json
        $layout.viewportWidth | Should -Be 800
        $layout.scrollWidth | Should -BeLessOrEqual $layout.viewportWidth
        @($layout.requests).Count | Should -Be 0
        (Get-Item (Join-Path $TestDrive 'browser.png')).Length | Should -BeGreaterThan 0
    }
}

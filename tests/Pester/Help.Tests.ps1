#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Get-Help as a user reads it offline: the MAML and about topic the Docs task builds from docs/en-US with PlatyPS.
# (HelpPagesTests in xUnit keeps the markdown in step with the code; this checks what PlatyPS made of it.)

BeforeDiscovery {
    $moduleFolder = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'out/ExotelPS'
    $helpMissing = -not (Test-Path (Join-Path $moduleFolder 'en-US/ExotelPS.dll-Help.xml'))
    if ($helpMissing) {
        Write-Warning "No help in $moduleFolder/en-US: the help tests are skipped. Install PlatyPS (./build.ps1 -Task Bootstrap), then ./build.ps1 -Task Build."
    }

    $manifest = Join-Path $moduleFolder 'ExotelPS.psd1'
    $cmdlets = if (Test-Path $manifest) { @((Import-PowerShellDataFile -Path $manifest).CmdletsToExport) } else { @() }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ExotelPS.TestHelpers.psm1') -Force
    $manifest = Get-BuiltModuleManifest
    Import-Module $manifest

    # Get-Help finds about topics in the modules on PSModulePath.
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = (Split-Path -Parent (Split-Path -Parent $manifest)) + [IO.Path]::PathSeparator + $env:PSModulePath
}

AfterAll {
    $env:PSModulePath = $savedModulePath
}

Describe 'Get-Help <_>' -ForEach $cmdlets -Skip:$helpMissing {
    BeforeAll {
        $cmdlet = $_
        $help = Get-Help -Name $cmdlet -Full
        $page = Get-Content -Raw -Path (Join-Path (Get-RepositoryRoot) "docs/en-US/$cmdlet.md")

        # What the page documents: every parameter but the common ones and the hidden InputObject.
        $documented = (Get-Command -Name $cmdlet).Parameters.Values |
            Where-Object { $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters -and $_.Name -ne 'UseTransaction' } |
            Where-Object { -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) } |
            ForEach-Object Name
    }

    It 'shows the synopsis written in docs/en-US, not one made up from the syntax' {
        $synopsis = ($help.Synopsis -replace '\s+', ' ').Trim()

        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -BeLike "$cmdlet *[<CommonParameters>]*"
        ($page -replace '\s+', ' ') | Should -BeLike "*$synopsis*"
    }

    It 'has at least three examples, each with code and an explanation' {
        $examples = @($help.examples.example)

        $examples.Count | Should -BeGreaterOrEqual 3
        foreach ($example in $examples) {
            $example.code | Should -Match $cmdlet.Split('-')[1]
            $example.code | Should -Not -Match '```' -Because 'the fence is markdown, not code'
            ($example.remarks | Out-String).Trim() | Should -Not -BeNullOrEmpty
            ($example.introduction | Out-String).Trim() | Should -BeNullOrEmpty -Because 'the code and its explanation have places of their own'
        }
        ($help | Out-String) | Should -Not -Match ([char]0x80)
    }

    It 'shows the default values written in docs/en-US' {
        if (-not $documented) {
            Set-ItResult -Skipped -Because "$cmdlet has no parameters of its own"
            return
        }
        $expected = [regex]::Matches($page, '(?s)### -(\w+)\n.*?DefaultValue: ([^\n]*)') | Where-Object { $_.Groups[1].Value -in $documented }
        $expected | Should -Not -BeNullOrEmpty
        foreach ($match in $expected) {
            (Get-Help -Name $cmdlet -Parameter $match.Groups[1].Value).defaultValue | Should -Be $match.Groups[2].Value
        }
    }

    It 'opens an absolute address online and names the other pages by title only' {
        $links = @($help.relatedLinks.navigationLink)

        $links[0].linkText | Should -Be 'Online Version'
        $links[0].uri | Should -Be "https://github.com/ExotelPS/ExotelPS/blob/main/docs/en-US/$cmdlet.md"
        foreach ($link in $links | Where-Object { $_.uri }) {
            [Uri]::IsWellFormedUriString($link.uri, [UriKind]::Absolute) | Should -BeTrue -Because "$($link.linkText) must not break Get-Help -Online"
        }
    }

    It 'describes every parameter' {
        foreach ($name in $documented) {
            $parameter = Get-Help -Name $cmdlet -Parameter $name
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'names the output types the cmdlet declares' {
        $outputs = $help.returnValues | Out-String
        $declared = @((Get-Command -Name $cmdlet).OutputType | ForEach-Object Name | Where-Object { $_ -ne 'System.Void' })

        if ($declared.Count -eq 0) {
            $outputs | Should -Match 'None'
        }
        foreach ($type in $declared) {
            $outputs | Should -Match ([regex]::Escape($type))
        }
    }
}

Describe 'Get-Help about_ExotelPS' -Skip:$helpMissing {
    It 'explains the rate limit, journals and the errors a user meets' {
        $topic = Get-Help -Name about_ExotelPS | Out-String

        $topic | Should -Match '200 requests a minute'
        $topic | Should -Match '-JournalPath'
        $topic | Should -Match 'OutcomeUnknown'
        $topic | Should -Not -Match '^---' -Because 'the front matter is stripped from the plain-text topic'
        $topic | Should -Not -Match '(?m)^#+ ' -Because 'markdown headings become plain headings'
        $topic | Should -Not -Match '```' -Because 'code is indented, not fenced'
        $topic | Should -Match '(?m)^SHORT DESCRIPTION$'
    }
}

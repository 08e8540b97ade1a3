<#
.SYNOPSIS
    Azure Automation runbook: calls every customer in a CSV through Exotel and exports each call's outcome.

.DESCRIPTION
    Import-Csv | Connect-ExotelCall | Wait-ExotelCall | Export-Csv, made safe to kill and restart: every row's
    outcome is written to a journal before the row moves on, and a restarted job skips the rows the journal
    shows as handled (keyed by the OrderId column), so nobody is rung twice.

    Set up in the Automation account:
      - a credential asset (default name 'Exotel'): user name = Exotel API key, password = API token
      - the account SID in the runbook parameter -AccountSid, or the variable asset 'ExotelAccountSid',
        or the environment variable EXOTEL_ACCOUNT_SID (Hybrid Worker)
      - -JournalPath on storage that survives a restart (a Hybrid Worker disk, an Azure Files share):
        a cloud sandbox's temp folder is lost when the job moves, and with it the record of what was placed.

    Rows that cannot be placed (a bad number, a do-not-call number) are reported as errors naming the row and
    do not stop the others.

.PARAMETER Sandbox
    Use the offline sandbox instead of Exotel: nobody is called. For trying the runbook out.

.PARAMETER BaseUri
    Another Exotel base URI: a proxy, or the local emulator in tests.
#>
param(
    [Parameter(Mandatory)]
    [string] $CsvPath,

    [Parameter(Mandatory)]
    [string] $OutputPath,

    [string] $JournalPath = (Join-Path ([IO.Path]::GetTempPath()) 'exotel-calls.journal'),

    [string] $CredentialName = 'Exotel',

    [string] $AccountSid,

    [string] $CallerId,

    [int] $WaitTimeoutSeconds = 1800,

    [uri] $BaseUri,

    [switch] $Sandbox
)

$ErrorActionPreference = 'Stop'
Import-Module ExotelPS

if ($Sandbox) {
    Connect-ExotelAccount -Sandbox
}
else {
    $connect = @{ Credential = Get-AutomationPSCredential -Name $CredentialName }
    if (-not $AccountSid) {
        try {
            $AccountSid = Get-AutomationVariable -Name 'ExotelAccountSid'
        }
        catch {
            Write-Verbose 'No ExotelAccountSid variable asset; Connect-ExotelAccount falls back to $env:EXOTEL_ACCOUNT_SID.'
        }
    }
    if ($AccountSid) {
        $connect.AccountSid = $AccountSid # else Connect-ExotelAccount reads $env:EXOTEL_ACCOUNT_SID
    }
    if ($BaseUri) {
        $connect.BaseUri = $BaseUri
    }
    Connect-ExotelAccount @connect
}

$placing = @{ JournalPath = $JournalPath; IdempotencyKey = 'OrderId' }
if ($CallerId) {
    $placing.CallerId = $CallerId # else each row's ExoPhone column
}

# -ErrorAction Continue: a bad row is reported and the run goes on ($ErrorActionPreference would stop it).
Import-Csv -Path $CsvPath |
    Connect-ExotelCall @placing -ErrorAction Continue -ErrorVariable placingErrors |
    Wait-ExotelCall -Timeout $WaitTimeoutSeconds -ErrorAction Continue -ErrorVariable waitingErrors |
    Select-Object -Property CustomField, Sid, Status, From, To, DateCreated, EndTime, Duration, Price |
    Export-Csv -Path $OutputPath -NoTypeInformation

$failed = @($placingErrors) + @($waitingErrors)
Write-Output ("{0} rows could not be placed or did not finish; outcomes are in {1}." -f $failed.Count, $OutputPath)
foreach ($failure in $failed) {
    Write-Output ("{0}: {1}" -f $failure.FullyQualifiedErrorId.Split(',')[0], $failure.Exception.Message)
}

Disconnect-ExotelAccount

#
# Module manifest for ExotelPS: PowerShell cmdlets for Exotel's Voice API.
# This file sits at the repository root and at the root of the built module (out/ExotelPS).
#
@{
    RootModule             = 'ExotelPS.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '2e851946-b5c7-412b-9aa6-976381621fac'
    Author                 = 'ExotelPS contributors'
    CompanyName            = 'ExotelPS contributors'
    Copyright              = '(c) ExotelPS contributors. All rights reserved.'
    Description            = 'Connect calls, start call flows and read call outcomes with Exotel''s Voice API: safely in bulk from a CSV, at a prompt, or in an Azure Automation runbook. Includes an offline sandbox.'

    # Windows PowerShell 5.1 (.NET Framework 4.7.2+) and PowerShell 7.4+.
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    CLRVersion             = '4.0'

    FormatsToProcess       = @('ExotelPS.format.ps1xml')

    # Explicit lists keep module auto-loading fast and the public surface deliberate.
    CmdletsToExport        = @(
        'Connect-ExotelAccount'
        'Disconnect-ExotelAccount'
        'Get-ExotelSession'
        'Connect-ExotelCall'
        'Start-ExotelFlowCall'
        'Get-ExotelCall'
        'Wait-ExotelCall'
        'Get-ExotelCallDetail'
        'ConvertFrom-ExotelCallback'
        'Get-ExotelCampaignReport'
        'Export-ExotelCampaignReport'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()

    PrivateData            = @{
        PSData = @{
            Tags         = @('Exotel', 'Telephony', 'Voice', 'Calls', 'IVR', 'India', 'AzureAutomation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/ExotelPS/ExotelPS'
            LicenseUri   = 'https://github.com/ExotelPS/ExotelPS/blob/main/docs/LICENSE'
            ReleaseNotes = 'First release: Connect-ExotelAccount (credential, key and token, environment variables, offline sandbox), Connect-ExotelCall and Start-ExotelFlowCall (bulk from the pipeline with a journal), Get-ExotelCall, Wait-ExotelCall.'
        }
    }
}

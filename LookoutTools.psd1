@{
    # The build puts the compiled module under module/bin; this manifest loads it from there,
    # so Import-Module ./LookoutTools.psd1 works straight after a build. ModuleVersion is the
    # one place the version is written: the assemblies and the package take it from here.
    RootModule           = 'module/bin/LookoutTools.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1d7c5e-2b8a-4c1e-9a53-0d4e8b7f3a21'
    Author               = 'LookoutTools contributors'
    CompanyName          = 'LookoutTools'
    Copyright            = '(c) LookoutTools contributors. Apache License 2.0.'
    Description          = 'Lists Amazon Lookout for Equipment model versions from PowerShell, with typed filters, streaming pages and a local emulator for offline tests.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('module/LookoutTools.Format.ps1xml')
    CmdletsToExport      = @('Get-LEModelVersion')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'LookoutEquipment', 'Lookout', 'MachineLearning', 'Linux', 'Windows')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
        }
    }
}

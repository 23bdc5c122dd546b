@{
    # The build puts the compiled module under module/bin; this manifest loads it from there,
    # so Import-Module ./LookoutTools.psd1 works straight after a build. LookoutTools.Startup
    # comes first: on PowerShell 7 on Linux x64 it loads the ReadyToRun build of the module
    # from module/bin/linux-x64, which PowerShell then uses for bin/LookoutTools.dll.
    # ModuleVersion is the one place the version is written: the assemblies and the package
    # take it from here.
    RootModule           = 'module/LookoutTools.psm1'
    NestedModules        = @('module/bin/LookoutTools.Startup.dll', 'module/bin/LookoutTools.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1d7c5e-2b8a-4c1e-9a53-0d4e8b7f3a21'
    Author               = 'LookoutTools contributors'
    CompanyName          = 'LookoutTools'
    Copyright            = '(c) LookoutTools contributors. Apache License 2.0.'
    Description          = @'
Lists Amazon Lookout for Equipment models and model versions from PowerShell: typed filters,
tab completion of model names, pages streamed to the pipeline, help in the shell, and a local
emulator for offline tests.
'@
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('module/LookoutTools.Format.ps1xml')
    CmdletsToExport      = @('Get-LEModel', 'Get-LEModelVersion')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        # build.ps1 Package adds ReleaseNotes, the newest entry of CHANGELOG.md. ProjectUri is a
        # placeholder (.invalid never resolves) until the project has a public home.
        PSData = @{
            Tags       = @('AWS', 'LookoutEquipment', 'LookoutForEquipment', 'Lookout',
                'MachineLearning', 'PredictiveMaintenance', 'Emulator', 'Linux', 'Windows')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri = 'https://lookouttools.invalid/'
        }
    }
}

# What build.ps1 Package makes: a versioned module folder and a .nupkg that PSResourceGet can
# publish to a local file repository and install from, with versions that agree everywhere.
# Everything PSResourceGet writes (its repository list, the installed module) goes under
# $TestDrive: the child processes get a home of their own there.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')
    Set-IsolatedAwsEnvironment

    $manifestData = Import-PowerShellDataFile (Join-Path $RepositoryRoot 'LookoutTools.psd1')
    $Version = $manifestData.ModuleVersion
    $PackageFolder = Join-Path $RepositoryRoot "artifacts/LookoutTools/$Version"
    $Nupkg = Join-Path $RepositoryRoot "artifacts/LookoutTools.$Version.nupkg"
    if (-not (Test-Path $Nupkg)) {
        throw "$Nupkg is missing: run 'dotnet pwsh ./build.ps1 Package' (Test does) first."
    }

    Add-Type -AssemblyName System.IO.Compression.FileSystem

    $changelog = Get-Content -Raw (Join-Path $RepositoryRoot 'CHANGELOG.md')
    $NewestEntry = [regex]::Match($changelog, '(?ms)^## (\S+)[^\n]*\n(.*?)(?=^## |\z)')

    $isolatedHomeFolder = Join-Path $TestDrive 'home'
    $IsolatedHome = @{
        HOME            = $isolatedHomeFolder
        XDG_DATA_HOME   = Join-Path $isolatedHomeFolder '.local/share'
        XDG_CONFIG_HOME = Join-Path $isolatedHomeFolder '.config'
        XDG_CACHE_HOME  = Join-Path $isolatedHomeFolder '.cache'
        PSModulePath    = $null
    }
    foreach ($folder in $IsolatedHome.Values) {
        if ($folder) { $null = New-Item -ItemType Directory -Force -Path $folder }
    }
}

AfterAll {
    Restore-AwsEnvironment
}

Describe 'build.ps1 Package' {
    It 'lays out a versioned module folder with the module, help, views and emulator' {
        foreach ($file in 'LookoutTools.psd1', 'LICENSE', 'module/bin/LookoutTools.dll',
            'module/bin/LookoutTools.Startup.dll', 'module/bin/AWSSDK.Core.dll',
            'module/LookoutTools.Format.ps1xml',
            'en-US/LookoutTools.dll-Help.xml', 'en-US/about_LookoutTools.help.txt',
            'module/emulator/LookoutTools.Emulator.dll') {
            Join-Path $PackageFolder $file | Should -Exist
        }
        Get-ChildItem -Recurse -Path $PackageFolder -Filter '*.pdb' | Should -BeNullOrEmpty
    }

    It 'carries the ReadyToRun build for Linux x64 when this build made one' {
        $builtHere = Join-Path $RepositoryRoot 'module/bin/linux-x64'
        if (-not (Test-Path $builtHere)) {
            Set-ItResult -Skipped -Because 'this build made no ReadyToRun folder'
            return
        }

        foreach ($file in 'LookoutTools.dll', 'AWSSDK.Core.dll', 'AWSSDK.SecurityToken.dll') {
            Join-Path $PackageFolder "module/bin/linux-x64/$file" | Should -Exist
        }
        $archive = [System.IO.Compression.ZipFile]::OpenRead($Nupkg)
        try {
            $entries = @($archive.Entries.FullName)
        }
        finally {
            $archive.Dispose()
        }
        $entries | Should -Contain 'module/bin/linux-x64/LookoutTools.dll'
        $entries | Should -Contain 'module/bin/linux-x64/AWSSDK.Core.dll'
    }

    It ('writes a manifest that passes Test-ModuleManifest, ' +
        'with its release notes from CHANGELOG.md') {
        $manifestPath = Join-Path $PackageFolder 'LookoutTools.psd1'
        $manifest = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop

        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.Tags | Should -Contain 'LookoutEquipment'
        $manifest.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.ReleaseNotes.Trim() |
            Should -BeExactly $NewestEntry.Groups[2].Value.Trim().Replace("`r`n", "`n")
        $manifest.ExportedCmdlets.Keys | Sort-Object |
            Should -Be 'Get-LEModel', 'Get-LEModelVersion'
    }

    It 'gives the manifest, the assemblies, CHANGELOG.md and the package one version' {
        $packagedManifest = Import-PowerShellDataFile (Join-Path $PackageFolder 'LookoutTools.psd1')
        $assembly = [System.Reflection.AssemblyName]::GetAssemblyName(
            (Join-Path $PackageFolder 'module/bin/LookoutTools.dll'))
        $startup = [System.Reflection.AssemblyName]::GetAssemblyName(
            (Join-Path $PackageFolder 'module/bin/LookoutTools.Startup.dll'))
        $emulator = [System.Reflection.AssemblyName]::GetAssemblyName(
            (Join-Path $PackageFolder 'module/emulator/LookoutTools.Emulator.dll'))
        $archive = [System.IO.Compression.ZipFile]::OpenRead($Nupkg)
        try {
            $entry = $archive.GetEntry('LookoutTools.nuspec')
            $reader = [System.IO.StreamReader]::new($entry.Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally {
            $archive.Dispose()
        }

        $packagedManifest.ModuleVersion | Should -BeExactly $Version
        $assembly.Version.ToString(3) | Should -BeExactly $Version
        $startup.Version.ToString(3) | Should -BeExactly $Version
        $emulator.Version.ToString(3) | Should -BeExactly $Version
        $NewestEntry.Groups[1].Value | Should -BeExactly $Version
        $nuspec.package.metadata.version | Should -BeExactly $Version
        $nuspec.package.metadata.id | Should -BeExactly 'LookoutTools'
    }
}

Describe 'The .nupkg, through PSResourceGet' {
    BeforeAll {
        $repository = Join-Path $TestDrive 'repository'
        $null = New-Item -ItemType Directory -Force -Path $repository
        $installScript = Join-Path $TestDrive 'publish-and-install.ps1'
        Set-Content -Path $installScript -Value @'
param($Nupkg, $Repository)
$ErrorActionPreference = 'Stop'
$name = 'LookoutToolsTest' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name $name -Uri $Repository -Trusted
try {
    Publish-PSResource -NupkgPath $Nupkg -Repository $name
    $install = @{ Name = 'LookoutTools'; Repository = $name; Scope = 'CurrentUser' }
    Install-PSResource @install -TrustRepository -Quiet
    $installed = Get-InstalledPSResource -Name LookoutTools -Scope CurrentUser
    $published = @(Get-ChildItem $Repository -Filter *.nupkg).Name
    $store = Get-ChildItem -Recurse -Force -Path $env:HOME -Filter 'PSResourceRepository.xml'
    [pscustomobject]@{
        Published         = $published
        InstalledLocation = $installed.InstalledLocation
        Version           = $installed.Version.ToString()
        RepositoryStore   = $store.FullName
    } | ConvertTo-Json
}
finally {
    Unregister-PSResourceRepository -Name $name
    Write-Output "Left registered: $(@(Get-PSResourceRepository).Name -join ', ')"
}
'@
        $printed = Invoke-ChildPwsh -File $installScript -ArgumentList $Nupkg, $repository `
            -Environment $IsolatedHome
        $LeftRegistered = [regex]::Match($printed, 'Left registered: (.*)').Groups[1].Value
        $Installed = ($printed -replace 'Left registered: .*', '') | ConvertFrom-Json

        $Emulator = Start-EmulatorProcess -ArgumentList @(
            '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
        $runScript = Join-Path $TestDrive 'run-installed.ps1'
        Set-Content -Path $runScript -Value @'
param($Url, $AccessKey, $SecretKey)
$ErrorActionPreference = 'Stop'
Import-Module LookoutTools
$module = Get-Module LookoutTools
$connection = @{ EndpointUrl = $Url; AccessKey = $AccessKey; SecretKey = $SecretKey }
[pscustomobject]@{
    ModuleBase = $module.ModuleBase
    Assembly   = [LookoutTools.Models.ModelVersionSummary].Assembly.Location
    Version    = $module.Version.ToString()
    Versions   = @(Get-LEModelVersion pump-7 -All @connection).Count
    Synopsis   = (Get-Help Get-LEModelVersion).Synopsis
    About      = [bool](Get-Help about_LookoutTools | Out-String |
        Select-String 'TESTING YOUR SCRIPTS')
    Emulator   = Test-Path (Join-Path $module.ModuleBase (
        'module/emulator/LookoutTools.Emulator.dll'))
} | ConvertTo-Json
'@
        $Ran = Invoke-ChildPwsh -File $runScript -Environment $IsolatedHome -ArgumentList @(
            $Emulator.Url, $TestAccessKey, $TestSecretKey) | ConvertFrom-Json
    }

    AfterAll {
        if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    }

    It 'publishes to a local file repository' {
        $Installed.Published | Should -Be "LookoutTools.$Version.nupkg"
    }

    It 'installs for the current user, which here is a home in $TestDrive' {
        $Installed.Version | Should -BeExactly $Version
        $Installed.InstalledLocation | Should -BeLike "$TestDrive*"
        $Installed.RepositoryStore | Should -BeLike "$TestDrive*"
    }

    It 'unregisters the repository it registered' {
        $LeftRegistered | Should -Not -BeLike '*LookoutToolsTest*'
    }

    It 'imports by name from the installed copy and lists versions from the emulator' {
        $Ran.ModuleBase | Should -BeLike "$TestDrive*"
        $Ran.Version | Should -BeExactly $Version
        $Ran.Versions | Should -Be 240
    }

    It 'loads the build that suits this PowerShell from the installed copy' {
        $isLinuxX64 = $IsLinux -and
            [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'X64'
        $readyToRun = Test-Path (Join-Path $PackageFolder 'module/bin/linux-x64')
        $folder = if ($isLinuxX64 -and $readyToRun) { 'module/bin/linux-x64' } else { 'module/bin' }

        $Ran.Assembly | Should -Be (Join-Path $Ran.ModuleBase "$folder/LookoutTools.dll")
    }

    It 'brings its help, about topic and emulator along' {
        $Ran.Synopsis | Should -BeLike 'Lists the versions of Amazon Lookout for Equipment models*'
        $Ran.About | Should -BeTrue
        $Ran.Emulator | Should -BeTrue
    }
}

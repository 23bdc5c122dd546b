# Which build of the cmdlets PowerShell loads. On PowerShell 7 on Linux x64, LookoutTools.Startup
# loads the ReadyToRun images in module/bin/linux-x64; every other PowerShell, and any
# PowerShell when that folder is missing or its image cannot be loaded, loads the portable build
# in module/bin, which must work on its own. Each case runs in a new pwsh, since an assembly
# cannot be unloaded from this one.

BeforeDiscovery {
    # Decided at discovery, where -Skip is read.
    $IsLinuxX64 = $IsLinux -and
        [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'X64'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')
    Set-IsolatedAwsEnvironment

    $PortableFolder = Join-Path $RepositoryRoot 'module/bin'
    $ReadyToRunFolder = Join-Path $PortableFolder 'linux-x64'
    $PrecompiledAssemblies = 'LookoutTools.dll', 'AWSSDK.Core.dll'

    function Get-ImageKind([string] $Path) {
        # What the PE headers say: ReadyToRun images carry a native code header and are marked
        # for one platform; portable ones are IL only, which .NET Framework loads too.
        $stream = [System.IO.File]::OpenRead($Path)
        $reader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        try {
            $headers = $reader.PEHeaders
            [pscustomobject]@{
                ReadyToRun = $headers.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0
                ILOnly     = $headers.CorHeader.Flags.HasFlag(
                    [System.Reflection.PortableExecutable.CorFlags]::ILOnly)
                # A ReadyToRun image for Linux x64 has the x64 machine (0x8664) XOR 0x7B79.
                Machine    = '0x{0:X4}' -f [int]$headers.CoffHeader.Machine
            }
        }
        finally {
            $reader.Dispose()
            $stream.Dispose()
        }
    }

    $Emulator = Start-EmulatorProcess -ArgumentList @(
        '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)

    # Imports a manifest, uses what the module offers, removes it, and says which files the
    # module's assemblies were loaded from.
    $UseModuleScript = Join-Path $TestDrive 'use-module.ps1'
    Set-Content -Path $UseModuleScript -Value @'
param($Manifest, $Url, $AccessKey, $SecretKey)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$connection = @{ EndpointUrl = $Url; AccessKey = $AccessKey; SecretKey = $SecretKey }
$line = "Get-LEModelVersion -ModelName pump-7 -SourceType "
$firstPage = @(Get-LEModelVersion pump-7 @connection -WarningAction SilentlyContinue)
$result = [ordered]@{
    Loaded      = @([AppDomain]::CurrentDomain.GetAssemblies() |
        Where-Object { $_.GetName().Name -in 'LookoutTools', 'AWSSDK.Core' } |
        ForEach-Object Location | Sort-Object)
    Exported    = @((Get-Module LookoutTools).ExportedCmdlets.Keys | Sort-Object)
    Versions    = @(Get-LEModelVersion pump-7 -All @connection).Count
    Models      = @(Get-LEModel -All @connection).Count
    Table       = ($firstPage | Format-Table | Out-String -Width 200) -match 'CreatedAt \(UTC\)'
    Synopsis    = (Get-Help Get-LEModelVersion).Synopsis
    Completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).
        CompletionMatches.CompletionText)
    KeptBefore  = [LookoutTools.Connection.ConnectionResolver]::KeptClientCount
}
Remove-Module LookoutTools
$result.KeptAfter = [LookoutTools.Connection.ConnectionResolver]::KeptClientCount
[pscustomobject]$result | ConvertTo-Json
'@

    function Invoke-ModuleUse([string] $Manifest) {
        Invoke-ChildPwsh -File $UseModuleScript -ArgumentList @(
            $Manifest, $Emulator.Url, $TestAccessKey, $TestSecretKey) | ConvertFrom-Json
    }

    function Assert-ModuleWorked($Result) {
        $Result.Exported | Should -Be 'Get-LEModel', 'Get-LEModelVersion'
        $Result.Versions | Should -Be 240
        $Result.Models | Should -Be 7
        $Result.Table | Should -BeTrue
        $Result.Synopsis | Should -BeLike 'Lists the versions of Amazon Lookout for Equipment*'
        $Result.Completions | Should -Be 'IMPORT', 'RETRAINING', 'TRAINING'
        $Result.KeptBefore | Should -BeGreaterThan 0
        $Result.KeptAfter | Should -Be 0
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'The builds in module/bin' {
    It 'has a portable build of IL only, which Windows PowerShell can load too' {
        foreach ($name in $PrecompiledAssemblies) {
            $kind = Get-ImageKind (Join-Path $PortableFolder $name)

            $kind.ReadyToRun | Should -BeFalse
            $kind.ILOnly | Should -BeTrue
            $kind.Machine | Should -Be '0x014C'
        }
    }

    It 'has ReadyToRun images for Linux x64 in bin/linux-x64, beside every dependency' -Skip:(
        -not $IsLinuxX64) {
        $ReadyToRunFolder | Should -Exist -Because (
            'the build makes it on Linux x64 unless crossgen2 could not be restored')
        foreach ($name in $PrecompiledAssemblies) {
            $kind = Get-ImageKind (Join-Path $ReadyToRunFolder $name)

            $kind.ReadyToRun | Should -BeTrue
            $kind.Machine | Should -Be '0xFD1D'
        }
        # AWSSDK.Core loads the credential packages by name from its own folder; the assembly
        # that picks the build stays behind.
        $portable = @(Get-ChildItem -Path $PortableFolder -Filter '*.dll').Name |
            Where-Object { $_ -ne 'LookoutTools.Startup.dll' } | Sort-Object
        @(Get-ChildItem -Path $ReadyToRunFolder -Filter '*.dll').Name | Sort-Object |
            Should -Be $portable
    }

    It 'keeps the assembly that picks the build portable' {
        $kind = Get-ImageKind (Join-Path $PortableFolder 'LookoutTools.Startup.dll')

        $kind.ReadyToRun | Should -BeFalse
        $kind.ILOnly | Should -BeTrue
    }
}

Describe 'Import-Module LookoutTools on PowerShell 7 on Linux x64' -Skip:(-not $IsLinuxX64) {
    BeforeAll {
        $Result = Invoke-ModuleUse (Join-Path $RepositoryRoot 'LookoutTools.psd1')
    }

    It 'loads LookoutTools and AWSSDK.Core from bin/linux-x64' {
        $Result.Loaded | Should -Be @(
            (Join-Path $ReadyToRunFolder 'AWSSDK.Core.dll'),
            (Join-Path $ReadyToRunFolder 'LookoutTools.dll'))
    }

    It 'lists, formats, completes, shows help and disposes its clients on removal' {
        Assert-ModuleWorked $Result
    }
}

Describe 'Import-Module LookoutTools with <Case>' -ForEach @(
    @{ Case = 'no bin/linux-x64, as without crossgen2 or on another platform'; Kind = 'none' }
    @{ Case = 'an image in bin/linux-x64 that cannot be loaded'; Kind = 'damaged' }
    # A newer module copied over a folder that kept an older build's images, say.
    @{ Case = 'images in bin/linux-x64 from another build'; Kind = 'foreign' }
) {
    BeforeAll {
        # A copy of the built module without the emulator, and without a usable ReadyToRun image.
        $copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $copy
        foreach ($item in 'LookoutTools.psd1', 'module', 'en-US') {
            Copy-Item -Recurse -Path (Join-Path $RepositoryRoot $item) -Destination $copy
        }
        Remove-Item -Recurse -Force -Path (Join-Path $copy 'module/emulator')
        $copiedImages = Join-Path $copy 'module/bin/linux-x64'
        $CopiedBin = Join-Path $copy 'module/bin'
        if ($Kind -eq 'foreign') {
            # The Debug build has other IL, so another module version id than the images.
            $debugBuild = Join-Path $TestDrive 'debug-build'
            & dotnet build (Join-Path $RepositoryRoot 'src/LookoutTools/LookoutTools.csproj') `
                -c Debug --nologo -v q -o $debugBuild | Out-Null
            $LASTEXITCODE | Should -Be 0
            Copy-Item -Path (Join-Path $debugBuild 'LookoutTools.dll') -Destination $CopiedBin
        }
        else {
            Remove-Item -Recurse -Force -Path $copiedImages -ErrorAction SilentlyContinue
        }
        if ($Kind -eq 'damaged') {
            # Named by the fingerprint as this build's, so that loading it is attempted.
            $null = New-Item -ItemType Directory -Path $copiedImages
            Set-Content -Path (Join-Path $copiedImages 'LookoutTools.dll') -Value 'not an image'
            Copy-Item -Path (Join-Path $ReadyToRunFolder 'compiled-from.txt') `
                -Destination $copiedImages -ErrorAction SilentlyContinue
        }

        $Result = Invoke-ModuleUse (Join-Path $copy 'LookoutTools.psd1')
    }

    It 'loads the portable LookoutTools and AWSSDK.Core from bin' {
        $Result.Loaded | Should -Be @(
            (Join-Path $CopiedBin 'AWSSDK.Core.dll'), (Join-Path $CopiedBin 'LookoutTools.dll'))
    }

    It 'lists, formats, completes, shows help and disposes its clients on removal' {
        Assert-ModuleWorked $Result
    }
}

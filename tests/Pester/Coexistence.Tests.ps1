# The module when another AWSSDK.Core 4.x was loaded into the session first, as happens when an
# AWS Tools for PowerShell module is imported before it. All 4.x builds share the assembly
# version 4.0.0.0, so .NET binds the module to whichever was loaded first.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')
    Set-IsolatedAwsEnvironment

    # The oldest 4.x build: the one most likely to lack what the module (built on 4.1.1) uses.
    $OtherVersion = '4.0.3.3'
    $restoreProject = Join-Path $TestDrive 'restore/restore.csproj'
    $null = New-Item -ItemType Directory -Force -Path (Split-Path $restoreProject)
    Set-Content -Path $restoreProject -Value @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="AWSSDK.Core" Version="[$OtherVersion]" /></ItemGroup>
</Project>
"@
    $packages = Join-Path $TestDrive 'packages'
    $restoreOutput = & dotnet restore $restoreProject --packages $packages --nologo 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Restoring AWSSDK.Core $OtherVersion failed: $restoreOutput" }
    $OtherCore = Join-Path $packages "awssdk.core/$OtherVersion/lib/net8.0/AWSSDK.Core.dll"

    $Emulator = Start-EmulatorProcess -ArgumentList @(
        '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
    $credentials = Join-Path $TestDrive 'credentials'
    Set-Content -Path $credentials -Value @(
        '[emulator]',
        "aws_access_key_id = $TestAccessKey",
        "aws_secret_access_key = $TestSecretKey")

    $script = Join-Path $TestDrive 'other-core-first.ps1'
    Set-Content -Path $script -Value @'
param($OtherCore, $Manifest, $Url, $AccessKey, $SecretKey, $CredentialsFile)
$ErrorActionPreference = 'Stop'
Add-Type -Path $OtherCore
Import-Module $Manifest
$connection = @{ EndpointUrl = $Url; AccessKey = $AccessKey; SecretKey = $SecretKey }
$line = "Get-LEModelVersion -EndpointUrl $Url -AccessKey $AccessKey " +
    "-SecretKey $SecretKey -ModelName pu"
[pscustomobject]@{
    Cores       = @([AppDomain]::CurrentDomain.GetAssemblies() |
        Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } |
        ForEach-Object {
            [System.Diagnostics.FileVersionInfo]::GetVersionInfo($_.Location).FileVersion
        })
    Versions    = @(Get-LEModelVersion pump-7 -All @connection).Count
    Models      = @(Get-LEModel -All @connection).Count
    FromProfile = @(Get-LEModelVersion fan-x1 -All -EndpointUrl $Url -ProfileName emulator `
            -ProfileLocation $CredentialsFile).Count
    Completions = @(
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches |
            ForEach-Object CompletionText)
} | ConvertTo-Json
'@
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'With AWSSDK.Core 4.0.3.3 loaded before the module' {
    BeforeAll {
        $Result = Invoke-ChildPwsh -File $script -ArgumentList @($OtherCore,
            (Join-Path $RepositoryRoot 'LookoutTools.psd1'), $Emulator.Url, $TestAccessKey,
            $TestSecretKey, $credentials) | ConvertFrom-Json
    }

    It 'runs on the AWSSDK.Core that was loaded first, the only one in the session' {
        $Result.Cores | Should -Be $OtherVersion
    }

    It 'lists model versions and models, signed with keys or a profile' {
        $Result.Versions | Should -Be 240
        $Result.Models | Should -Be 7
        $Result.FromProfile | Should -BeGreaterThan 0
    }

    It 'completes model names' {
        $Result.Completions | Should -Be 'pump-7'
    }
}

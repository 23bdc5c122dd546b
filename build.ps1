<#
.SYNOPSIS
Builds, tests, demonstrates and packages LookoutTools.

.DESCRIPTION
Tasks:
  Build    compile the module into module/bin and the emulator into module/emulator
  Test     Build, then run the xunit and Pester suites; ends with "N passed, N failed"
  Demo     Build, start the emulator with the sample data, list model versions against it
  Package  Build, then lay out a versioned module folder and a .nupkg under artifacts/
  Clean    remove everything the other tasks produce

Run it with the pinned PowerShell: dotnet tool restore; dotnet pwsh ./build.ps1 <Task>

.EXAMPLE
dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepositoryRoot = $PSScriptRoot
$ModuleFolder = Join-Path $RepositoryRoot 'module'
$ArtifactsFolder = Join-Path $RepositoryRoot 'artifacts'
$PesterVersion = '5.7.1'

function Invoke-Native {
    # Runs a program and stops the build when it fails, as native commands do not throw.
    param([Parameter(Mandatory)] [string] $Command, [string[]] $Arguments = @())

    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-PwshCommand {
    # The program and leading arguments that start another PowerShell like this one. Under
    # `dotnet pwsh` (the pinned local tool) this process is dotnet itself, which needs the
    # path of pwsh.dll to start PowerShell rather than the .NET CLI.
    $process = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($process)
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $RepositoryRoot 'LookoutTools.psd1')).ModuleVersion
}

function Invoke-Build {
    Write-Host "Building LookoutTools $(Get-ModuleVersion) ($Configuration)" -ForegroundColor Cyan
    $moduleProject = Join-Path $RepositoryRoot 'src/LookoutTools/LookoutTools.csproj'
    $emulatorProject = Join-Path $RepositoryRoot 'src/LookoutTools.Emulator/LookoutTools.Emulator.csproj'

    Invoke-Native dotnet @('build', $moduleProject, '-c', $Configuration, '--nologo', '-v', 'q',
        '-o', (Join-Path $ModuleFolder 'bin'))
    Invoke-Native dotnet @('build', $emulatorProject, '-c', $Configuration, '--nologo', '-v', 'q',
        '-o', (Join-Path $ModuleFolder 'emulator'))
}

function Set-TestEnvironment {
    # Nothing a test or the demo runs may read the machine's real AWS settings or reach the
    # instance metadata address: point the SDK at files that do not exist and switch IMDS off.
    $isolated = Join-Path ([System.IO.Path]::GetTempPath()) "lookouttools-$PID"
    $null = New-Item -ItemType Directory -Force -Path $isolated
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_CONFIG_FILE = Join-Path $isolated 'config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $isolated 'credentials'
    foreach ($name in 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
        'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL',
        'AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT') {
        Remove-Item "env:$name" -ErrorAction SilentlyContinue
    }
    $isolated
}

function Get-PesterModulePath {
    $toolsProject = Join-Path $RepositoryRoot 'tests/Tools/TestTools.csproj'
    Invoke-Native dotnet @('restore', $toolsProject, '--nologo', '-v', 'q')

    $packagesRoot = $env:NUGET_PACKAGES
    if (-not $packagesRoot) {
        $listing = & dotnet nuget locals global-packages --list
        $packagesRoot = ($listing -replace '^global-packages:\s*', '').Trim()
    }
    $pester = Join-Path $packagesRoot "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $pester)) { throw "Pester $PesterVersion was not restored to $pester." }
    $pester
}

function Invoke-DotnetTest {
    param([Parameter(Mandatory)] [string] $Project)

    $output = & dotnet test $Project -c $Configuration --nologo 2>&1 | ForEach-Object {
        $line = "$_"
        Write-Host $line
        $line
    }
    $summary = $output | Select-String -Pattern 'Failed:\s*(\d+),\s*Passed:\s*(\d+)' |
        Select-Object -Last 1
    if ($null -eq $summary) {
        throw "dotnet test $Project printed no result summary (exit code $LASTEXITCODE)."
    }
    [pscustomobject]@{
        Suite  = Split-Path -Leaf (Split-Path -Parent $Project)
        Passed = [int]$summary.Matches[0].Groups[2].Value
        Failed = [int]$summary.Matches[0].Groups[1].Value
    }
}

function Invoke-PesterSuite {
    $pester = Get-PesterModulePath
    $resultFile = Join-Path ([System.IO.Path]::GetTempPath()) "lookouttools-pester-$PID.json"
    $testsFolder = Join-Path $RepositoryRoot 'tests/Pester'

    # A child process, so the module under test is imported fresh and never into this one.
    $script = @"
Import-Module '$pester' -Force
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = '$testsFolder'
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Detailed'
`$result = Invoke-Pester -Configuration `$configuration
@{ Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount } |
    ConvertTo-Json | Set-Content -Path '$resultFile'
"@
    $pwsh = @(Get-PwshCommand)
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script
    if (-not (Test-Path $resultFile)) { throw 'Pester did not report a result.' }
    $counts = Get-Content $resultFile -Raw | ConvertFrom-Json
    Remove-Item $resultFile
    [pscustomobject]@{ Suite = 'Pester'; Passed = [int]$counts.Passed; Failed = [int]$counts.Failed }
}

function Invoke-Test {
    Invoke-Build
    $isolated = Set-TestEnvironment
    try {
        $results = @(
            Invoke-DotnetTest (Join-Path $RepositoryRoot 'tests/LookoutTools.Tests/LookoutTools.Tests.csproj')
            Invoke-DotnetTest (Join-Path $RepositoryRoot 'tests/LookoutTools.Emulator.Tests/LookoutTools.Emulator.Tests.csproj')
            Invoke-PesterSuite
        )
    }
    finally {
        Remove-Item -Recurse -Force $isolated -ErrorAction SilentlyContinue
    }

    Write-Host ''
    $results | Format-Table -AutoSize | Out-String | Write-Host
    $passed = ($results | Measure-Object -Property Passed -Sum).Sum
    $failed = ($results | Measure-Object -Property Failed -Sum).Sum
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $isolated = Set-TestEnvironment
    Import-Module (Join-Path $RepositoryRoot 'tests/Support/EmulatorProcess.psm1') -Force

    # The emulator checks SigV4 signatures made with these made-up demo keys.
    $accessKey = 'AKIAEMULATORDEMO0001'
    $emulator = Start-EmulatorProcess -ArgumentList @(
        '--access-key', $accessKey, '--secret-key', 'demo-secret-not-a-real-key')
    try {
        $env:AWS_ACCESS_KEY_ID = $accessKey
        $env:AWS_SECRET_ACCESS_KEY = 'demo-secret-not-a-real-key'
        $env:AWS_REGION = 'us-east-1'
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $emulator.Url
        Import-Module (Join-Path $RepositoryRoot 'LookoutTools.psd1') -Force

        Write-Host "Emulator with the sample data: $($emulator.Url)" -ForegroundColor Cyan
        Write-Host "`nPS> Get-LEModelVersion -ModelName pump-7 -PageSize 10" -ForegroundColor Cyan
        Get-LEModelVersion -ModelName pump-7 -PageSize 10 -WarningAction SilentlyContinue |
            Format-Table | Out-String -Width 120 | Write-Host

        $command = 'Get-LEModelVersion -ModelName pump-7 -All | ' +
            'Where ModelQuality -eq POOR_QUALITY_DETECTED'
        Write-Host "PS> $command" -ForegroundColor Cyan
        $poor = Get-LEModelVersion -ModelName pump-7 -All |
            Where-Object ModelQuality -eq POOR_QUALITY_DETECTED
        $poor | Format-Table | Out-String -Width 120 | Write-Host
        Write-Host "$(@($poor).Count) poor-quality versions of pump-7."
    }
    finally {
        Stop-EmulatorProcess -Emulator $emulator
        Remove-Item -Recurse -Force $isolated -ErrorAction SilentlyContinue
    }
}

function Invoke-Package {
    Invoke-Build
    $version = Get-ModuleVersion
    $target = Join-Path $ArtifactsFolder "LookoutTools/$version"
    Remove-Item -Recurse -Force $target -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force -Path $target
    Copy-Item (Join-Path $RepositoryRoot 'LookoutTools.psd1') $target
    Copy-Item -Recurse $ModuleFolder (Join-Path $target 'module')
    Get-ChildItem -Recurse -Path $target -Include '*.pdb' | Remove-Item
    Write-Host "Module folder: $target"
}

function Invoke-Clean {
    foreach ($path in @(
            (Join-Path $ModuleFolder 'bin'), (Join-Path $ModuleFolder 'emulator'), $ArtifactsFolder)) {
        Remove-Item -Recurse -Force $path -ErrorAction SilentlyContinue
    }
    Get-ChildItem -Path (Join-Path $RepositoryRoot 'src'), (Join-Path $RepositoryRoot 'tests') `
        -Directory -Recurse -Include 'bin', 'obj' | Remove-Item -Recurse -Force
}

foreach ($name in $Task) {
    & "Invoke-$name"
}

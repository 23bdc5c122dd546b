# Importing the module: well under a second in a new PowerShell, loading only what it needs.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')

    $script = Join-Path $TestDrive 'measure-import.ps1'
    Set-Content -Path $script -Value @'
param($Manifest)
$before = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name })
$clock = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$clock.Stop()
[pscustomobject]@{
    Milliseconds = $clock.Elapsed.TotalMilliseconds
    # Only what comes from the module's folder counts: PowerShell's start-up JIT profile may
    # load its own and the runtime's assemblies (Roslyn, say) on a background thread any time.
    Loaded       = @([AppDomain]::CurrentDomain.GetAssemblies() |
        Where-Object { -not $_.IsDynamic -and $_.GetName().Name -notin $before } |
        Where-Object { $_.Location.StartsWith((Split-Path -Parent $Manifest)) } |
        ForEach-Object { $_.GetName().Name } | Sort-Object)
} | ConvertTo-Json
'@
    $manifest = Join-Path $RepositoryRoot 'LookoutTools.psd1'
    $Runs = @(foreach ($run in 1..5) {
            Invoke-ChildPwsh -File $script -ArgumentList $manifest |
                ConvertFrom-Json
        })
    $Median = ($Runs.Milliseconds | Sort-Object)[2]
    Write-Host ("Import-Module in a new pwsh: median {0:0} ms of {1}" -f $Median,
        (($Runs.Milliseconds | ForEach-Object { '{0:0}' -f $_ }) -join ', '))
}

Describe 'Import-Module LookoutTools' {
    It 'takes well under a second (median of five new processes)' {
        $Median | Should -BeLessThan 700
    }

    It 'loads LookoutTools.Startup.dll, LookoutTools.dll and AWSSDK.Core.dll of its own files' {
        # AWSSDK.Core comes with the import because PowerShell reads every public type of the
        # module to find its cmdlets, and the client types derive from AWSSDK.Core's.
        # LookoutTools.Startup picks the build of LookoutTools.dll before it is loaded.
        foreach ($run in $Runs) {
            $run.Loaded | Should -Be 'AWSSDK.Core', 'LookoutTools', 'LookoutTools.Startup'
        }
    }
}

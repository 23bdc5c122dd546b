# Dot-sourced by the Pester files that need a fresh PowerShell: import time, loading order of
# assemblies, installed packages and the documented recipes each need a process of their own.

function Get-PwshCommand {
    # The program and first arguments that start a PowerShell like this one. Under the pinned
    # `dotnet pwsh` tool this process is dotnet itself, which needs the path of pwsh.dll.
    $process = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($process)
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
    Runs a script file in a new pwsh -NoProfile and returns what it printed; throws when it fails
    or outlives its time limit, which ends it.
    #>
    param(
        [Parameter(Mandatory)] [string] $File,
        [string[]] $ArgumentList = @(),
        # Variables to set (a value) or remove ($null) in the child's environment only.
        [hashtable] $Environment = @{},
        [int] $TimeoutSeconds = 180
    )

    $command = @(Get-PwshCommand)
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($command[0])
    foreach ($argument in @($command | Select-Object -Skip 1) +
        @('-NoProfile', '-NonInteractive', '-File', $File) + $ArgumentList) {
        $startInfo.ArgumentList.Add([string]$argument)
    }
    # PowerShell would otherwise send its start-up telemetry from every child.
    $startInfo.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $null = $startInfo.Environment.Remove($name) }
        else { $startInfo.Environment[$name] = [string]$Environment[$name] }
    }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false

    $process = [System.Diagnostics.Process]::Start($startInfo)
    $output = $process.StandardOutput.ReadToEndAsync()
    $errors = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "pwsh -File $File did not finish within $TimeoutSeconds s."
    }
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) {
        throw ("pwsh -File $File exited with $($process.ExitCode): " +
            "$($errors.Result)$($output.Result)")
    }
    $output.Result
}

# Starts and stops the Lookout for Equipment emulator as a child process, bound to 127.0.0.1,
# and reads its request log and fault rules. Used by the Pester tests and by build.ps1 Demo.

Set-StrictMode -Version Latest

$script:RepositoryRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
$script:ReadyPrefix = 'Lookout for Equipment emulator listening on '

function Start-EmulatorProcess {
    <#
    .SYNOPSIS
    Starts the built emulator on an ephemeral port and waits until it prints its URL.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 30
    )

    $emulatorDll = Join-Path $script:RepositoryRoot 'module/emulator/LookoutTools.Emulator.dll'
    if (-not (Test-Path $emulatorDll)) {
        throw "The emulator is not built ($emulatorDll). Run: dotnet pwsh ./build.ps1 Build"
    }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($emulatorDll, '--port', '0', '--parent-pid', $PID) + $ArgumentList) {
        $startInfo.ArgumentList.Add([string]$argument)
    }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($startInfo)

    # Read lines until the ready line, with one deadline for all of them.
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $url = $null
    while ($null -eq $url) {
        $remaining = $deadline - [DateTime]::UtcNow
        $lineTask = $process.StandardOutput.ReadLineAsync()
        if ($remaining -le [TimeSpan]::Zero -or -not $lineTask.Wait($remaining)) {
            Stop-EmulatorProcess -Emulator ([pscustomobject]@{ Process = $process })
            throw "The emulator did not report ready within $TimeoutSeconds s."
        }
        $line = $lineTask.Result
        if ($null -eq $line) {
            $errorText = $process.StandardError.ReadToEnd()
            throw ("The emulator exited before it was ready " +
                "(exit code $($process.ExitCode)): $errorText")
        }
        if ($line.StartsWith($script:ReadyPrefix)) {
            $url = $line.Substring($script:ReadyPrefix.Length).Trim()
        }
    }

    # Keep draining its output so that a full pipe can never block the server.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()

    [pscustomobject]@{
        PSTypeName = 'LookoutTools.Test.Emulator'
        Url        = $url
        Process    = $process
    }
}

function Stop-EmulatorProcess {
    <#
    .SYNOPSIS
    Stops an emulator this session started, by its process object.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)

    $process = $Emulator.Process
    if ($null -eq $process -or $process.HasExited) { return }
    try { $process.StandardInput.Close() } catch { }
    if (-not $process.WaitForExit(5000)) {
        $process.Kill()
        $null = $process.WaitForExit(5000)
    }
}

function Invoke-EmulatorControl {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )

    $parameters = @{
        Uri        = ($Emulator.Url.TrimEnd('/') + '/_emulator/' + $Path)
        Method     = $Method
        TimeoutSec = 10
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $parameters.Body = ConvertTo-Json -InputObject $Body -Depth 10
        $parameters.ContentType = 'application/json'
    }
    Invoke-RestMethod @parameters
}

function Get-EmulatorRequest {
    <# .SYNOPSIS The API requests the emulator received, oldest first. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)

    # The emulator logs a request when it arrives and its status once the answer is sent,
    # a moment after the client has it; wait up to a second for answers still being written
    # (a hung request keeps no status, so the wait is bounded).
    $deadline = [DateTime]::UtcNow.AddSeconds(1)
    do {
        # Invoke-RestMethod hands back a JSON array as one object; unroll it.
        $requests = @(foreach ($request in
                (Invoke-EmulatorControl -Emulator $Emulator -Path 'requests')) { $request })
        $inFlight = @($requests | Where-Object { $null -eq $_.Status })
        if ($inFlight.Count -gt 0) { Start-Sleep -Milliseconds 20 }
    } while ($inFlight.Count -gt 0 -and [DateTime]::UtcNow -lt $deadline)
    $requests
}

function Clear-EmulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)

    $null = Invoke-EmulatorControl -Emulator $Emulator -Path 'requests' -Method DELETE
}

function Set-EmulatorFault {
    <# .SYNOPSIS Replaces the emulator's fault rules with the given ones. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [object[]] $Rule
    )

    $null = Invoke-EmulatorControl -Emulator $Emulator -Path 'faults' -Method POST -Body $Rule
}

function Clear-EmulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)

    $null = Invoke-EmulatorControl -Emulator $Emulator -Path 'faults' -Method DELETE
}

Export-ModuleMember -Function Start-EmulatorProcess, Stop-EmulatorProcess,
    Get-EmulatorRequest, Clear-EmulatorRequest, Set-EmulatorFault, Clear-EmulatorFault

# Installs and runs the reference client: the AWS SDK for JavaScript v3 Lookout for Equipment
# client, driven by lookout-client.mjs. Used by tests/Pester/Conformance.Tests.ps1 and by
# tests/bench/Measure-Listing.ps1. Every child process has a deadline and is ended by its own id.

Set-StrictMode -Version Latest

$script:ConformanceRoot = $PSScriptRoot
$script:ClientScript = Join-Path $PSScriptRoot 'lookout-client.mjs'

function Invoke-BoundedProcess {
    # Runs a program with a deadline; returns its exit code and output, killing it on time-out.
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 60
    )

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.WorkingDirectory = $script:ConformanceRoot
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.UseShellExecute = $false
    # The SDK's notice about future Node.js versions is not an error of the run.
    $startInfo.Environment['NODE_NO_WARNINGS'] = '1'
    $startInfo.Environment['AWS_EC2_METADATA_DISABLED'] = 'true'

    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $timedOut = -not $process.WaitForExit($TimeoutSeconds * 1000)
        if ($timedOut) {
            $process.Kill($true)
            $null = $process.WaitForExit(5000)
        }
        else {
            $process.WaitForExit()
        }

        [pscustomobject]@{
            ExitCode = if ($timedOut) { $null } else { $process.ExitCode }
            TimedOut = $timedOut
            Output   = $stdout.Result
            Error    = $stderr.Result
        }
    }
    finally {
        $process.Dispose()
    }
}

function Install-ReferenceClient {
    <#
    .SYNOPSIS
    Installs @aws-sdk/client-lookoutequipment from package-lock.json with npm ci. Returns
    $null when it is ready, or the reason it could not be installed.
    #>
    [CmdletBinding()]
    param([int] $TimeoutSeconds = 120)

    $npm = Get-Command npm -CommandType Application -ErrorAction SilentlyContinue |
        Select-Object -First 1
    $node = Get-Command node -CommandType Application -ErrorAction SilentlyContinue |
        Select-Object -First 1
    if ($null -eq $npm -or $null -eq $node) {
        return 'npm and node are not on PATH, so @aws-sdk/client-lookoutequipment cannot be ' +
            'installed'
    }

    # A short fetch time-out and one retry: an unreachable registry should skip, not hang.
    $result = Invoke-BoundedProcess -FilePath $npm.Source -TimeoutSeconds $TimeoutSeconds `
        -ArgumentList @('ci', '--prefer-offline', '--no-audit', '--no-fund',
            '--fetch-timeout=20000', '--fetch-retries=1', '--loglevel=error')
    if ($result.TimedOut) {
        return "npm ci did not finish within $TimeoutSeconds s"
    }
    if ($result.ExitCode -ne 0) {
        # npm's first lines name the error; the rest is a stack trace and advice.
        $lines = @(($result.Error + "`n" + $result.Output) -split "`n" |
                ForEach-Object { ($_ -replace '^npm (error|ERR!)\s*', '').Trim() } |
                Where-Object { $_ -and $_ -notmatch '^at ' })
        return "npm ci could not install @aws-sdk/client-lookoutequipment (exit code " +
            "$($result.ExitCode)): $(($lines | Select-Object -First 4) -join '; ')"
    }
    $null
}

function Invoke-ReferenceClient {
    <#
    .SYNOPSIS
    Runs one job through lookout-client.mjs and returns its parsed result (see the script's
    header for the job's shape).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [hashtable] $Job,
        [int] $TimeoutSeconds = 60
    )

    $jobFile = Join-Path ([System.IO.Path]::GetTempPath()) "lookout-job-$([guid]::NewGuid()).json"
    ConvertTo-Json -InputObject $Job -Depth 10 -Compress |
        Set-Content -Path $jobFile -Encoding utf8NoBOM
    try {
        $node = (Get-Command node -CommandType Application | Select-Object -First 1).Source
        $result = Invoke-BoundedProcess -FilePath $node -TimeoutSeconds $TimeoutSeconds `
            -ArgumentList @($script:ClientScript, $jobFile)
    }
    finally {
        Remove-Item -LiteralPath $jobFile -ErrorAction SilentlyContinue
    }

    if ($result.TimedOut) { throw "The reference client did not finish within $TimeoutSeconds s." }
    if ($result.ExitCode -ne 0) {
        throw "The reference client failed (exit code $($result.ExitCode)): $($result.Error)"
    }
    # -DateKind String: the ISO times must stay text, exactly as the client wrote them.
    ConvertFrom-Json -InputObject $result.Output -Depth 20 -DateKind String
}

Export-ModuleMember -Function Install-ReferenceClient, Invoke-ReferenceClient

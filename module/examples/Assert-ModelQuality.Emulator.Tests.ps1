BeforeAll {
    Import-Module LookoutTools -ErrorAction Stop
    $Runbook = Join-Path $PSScriptRoot 'Assert-ModelQuality.ps1'

    # Start the emulator that ships with the module on a free port of 127.0.0.1, serving the
    # versions in the data file beside this test. It prints its URL once it is ready.
    $module = Get-Module LookoutTools
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @(
            (Join-Path $module.ModuleBase 'module/emulator/LookoutTools.Emulator.dll'),
            '--port', '0', '--parent-pid', $PID,
            '--data', (Join-Path $PSScriptRoot 'pump-7.versions.json'))) {
        $startInfo.ArgumentList.Add([string]$argument)
    }
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $Emulator = [System.Diagnostics.Process]::Start($startInfo)
    $ready = $Emulator.StandardOutput.ReadLine()
    if ($ready -notmatch 'listening on (http://\S+)') {
        throw "The emulator did not start: $($Emulator.StandardError.ReadToEnd())"
    }
    $null = $Emulator.StandardOutput.ReadToEndAsync()
    $null = $Emulator.StandardError.ReadToEndAsync()

    # The runbook takes its endpoint and credentials from the environment, as in production.
    # The emulator checks no signature unless told to, so made-up keys do.
    $Environment = @{
        AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Matches[1]
        AWS_REGION                        = 'us-east-1'
        AWS_ACCESS_KEY_ID                 = 'AKIAEXAMPLEEXAMPLE01'
        AWS_SECRET_ACCESS_KEY             = 'made-up-secret-for-the-emulator'
    }
    $SavedEnvironment = @{}
    foreach ($name in $Environment.Keys) {
        $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
}

AfterAll {
    foreach ($name in $SavedEnvironment.Keys) {
        [Environment]::SetEnvironmentVariable($name, $SavedEnvironment[$name])
    }
    # The emulator stops when its standard input closes.
    $Emulator.StandardInput.Close()
    $null = $Emulator.WaitForExit(10000)
}

Describe 'Assert-ModelQuality, against the emulator' {
    It 'fails on the poor-quality version 3 in the data file' {
        { & $Runbook -ModelName pump-7 } |
            Should -Throw "Version 3 of model 'pump-7' is of poor quality."
    }

    It 'fails for a model with no successful version' {
        { & $Runbook -ModelName fan-404 } |
            Should -Throw "Model 'fan-404' has no successful version."
    }
}

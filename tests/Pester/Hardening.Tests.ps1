# Cases found by trying to break the module: unreadable profile files, secrets in provider
# messages, hung credential providers, rotated keys, misleading answers, odd input.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $Emulator = Start-EmulatorProcess -ArgumentList @('--no-sample-data', '--generate',
        'pump-h=60', '--credential', 'AKIAHARDENOLDKEY0001:old-secret-value-1',
        '--credential', 'AKIAHARDENNEWKEY0002:new-secret-value-2')
    $Signed = @{
        EndpointUrl = $Emulator.Url; Region = 'us-east-1'
        AccessKey = 'AKIAHARDENOLDKEY0001'; SecretKey = 'old-secret-value-1'
    }
    $CommandName = 'LookoutTools.Cmdlets.GetLEModelVersionCommand'

    # AWSSDK.Core reads the profile files once in a type initializer, and a file it cannot
    # parse then breaks it for the whole process; one good call first, as in any real
    # session, so that the broken files below meet the module's own checks.
    $null = Get-LEModelVersion pump-h @Signed -WarningAction SilentlyContinue
    $LeakedSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYLEAKEDKEY9'

    function Invoke-Split([scriptblock] $Command) {
        $everything = @(& $Command 2>&1)
        $isError = { $_ -is [System.Management.Automation.ErrorRecord] }
        [pscustomobject]@{
            Output = @($everything | Where-Object { -not (& $isError) })
            Errors = @($everything | Where-Object $isError)
        }
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'Profile files' {
    BeforeEach {
        Set-IsolatedAwsEnvironment
        Clear-EmulatorRequest -Emulator $Emulator
    }

    It 'reports a credentials file it cannot read without repeating the line' {
        $broken = Join-Path $TestDrive 'broken-credentials'
        Set-Content -Path $broken -Value @(
            '[leak]', 'aws_access_key_id = AKIAHARDENOLDKEY0001',
            "aws_secret_access_key: $LeakedSecret")
        $env:AWS_SHARED_CREDENTIALS_FILE = $broken

        $thrown = { Get-LEModelVersion pump-h -ProfileName leak -EndpointUrl $Emulator.Url `
                -Region us-east-1 -ErrorAction Stop } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeExactly "ProfileFileInvalid,$CommandName"
        $thrown.Exception.Message | Should -BeLike '*could not be read: line 3 is not*'
        ($thrown | Format-List * -Force | Out-String) + $thrown.Exception.ToString() |
            Should -Not -Match ([regex]::Escape($LeakedSecret))
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }

    It 'masks a secret that a failing credential_process printed as JSON' {
        $script = Join-Path $TestDrive 'json-leak.sh'
        $escaped = $LeakedSecret.Replace('/', '\/')
        Set-Content -Path $script -Value @('#!/bin/sh',
            "echo '{""SecretAccessKey"":""$escaped""}' >&2", 'exit 1')
        $config = Join-Path $TestDrive 'leak-config'
        Set-Content -Path $config -Value @('[profile leaky]', "credential_process = sh $script")
        $env:AWS_CONFIG_FILE = $config

        $thrown = { Get-LEModelVersion pump-h -ProfileName leaky -EndpointUrl $Emulator.Url `
                -Region us-east-1 -ErrorAction Stop } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeExactly "CredentialsUnavailable,$CommandName"
        $shown = ($thrown | Format-List * -Force | Out-String) + $thrown.Exception.ToString()
        $shown | Should -Not -Match 'LEAKEDKEY9'
    }

    It 'gives up on a credential_process that hangs within -TimeoutSec' {
        $script = Join-Path $TestDrive 'slow.sh'
        Set-Content -Path $script -Value @('#!/bin/sh', 'sleep 20')
        $config = Join-Path $TestDrive 'slow-config'
        Set-Content -Path $config -Value @('[profile slow]', "credential_process = sh $script")
        $env:AWS_CONFIG_FILE = $config
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        $thrown = { Get-LEModelVersion pump-h -ProfileName slow -EndpointUrl $Emulator.Url `
                -Region us-east-1 -TimeoutSec 2 -ErrorAction Stop } | Should -Throw -PassThru

        $watch.Stop()
        $thrown.FullyQualifiedErrorId | Should -BeExactly "CredentialsTimedOut,$CommandName"
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 6
    }

    It 'signs with keys rotated in a profile by the next call' {
        $credentials = Join-Path $TestDrive 'rotating-credentials'
        Set-Content -Path $credentials -Value @('[rot]',
            'aws_access_key_id = AKIAHARDENOLDKEY0001',
            'aws_secret_access_key = old-secret-value-1')
        $env:AWS_SHARED_CREDENTIALS_FILE = $credentials
        $profileCall = @{ ProfileName = 'rot'; EndpointUrl = $Emulator.Url; Region = 'us-east-1' }
        $null = Get-LEModelVersion pump-h @profileCall -WarningAction SilentlyContinue

        Start-Sleep -Milliseconds 20
        Set-Content -Path $credentials -Value @('[rot]',
            'aws_access_key_id = AKIAHARDENNEWKEY0002',
            'aws_secret_access_key = new-secret-value-2')
        $null = Get-LEModelVersion pump-h @profileCall -WarningAction SilentlyContinue

        (Get-EmulatorRequest -Emulator $Emulator).AccessKey |
            Should -Be @('AKIAHARDENOLDKEY0001', 'AKIAHARDENNEWKEY0002')
    }

    It 'checks the region a profile gives' {
        $config = Join-Path $TestDrive 'bad-region-config'
        Set-Content -Path $config -Value @('[profile odd]', 'region = Us East 1',
            'aws_access_key_id = AKIAHARDENOLDKEY0001', 'aws_secret_access_key = x')
        $env:AWS_CONFIG_FILE = $config

        $thrown = { Get-LEModelVersion pump-h -ProfileName odd -EndpointUrl $Emulator.Url `
                -ErrorAction Stop } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeIn @(
            "InvalidRegion,$CommandName", "ProfileFileInvalid,$CommandName")
        $thrown.Exception.Message | Should -BeLike '*Us East 1*'
    }
}

Describe 'Answers and input' {
    BeforeEach {
        Set-IsolatedAwsEnvironment
        Clear-EmulatorRequest -Emulator $Emulator
        Clear-EmulatorFault -Emulator $Emulator
    }

    It 'stops at a page that repeats the page before it, writing nothing twice' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(
            @{ Kind = 'repeat-token'; OnRequest = 1; Times = 1 })

        $result = Invoke-Split { Get-LEModelVersion pump-h -All -PageSize 10 @Signed }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "RepeatedNextToken,$CommandName"
        $versions = $result.Output.ModelVersion
        @($versions | Sort-Object -Unique) | Should -HaveCount $versions.Count
    }

    It 'reads an error body sent with HTTP 200 as an unreadable answer, not a last page' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 200; ErrorType = 'ValidationException'
                OnRequest = 2; Times = 0
            })

        $result = Invoke-Split { Get-LEModelVersion pump-h -All -PageSize 10 @Signed }

        $result.Output | Should -HaveCount 10
        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "InvalidResponse,$CommandName"
    }

    It 'shows control characters in a service message as question marks' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 403; ErrorType = 'AccessDeniedException'
                Message = "Denied`e[2J`r`nWARNING: fake"; Times = 0
            })

        $result = Invoke-Split { Get-LEModelVersion pump-h @Signed }

        $message = $result.Errors[0].Exception.Message
        $message | Should -BeLike '*Denied?`[2J??WARNING: fake*'
        $message | Should -Not -Match "[`e`r`n]"
    }

    It 'tries a page three times when the connection drops, not more' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{ Kind = 'drop-before-body'; Times = 0 })

        $result = Invoke-Split { Get-LEModelVersion pump-h @Signed }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "ConnectionFailed,$CommandName"
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 3
    }

    It 'follows AWS_MAX_ATTEMPTS set during the session' {
        $null = Get-LEModelVersion pump-h @Signed -WarningAction SilentlyContinue
        Clear-EmulatorRequest -Emulator $Emulator
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{ Kind = 'http500'; Times = 0 })
        $env:AWS_MAX_ATTEMPTS = '5'
        try {
            $result = Invoke-Split { Get-LEModelVersion pump-h @Signed }
        }
        finally { $env:AWS_MAX_ATTEMPTS = $null }

        $result.Errors[0].FullyQualifiedErrorId |
            Should -BeExactly "InternalServerError,$CommandName"
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 5
    }

    It 'refuses an endpoint with a user name and password, without repeating the password' {
        $withPassword = $Emulator.Url -replace '^http://', 'http://admin:hunter2@'

        $thrown = { Get-LEModelVersion pump-h -EndpointUrl $withPassword -Region us-east-1 `
                -AccessKey AKIAHARDENOLDKEY0001 -SecretKey x -ErrorAction Stop } |
            Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeExactly "InvalidEndpointUrl,$CommandName"
        $thrown.Exception.Message | Should -Not -Match 'hunter2'
    }

    It 'refuses a NextToken with spaces around it' {
        { Get-LEModelVersion pump-h -NextToken ' abc ' @Signed -ErrorAction Stop } |
            Should -Throw '*starts or ends with a space*'
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }

    It 'does not complete model names when a connection value is a variable it cannot see' {
        $line = 'Get-LEModelVersion -EndpointUrl $unknownEndpoint -Region us-east-1 -ModelName p'

        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completions.CompletionMatches | Should -HaveCount 0
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }
}

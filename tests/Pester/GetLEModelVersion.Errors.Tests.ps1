# Errors: every service error category, transport failures, a failure in the middle of -All,
# and several models with one failing. Bad input is in BadInput.Tests.ps1.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $PumpA = @(New-ModelVersionData -ModelName 'pump-a' -Count 50)
    $PumpB = @(New-ModelVersionData -ModelName 'pump-b' -Count 5)
    $PumpC = @(New-ModelVersionData -ModelName 'pump-c' -Count 7)
    $dataFile = Save-ModelVersionData -Versions ($PumpA + $PumpB + $PumpC) `
        -Path (Join-Path $TestDrive 'data.json')
    $Emulator = Start-EmulatorProcess -ArgumentList @('--data', $dataFile,
        '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
    $Connection = @{
        EndpointUrl = $Emulator.Url; Region = 'us-east-1'
        AccessKey = $TestAccessKey; SecretKey = $TestSecretKey
    }
    $CommandName = 'LookoutTools.Cmdlets.GetLEModelVersionCommand'

    function Get-ListingError([scriptblock] $Command) {
        # Runs the command, splitting what it wrote from the error records it raised.
        $everything = @(& $Command 2>&1)
        [pscustomobject]@{
            Output = @($everything |
                    Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            Errors = @($everything |
                    Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'Get-LEModelVersion service errors' {
    BeforeEach {
        Clear-EmulatorFault -Emulator $Emulator
        Clear-EmulatorRequest -Emulator $Emulator
    }

    It ('maps <ErrorType> (HTTP <HttpStatus>) to <ErrorId> / <Category> ' +
        'after <Requests> request(s)') -ForEach @(
        @{ ErrorType = 'ResourceNotFoundException'; HttpStatus = 404; ErrorId = 'ResourceNotFound'
            Category = 'ObjectNotFound'; Requests = 1 }
        @{ ErrorType = 'ValidationException'; HttpStatus = 400; ErrorId = 'ValidationFailed'
            Category = 'InvalidArgument'; Requests = 1 }
        @{ ErrorType = 'AccessDeniedException'; HttpStatus = 403; ErrorId = 'AccessDenied'
            Category = 'PermissionDenied'; Requests = 1 }
        @{ ErrorType = 'ThrottlingException'; HttpStatus = 400; ErrorId = 'Throttled'
            Category = 'LimitsExceeded'; Requests = 3 }
        @{ ErrorType = 'InternalServerException'; HttpStatus = 500; ErrorId = 'InternalServerError'
            Category = 'ResourceUnavailable'; Requests = 3 }
    ) {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = $HttpStatus; ErrorType = $ErrorType
                Message = "Injected $ErrorType"; Times = 0
            })

        $result = Get-ListingError { Get-LEModelVersion pump-a @Connection }

        $result.Output | Should -HaveCount 0
        $result.Errors | Should -HaveCount 1
        $record = $result.Errors[0]
        $record.FullyQualifiedErrorId | Should -BeExactly "$ErrorId,$CommandName"
        $record.CategoryInfo.Category | Should -Be $Category
        $record.TargetObject | Should -BeExactly 'pump-a'
        $record.Exception.Message | Should -BeLike "*'pump-a'*Injected $ErrorType*"
        $record.Exception.ErrorCode | Should -BeExactly $ErrorType
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount $Requests
    }

    It 'maps HTTP 429 to Throttled after the SDK retries' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{ Kind = 'http429'; Times = 0 })

        $result = Get-ListingError { Get-LEModelVersion pump-a @Connection }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "Throttled,$CommandName"
        $result.Errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 3
    }

    It 'loses nothing when throttling ends within the retries' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 400; ErrorType = 'ThrottlingException'
                Message = 'Slow down'; OnRequest = 2; Times = 1
            })

        $result = Get-ListingError { Get-LEModelVersion pump-a -All -PageSize 10 @Connection }

        $result.Errors | Should -HaveCount 0
        $result.Output.ModelVersion | Should -Be (50..1)
    }

    It 'maps a bad signature to AuthenticationFailed' {
        $wrongSecret = $Connection.Clone()
        $wrongSecret.SecretKey = 'not-the-secret'

        $result = Get-ListingError { Get-LEModelVersion pump-a @wrongSecret }

        $result.Errors[0].FullyQualifiedErrorId |
            Should -BeExactly "AuthenticationFailed,$CommandName"
        $result.Errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $result.Errors[0].Exception.ErrorCode | Should -BeExactly 'InvalidSignatureException'
    }

    It 'maps an unknown access key to AuthenticationFailed' {
        $otherKey = $Connection.Clone()
        $otherKey.AccessKey = 'AKIAUNKNOWNKEY000001'

        $result = Get-ListingError { Get-LEModelVersion pump-a @otherKey }

        $result.Errors[0].FullyQualifiedErrorId |
            Should -BeExactly "AuthenticationFailed,$CommandName"
        $result.Errors[0].Exception.ErrorCode | Should -BeExactly 'UnrecognizedClientException'
    }

    It 'maps a refused connection to ConnectionFailed' {
        $closed = $Connection.Clone()
        $closed.EndpointUrl = "http://127.0.0.1:$(Get-FreeLoopbackPort)"

        $result = Get-ListingError { Get-LEModelVersion pump-a @closed }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "ConnectionFailed,$CommandName"
        $result.Errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'maps an answer that is not JSON to InvalidResponse' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{ Kind = 'malformed-json'; Times = 0 })

        $result = Get-ListingError { Get-LEModelVersion pump-a @Connection }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "InvalidResponse,$CommandName"
        $result.Errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'keeps what was written when a middle page fails, and says how to resume' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 403; ErrorType = 'AccessDeniedException'
                Message = 'Denied on page three'; OnRequest = 3; Times = 1
            })

        $result = Get-ListingError { Get-LEModelVersion pump-a -All -PageSize 10 @Connection }

        $result.Output.ModelVersion | Should -Be (50..31)
        $failure = $result.Errors[0].Exception
        $failure.PageNumber | Should -Be 3
        $failure.ResumeToken | Should -Not -BeNullOrEmpty
        $failure.Message | Should -BeLike "*page 3*-NextToken '$($failure.ResumeToken)'*"
        $result.Errors[0].ErrorDetails.RecommendedAction |
            Should -BeExactly "Run again with -NextToken '$($failure.ResumeToken)'."

        $token = $failure.ResumeToken
        $rest = @(Get-LEModelVersion pump-a -All -PageSize 10 -NextToken $token @Connection)
        $rest.ModelVersion | Should -Be (30..1)
    }

    It 'lists the other models when one fails, as a non-terminating error' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 403; ErrorType = 'AccessDeniedException'
                Message = 'Not this one'; ModelName = 'pump-b'; Times = 0
            })

        $result = Get-ListingError { Get-LEModelVersion pump-a, pump-b, pump-c -All @Connection }

        $result.Output | Should -HaveCount 57
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].TargetObject | Should -BeExactly 'pump-b'
    }

    It 'stops at the first failing model with -ErrorAction Stop' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 403; ErrorType = 'AccessDeniedException'
                Message = 'Not this one'; ModelName = 'pump-b'; Times = 0
            })
        $written = [System.Collections.Generic.List[object]]::new()

        { Get-LEModelVersion pump-a, pump-b, pump-c -All @Connection -ErrorAction Stop |
                ForEach-Object { $written.Add($_) } } |
            Should -Throw -ErrorId "AccessDenied,$CommandName"

        $written | Should -HaveCount 50
        @(Get-EmulatorRequest -Emulator $Emulator).Body |
            Should -Not -Contain '{"ModelName":"pump-c","MaxResults":500}'
    }

    It 'never shows the secret key, even with -Verbose, -Debug and a failure' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 500; ErrorType = 'InternalServerException'
                Message = 'Broken'; Times = 0
            })

        $streams = @{ Verbose = $true; Debug = $true; ErrorAction = 'Continue' }
        $everything = Get-LEModelVersion pump-a @Connection @streams *>&1 |
            Out-String

        $everything | Should -Not -BeNullOrEmpty
        $everything | Should -Not -Match ([regex]::Escape($TestSecretKey))
        ($Error | Out-String) | Should -Not -Match ([regex]::Escape($TestSecretKey))
    }
}

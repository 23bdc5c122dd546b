# Bad input is refused before any request, with a message that says what to fix. Each case
# checks the error id, the message, and that the emulator received nothing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $Emulator = Start-EmulatorProcess -ArgumentList @('--no-sample-data', '--generate', 'pump-a=5',
        '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
    $Connection = @{
        EndpointUrl = $Emulator.Url; Region = 'us-east-1'
        AccessKey = $TestAccessKey; SecretKey = $TestSecretKey
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'Get-LEModelVersion bad input' {
    BeforeEach { Clear-EmulatorRequest -Emulator $Emulator }

    It 'refuses <Case> before sending anything' -ForEach @(
        # Model names
        @{
            Case      = 'a model name with a space'
            Overrides = @{ ModelName = 'pump 7' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = "*model name 'pump 7' is not valid*letter, a digit, a hyphen*"
        }
        @{
            Case      = 'an empty model name'
            Overrides = @{ ModelName = '' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = "*model name '' is not valid*"
        }
        @{
            Case      = 'a model name of 201 characters'
            Overrides = @{ ModelName = 'm' * 201 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*1 to 200 characters*'
        }
        @{
            Case      = 'a model name with a slash'
            Overrides = @{ ModelName = 'plant/pump-7' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = "*'plant/pump-7' is not valid*"
        }
        @{
            Case      = 'a model name with a dot'
            Overrides = @{ ModelName = 'pump.7' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = "*'pump.7' is not valid*"
        }
        @{
            Case      = 'a model name with an accent'
            Overrides = @{ ModelName = 'pompe-été' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = "*'pompe-été' is not valid*"
        }
        @{
            Case      = 'a model name ending in a newline'
            Overrides = @{ ModelName = "pump-7`n" }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*is not valid*'
        }
        @{
            Case      = 'a model name with a tab'
            Overrides = @{ ModelName = "pump`t7" }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*is not valid*'
        }
        @{
            Case      = 'a second model name that is bad'
            Overrides = @{ ModelName = @('pump-a', 'bad name') }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = "*'bad name' is not valid*"
        }
        @{
            Case      = 'a null model name'
            Overrides = @{ ModelName = @($null) }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*model name (null) is not valid*'
        }
        # Page size
        @{
            Case      = 'page size 0'
            Overrides = @{ PageSize = 0 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*minimum allowed range of 1*'
        }
        @{
            Case      = 'page size -1'
            Overrides = @{ PageSize = -1 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*minimum allowed range of 1*'
        }
        @{
            Case      = 'page size 501'
            Overrides = @{ PageSize = 501 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*maximum allowed range of 500*'
        }
        @{
            Case      = 'page size 1000000'
            Overrides = @{ PageSize = 1000000 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*maximum allowed range of 500*'
        }
        @{
            Case      = 'a page size that is not a number'
            Overrides = @{ PageSize = 'ten' }
            ErrorId   = 'CannotConvertArgumentNoMessage'
            Message   = '*PageSize*ten*'
        }
        @{
            Case      = 'the MaxResults alias over 500'
            Overrides = @{ MaxResults = 600 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*maximum allowed range of 500*'
        }
        # Versions
        @{
            Case      = 'MinModelVersion 0'
            Overrides = @{ MinModelVersion = 0 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*minimum allowed range of 1*'
        }
        @{
            Case      = 'MinModelVersion -1'
            Overrides = @{ MinModelVersion = -1 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*minimum allowed range of 1*'
        }
        @{
            Case      = 'MaxModelVersion 0'
            Overrides = @{ MaxModelVersion = 0 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*minimum allowed range of 1*'
        }
        @{
            Case      = 'a version that is not a number'
            Overrides = @{ MaxModelVersion = 'latest' }
            ErrorId   = 'CannotConvertArgumentNoMessage'
            Message   = '*MaxModelVersion*latest*'
        }
        @{
            Case      = 'a version beyond Int64'
            Overrides = @{ MinModelVersion = '9223372036854775808' }
            ErrorId   = 'CannotConvertArgumentNoMessage'
            Message   = '*MinModelVersion*'
        }
        @{
            Case      = 'Min above Max'
            Overrides = @{ MinModelVersion = 9; MaxModelVersion = 3 }
            ErrorId   = 'InvalidModelVersionRange'
            Message   = '-MinModelVersion 9 is greater than -MaxModelVersion 3*swap them*'
        }
        # Times
        @{
            Case      = 'a start after the end'
            Overrides = @{
                CreatedAtStartTime = [datetime]'2024-03-01Z'
                CreatedAtEndTime   = [datetime]'2024-02-01Z'
            }
            ErrorId   = 'InvalidCreatedAtRange'
            Message   = ('-CreatedAtStartTime (2024-03-01 00:00:00Z) is later than ' +
                '-CreatedAtEndTime (2024-02-01 00:00:00Z)*')
        }
        @{
            Case      = 'a local start after a UTC end'
            Overrides = @{
                CreatedAtStartTime = [datetime]::Now
                CreatedAtEndTime   = [datetime]::UtcNow.AddDays(-1)
            }
            ErrorId   = 'InvalidCreatedAtRange'
            Message   = '*later than -CreatedAtEndTime*'
        }
        @{
            Case      = 'a start time that is not a time'
            Overrides = @{ CreatedAtStartTime = 'yesterday-ish' }
            ErrorId   = 'CannotConvertArgumentNoMessage'
            Message   = '*CreatedAtStartTime*'
        }
        # Enums
        @{
            Case      = 'an unknown Status'
            Overrides = @{ Status = 'DONE' }
            ErrorId   = 'CannotConvertArgumentNoMessage'
            Message   = '*IN_PROGRESS, SUCCESS, FAILED, IMPORT_IN_PROGRESS, CANCELED*'
        }
        @{
            Case      = 'a Status with a space'
            Overrides = @{ Status = 'IN PROGRESS' }
            ErrorId   = 'CannotConvertArgumentNoMessage'
            Message   = '*IN_PROGRESS*'
        }
        @{
            Case      = 'an unknown SourceType'
            Overrides = @{ SourceType = 'MANUAL' }
            ErrorId   = 'CannotConvertArgumentNoMessage'
            Message   = '*TRAINING, RETRAINING, IMPORT*'
        }
        # Tokens
        @{
            Case      = 'an empty NextToken'
            Overrides = @{ NextToken = '' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*NextToken is empty*leave -NextToken out*'
        }
        @{
            Case      = 'a NextToken over 8192 characters'
            Overrides = @{ NextToken = 'a' * 8193 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*8193 characters; a token has at most 8192*'
        }
        @{
            Case      = 'a NextToken that is not ASCII'
            Overrides = @{ NextToken = 'tökén' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*not printable ASCII at position 2*'
        }
        @{
            Case      = 'a NextToken with a tab'
            Overrides = @{ NextToken = "abc`tdef" }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*not printable ASCII at position 4*'
        }
        @{
            Case      = 'a NextToken with several models'
            Overrides = @{ ModelName = @('pump-a', 'pump-b'); NextToken = 'abc' }
            ErrorId   = 'NextTokenNeedsOneModel'
            Message   = '*give a single -ModelName*'
        }
        # Connection
        @{
            Case      = 'an endpoint without a scheme'
            Overrides = @{ EndpointUrl = 'localhost:8080' }
            ErrorId   = 'InvalidEndpointUrl'
            Message   = "*'localhost:8080'*not an http:// or https:// URL*"
        }
        @{
            Case      = 'an ftp endpoint'
            Overrides = @{ EndpointUrl = 'ftp://127.0.0.1/' }
            ErrorId   = 'InvalidEndpointUrl'
            Message   = '*not an http:// or https:// URL*'
        }
        @{
            Case      = 'an endpoint with a query'
            Overrides = @{ EndpointUrl = 'http://127.0.0.1:1/?a=b' }
            ErrorId   = 'InvalidEndpointUrl'
            Message   = '*not an http:// or https:// URL*'
        }
        @{
            Case      = 'an empty endpoint'
            Overrides = @{ EndpointUrl = '' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*EndpointUrl*'
        }
        @{
            Case      = 'a region with underscores'
            Overrides = @{ Region = 'us_east_1' }
            ErrorId   = 'InvalidRegion'
            Message   = "*'us_east_1'*not an AWS region name*"
        }
        @{
            Case      = 'a region in capitals'
            Overrides = @{ Region = 'US-EAST-1' }
            ErrorId   = 'InvalidRegion'
            Message   = "*'US-EAST-1'*like us-east-1*"
        }
        @{
            Case      = 'a region without its number'
            Overrides = @{ Region = 'eu-west' }
            ErrorId   = 'InvalidRegion'
            Message   = "*'eu-west'*"
        }
        @{
            Case      = 'an access key without a secret'
            Overrides = @{ SecretKey = $null }
            ErrorId   = 'IncompleteCredentials'
            Message   = '*-AccessKey and -SecretKey go together*'
        }
        @{
            Case      = 'a secret without an access key'
            Overrides = @{ AccessKey = $null }
            ErrorId   = 'IncompleteCredentials'
            Message   = '*-AccessKey and -SecretKey go together*'
        }
        @{
            Case      = 'keys beside a profile that does not exist'
            Overrides = @{ ProfileName = 'other' }
            ErrorId   = 'ProfileNotFound'
            Message   = "*no AWS profile named 'other' (from -ProfileName)*"
        }
        @{
            Case      = 'an empty profile name'
            Overrides = @{ ProfileName = '' }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*ProfileName*'
        }
        @{
            Case      = 'a timeout of 0 seconds'
            Overrides = @{ TimeoutSec = 0 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*minimum allowed range of 1*'
        }
        @{
            Case      = 'a timeout over an hour'
            Overrides = @{ TimeoutSec = 3601 }
            ErrorId   = 'ParameterArgumentValidationError'
            Message   = '*maximum allowed range of 3600*'
        }
    ) {
        $callArguments = $Connection.Clone()
        $callArguments.ModelName = 'pump-a'
        foreach ($name in $Overrides.Keys) {
            if ($null -eq $Overrides[$name] -and $name -ne 'ModelName') {
                $callArguments.Remove($name)
            }
            else { $callArguments[$name] = $Overrides[$name] }
        }

        $thrown = { Get-LEModelVersion @callArguments -ErrorAction Stop } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $thrown.Exception.Message | Should -BeLike $Message
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }

    It 'refuses a NextToken the service does not know, naming the token as the cause' {
        $everything = @(Get-LEModelVersion pump-a -All -NextToken 'forged-token' @Connection 2>&1)

        $record = $everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }
        $record.FullyQualifiedErrorId |
            Should -BeExactly 'ValidationFailed,LookoutTools.Cmdlets.GetLEModelVersionCommand'
        $record.Exception.Message |
            Should -BeLike "*The -NextToken 'forged-token' was not accepted*"
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 1
    }
}

# Get-LEModel: the filters as typed parameters, paging as Get-LEModelVersion pages, errors with
# stable ids, and the pipeline into Get-LEModelVersion by property name.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    # Thirteen models. The emulator derives each model from its versions: a model with a
    # successful version is SUCCESS, pump-b's only version failed, pump-c's newest is running.
    $versions = @(
        foreach ($number in 1..10) {
            New-ModelVersionData -ModelName ('model-{0:00}' -f $number) -Count 5
        }
        New-ModelVersionData -ModelName 'pump-a' -Count 30
        New-ModelVersionData -ModelName 'pump-b' -Count 1
        New-ModelVersionData -ModelName 'pump-c' -Count 2
    )
    $dataFile = Save-ModelVersionData -Versions $versions -Path (Join-Path $TestDrive 'data.json')
    $Emulator = Start-EmulatorProcess -ArgumentList @('--data', $dataFile,
        '--default-page-size', '5', '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
    $Connection = @{
        EndpointUrl = $Emulator.Url; Region = 'us-east-1'
        AccessKey = $TestAccessKey; SecretKey = $TestSecretKey
    }
    $AllNames = @(1..10 | ForEach-Object { 'model-{0:00}' -f $_ }) + 'pump-a', 'pump-b', 'pump-c'
    $CommandName = 'LookoutTools.Cmdlets.GetLEModelCommand'

    function Get-ListingError([scriptblock] $Command) {
        # Runs the command, splitting what it wrote from the error records it raised.
        $everything = @(& $Command 2>&1 3>$null)
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

Describe 'Get-LEModel' {
    BeforeEach {
        Clear-EmulatorFault -Emulator $Emulator
        Clear-EmulatorRequest -Emulator $Emulator
    }

    It 'writes ModelSummary objects with every member the service gave' {
        $model = Get-LEModel -ModelNameBeginsWith pump-a @Connection

        $model | Should -BeOfType ([LookoutTools.Models.ModelSummary])
        $model.ModelName | Should -BeExactly 'pump-a'
        $model.Status | Should -BeExactly 'SUCCESS'
        $model.DatasetName | Should -BeExactly 'pump-a-sensor-data'
        $model.ModelArn | Should -Match '^arn:aws:lookoutequipment:us-east-1:\d{12}:model/pump-a/'
        $model.DatasetArn | Should -Match ':dataset/pump-a-sensor-data/'
        $model.ActiveModelVersion | Should -Be 30
        $model.ActiveModelVersionArn | Should -BeLike '*/model-version/30'
        $model.CreatedAt.Kind | Should -Be 'Utc'
        $model.CreatedAt | Should -Be ($versions | Where-Object ModelName -eq pump-a |
                Sort-Object ModelVersion | Select-Object -First 1).CreatedAtUtc
    }

    It 'writes one page and warns once, with the token, when more exist' {
        $models = @(Get-LEModel @Connection -WarningVariable warnings 3>$null)

        $models.ModelName | Should -Be $AllNames[0..4]
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match (
            "^More models are available\. Add -All to list them all, " +
            "or run again with -NextToken '[^']+' for the next page\.$")
        $requests = @(Get-EmulatorRequest -Emulator $Emulator)
        $requests | Should -HaveCount 1
        $requests[0].Operation | Should -BeExactly 'ListModels'
        $requests[0].Body | Should -BeExactly '{}'
    }

    It 'continues exactly where the warning said with -NextToken' {
        $null = Get-LEModel -PageSize 4 @Connection -WarningVariable warnings 3>$null
        $token = [regex]::Match($warnings[0].Message, "-NextToken '([^']+)'").Groups[1].Value

        $next = @(Get-LEModel -PageSize 4 -NextToken $token @Connection 3>$null)

        $next.ModelName | Should -Be $AllNames[4..7]
        (Get-EmulatorRequest -Emulator $Emulator)[-1].Body |
            Should -BeExactly ('{"NextToken":"' + $token + '","MaxResults":4}')
    }

    It 'follows every page with -All, none lost and none twice' {
        $models = @(Get-LEModel -All -PageSize 4 @Connection -WarningVariable warnings)

        $models.ModelName | Should -Be $AllNames
        $warnings | Should -HaveCount 0
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 4
    }

    It 'asks for the largest pages with -All when no -PageSize is given' {
        $models = @(Get-LEModel -All @Connection)

        $models | Should -HaveCount 13
        (Get-EmulatorRequest -Emulator $Emulator).Body | Should -BeExactly '{"MaxResults":500}'
    }

    It 'sends every filter as the service spells it' {
        $models = @(Get-LEModel -ModelNameBeginsWith pump -DatasetNameBeginsWith pump-a `
                -Status SUCCESS -PageSize 50 @Connection)

        $models.ModelName | Should -Be 'pump-a'
        (Get-EmulatorRequest -Emulator $Emulator).Body | Should -BeExactly (
            '{"MaxResults":50,"Status":"SUCCESS","ModelNameBeginsWith":"pump",' +
            '"DatasetNameBeginsWith":"pump-a"}')
    }

    It 'lists the models in state <Status>' -ForEach @(
        @{ Status = 'FAILED'; Expected = @('pump-b') }
        @{ Status = 'IN_PROGRESS'; Expected = @('pump-c') }
        @{ Status = 'IMPORT_IN_PROGRESS'; Expected = @() }
    ) {
        $models = @(Get-LEModel -Status $Status -All @Connection)

        @($models.ModelName) | Should -Be $Expected
    }

    It 'takes the model name prefix as its first positional parameter' {
        @(Get-LEModel pump @Connection).ModelName | Should -Be 'pump-a', 'pump-b', 'pump-c'
    }

    It 'refuses a prefix the service would refuse, before any request' -ForEach @(
        @{ Parameter = 'ModelNameBeginsWith'; Value = 'pump 7' }
        @{ Parameter = 'DatasetNameBeginsWith'; Value = 'plant/4' }
        @{ Parameter = 'ModelNameBeginsWith'; Value = 'x' * 201 }
    ) {
        $arguments = @{ $Parameter = $Value }

        { Get-LEModel @arguments @Connection -ErrorAction Stop } |
            Should -Throw -ErrorId "ParameterArgumentValidationError,$CommandName"
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }

    It 'refuses a -PageSize outside 1-500 and a bad -NextToken' -ForEach @(
        @{ Arguments = @{ PageSize = 0 } }
        @{ Arguments = @{ PageSize = 501 } }
        @{ Arguments = @{ NextToken = "tab`there" } }
    ) {
        { Get-LEModel @Arguments @Connection -ErrorAction Stop } |
            Should -Throw -ErrorId "ParameterArgumentValidationError,$CommandName"
    }

    It 'feeds Get-LEModelVersion by property name' {
        $versionsOfSuccessfulModels = @(Get-LEModel -Status SUCCESS -All @Connection |
                Get-LEModelVersion -All @Connection)

        $versionsOfSuccessfulModels | Should -HaveCount 80
        $listed = @(Get-EmulatorRequest -Emulator $Emulator |
                Where-Object Operation -eq 'ListModelVersions' |
                ForEach-Object { ($_.Body | ConvertFrom-Json).ModelName })
        $listed | Should -Be ($AllNames | Where-Object { $_ -notin 'pump-b', 'pump-c' })
    }

    It 'stops asking once Select-Object -First has enough' {
        $models = @(Get-LEModel -All -PageSize 2 @Connection | Select-Object -First 3)

        $models | Should -HaveCount 3
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 2
    }

    It 'logs each page with -Verbose' {
        $records = @(Get-LEModel -All -PageSize 10 @Connection -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })

        $records.Message | Should -Contain 'Received page 1: 10 models.'
        $records.Message | Should -Contain 'Received page 2: 3 models.'
    }

    It 'reports a failed page with a stable id, the page and the token that resumes there' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 403; ErrorType = 'AccessDeniedException'
                Message = 'Denied on page two'; OnRequest = 2; Times = 1
            })

        $result = Get-ListingError { Get-LEModel -All -PageSize 5 @Connection }

        $result.Output.ModelName | Should -Be $AllNames[0..4]
        $result.Errors | Should -HaveCount 1
        $record = $result.Errors[0]
        $record.FullyQualifiedErrorId | Should -BeExactly "AccessDenied,$CommandName"
        $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $exception = $record.Exception
        $exception | Should -BeOfType ([LookoutTools.Listing.ModelListingException])
        $exception.PageNumber | Should -Be 2
        $exception.ErrorCode | Should -BeExactly 'AccessDeniedException'
        $exception.ResumeToken | Should -Not -BeNullOrEmpty
        $exception.Message | Should -BeLike (
            'Listing models failed on page 2: AccessDeniedException: Denied on page two*')
        $exception.Message | Should -BeLike '*lookoutequipment:ListModels,*'
        $exception.Message | Should -BeLike "*-NextToken '$($exception.ResumeToken)'."
        $record.ErrorDetails.RecommendedAction |
            Should -BeExactly "Run again with -NextToken '$($exception.ResumeToken)'."

        Clear-EmulatorFault -Emulator $Emulator
        $rest = @(Get-LEModel -All -PageSize 5 -NextToken $exception.ResumeToken @Connection)
        $rest.ModelName | Should -Be $AllNames[5..12]
    }

    It 'names the first page plainly when it fails' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{ Kind = 'http429'; Times = 0 })

        $result = Get-ListingError { Get-LEModel @Connection }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "Throttled,$CommandName"
        $result.Errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $result.Errors[0].Exception.Message |
            Should -BeLike 'Listing models failed: ThrottlingException*'
        $result.Errors[0].Exception.ResumeToken | Should -BeNullOrEmpty
    }

    It 'says when the endpoint cannot be reached' {
        $dead = "http://127.0.0.1:$(Get-FreeLoopbackPort)"

        $result = Get-ListingError {
            Get-LEModel -EndpointUrl $dead -AccessKey $TestAccessKey -SecretKey $TestSecretKey
        }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "ConnectionFailed,$CommandName"
    }

    It 'never shows the secret key' {
        $all = Get-LEModel -All @Connection -Verbose -Debug 5>&1 4>&1 3>&1 2>&1 | Out-String

        $all | Should -Not -BeLike "*$TestSecretKey*"
    }
}

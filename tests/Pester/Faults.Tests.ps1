# Faults injected by the emulator, on the first page and on a middle page: nothing already
# received is lost, nothing comes twice, every failure has its error id and a resume token,
# and nothing hangs. Also Ctrl+C, and answers that are odd but valid.

BeforeDiscovery {
    # Page 5 of 5 is asked for while page 4 is being written (-All reads ahead from page 4).
    $PageNames = @{ 1 = 'the first page'; 3 = 'page 3'; 5 = 'page 5, asked for ahead' }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $Emulator = Start-EmulatorProcess -ArgumentList @('--no-sample-data', '--generate', 'pump-a=50')
    $Connection = @{
        EndpointUrl = $Emulator.Url; Region = 'us-east-1'; AccessKey = 'AKIAFAULTTESTS000001'
        SecretKey = 'fault-tests-secret'
    }
    $CommandName = 'LookoutTools.Cmdlets.GetLEModelVersionCommand'
    $AllVersions = @(Get-LEModelVersion pump-a -All @Connection).ModelVersion

    function Invoke-Faulted([hashtable] $Rule, [hashtable] $Extra = @{}) {
        Clear-EmulatorRequest -Emulator $Emulator
        Set-EmulatorFault -Emulator $Emulator -Rule @($Rule)
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $everything = @(Get-LEModelVersion pump-a -All -PageSize 10 @Connection @Extra 2>&1)
        $watch.Stop()
        Clear-EmulatorFault -Emulator $Emulator
        [pscustomobject]@{
            Versions = @($everything |
                    Where-Object { $_ -is [LookoutTools.Models.ModelVersionSummary] })
            Errors   = @($everything |
                    Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            Seconds  = $watch.Elapsed.TotalSeconds
        }
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'A page that fails for good' {
    It '<Kind> on <Where> ends in <ErrorId> with nothing lost and a token that resumes' -ForEach @(
        foreach ($fault in @(
                @{
                    Kind     = 'error'
                    Rule     = @{ HttpStatus = 400; ErrorType = 'ThrottlingException' }
                    ErrorId  = 'Throttled'
                    Category = 'LimitsExceeded'
                }
                @{
                    Kind     = 'http429'
                    Rule     = @{}
                    ErrorId  = 'Throttled'
                    Category = 'LimitsExceeded'
                }
                @{
                    Kind     = 'http500'
                    Rule     = @{}
                    ErrorId  = 'InternalServerError'
                    Category = 'ResourceUnavailable'
                }
                @{
                    Kind     = 'http503'
                    Rule     = @{}
                    ErrorId  = 'InternalServerError'
                    Category = 'ResourceUnavailable'
                }
                @{
                    Kind     = 'drop-before-body'
                    Rule     = @{}
                    ErrorId  = 'ConnectionFailed'
                    Category = 'ConnectionError'
                }
                @{
                    Kind     = 'drop-mid-body'
                    Rule     = @{}
                    ErrorId  = 'ConnectionFailed'
                    Category = 'ConnectionError'
                }
                @{
                    Kind     = 'truncated-body'
                    Rule     = @{}
                    ErrorId  = 'ConnectionFailed'
                    Category = 'ConnectionError'
                }
                @{
                    Kind     = 'malformed-json'
                    Rule     = @{}
                    ErrorId  = 'InvalidResponse'
                    Category = 'InvalidData'
                }
                @{
                    Kind     = 'wrong-content-type'
                    Rule     = @{}
                    ErrorId  = 'InvalidResponse'
                    Category = 'InvalidData'
                }
                @{
                    Kind     = 'hang'
                    Rule     = @{}
                    ErrorId  = 'RequestTimedOut'
                    Category = 'OperationTimeout'
                }
            )) {
            foreach ($page in 1, 3, 5) {
                $fault + @{ Page = $page; Where = $PageNames[$page] }
            }
        }
    ) {
        $rule = @{ Kind = $Kind; Times = 0; OnRequest = $Page } + $Rule

        # Long enough for the SDK's retries with backoff; only the hung answer needs it.
        $result = Invoke-Faulted $rule @{ TimeoutSec = 8 }

        $kept = ($Page - 1) * 10
        $result.Versions.ModelVersion |
            Should -Be ($(if ($kept) { $AllVersions[0..($kept - 1)] } else { $null }))
        $result.Errors | Should -HaveCount 1
        $record = $result.Errors[0]
        $record.FullyQualifiedErrorId | Should -BeExactly "$ErrorId,$CommandName"
        $record.CategoryInfo.Category | Should -Be $Category
        $record.Exception.PageNumber | Should -Be $Page
        $result.Seconds | Should -BeLessThan 12
        if ($Page -eq 1) {
            $record.Exception.ResumeToken | Should -BeNullOrEmpty
        }
        else {
            $token = $record.Exception.ResumeToken
            $record.Exception.Message |
                Should -BeLike "*Everything before this page was written*-NextToken '$token'*"
            $rest = @(Get-LEModelVersion pump-a -All -PageSize 10 -NextToken $token @Connection)
            ($result.Versions.ModelVersion + $rest.ModelVersion) | Should -Be $AllVersions
        }
    }
}

Describe 'How often a failing page was tried' {
    It 'says how many attempts a throttled page took, as many as reached the endpoint' {
        $result = Invoke-Faulted @{
            Kind = 'error'; HttpStatus = 400; ErrorType = 'ThrottlingException'
            Times = 0; OnRequest = 3
        }

        $requests = @(Get-EmulatorRequest -Emulator $Emulator).Count
        $pageThreeAttempts = $requests - 2
        $pageThreeAttempts | Should -BeGreaterThan 1
        $result.Errors[0].Exception.Message |
            Should -BeLike "*ThrottlingException: *($pageThreeAttempts attempts)*"
    }

    It 'says that no retry was made when only one attempt was allowed' {
        $env:AWS_MAX_ATTEMPTS = '1'
        try {
            $result = Invoke-Faulted @{ Kind = 'http500'; Times = 0; OnRequest = 3 }
        }
        finally { $env:AWS_MAX_ATTEMPTS = $null }

        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 3
        $message = $result.Errors[0].Exception.Message
        $message | Should -BeLike '*AWSSDK.Core made no retry*AWS_MAX_ATTEMPTS is 1*'
        $message | Should -Not -BeLike '*attempts)*'
    }
}

Describe 'Faults the SDK retries through' {
    BeforeAll {
        # An endpoint of its own: AWSSDK.Core keeps a retry quota per endpoint for the whole
        # process, and the failures above spend much of the first emulator's.
        $Emulator = Start-EmulatorProcess -ArgumentList @(
            '--no-sample-data', '--generate', 'pump-a=50')
        $Connection = $Connection.Clone()
        $Connection.EndpointUrl = $Emulator.Url
    }

    AfterAll {
        if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    }

    It '<Kind> once on <Where> loses nothing and repeats nothing' -ForEach @(
        foreach ($kind in 'http429', 'http500', 'http503', 'drop-before-body', 'drop-mid-body',
            'truncated-body') {
            foreach ($page in 1, 3, 5) {
                @{ Kind = $kind; Page = $page; Where = $PageNames[$page] }
            }
        }
    ) {
        $result = Invoke-Faulted @{ Kind = $Kind; Times = 1; OnRequest = $Page }

        $result.Errors | Should -HaveCount 0
        $result.Versions.ModelVersion | Should -Be $AllVersions
    }

    It 'a burst of throttling within the retry budget loses nothing' {
        $result = Invoke-Faulted @{
            Kind       = 'error'
            HttpStatus = 400
            ErrorType  = 'ThrottlingException'
            Times      = 2
            OnRequest  = 2
        }

        $result.Errors | Should -HaveCount 0
        $result.Versions.ModelVersion | Should -Be $AllVersions
    }

    It 'a body that stalls half way on <Where> ends at -TimeoutSec with a resume token' -ForEach @(
        @{ Page = 3; Where = 'page 3' }
        @{ Page = 5; Where = 'page 5, asked for ahead' }
    ) {
        $result = Invoke-Faulted -Extra @{ TimeoutSec = 1 } -Rule @{
            Kind = 'stall-mid-body'; Times = 0; OnRequest = $Page
        }

        $result.Errors | Should -HaveCount 1
        $record = $result.Errors[0]
        $record.FullyQualifiedErrorId | Should -BeExactly "RequestTimedOut,$CommandName"
        $record.Exception.PageNumber | Should -Be $Page
        $record.Exception.ResumeToken | Should -Not -BeNullOrEmpty
        $result.Versions.ModelVersion | Should -Be $AllVersions[0..(($Page - 1) * 10 - 1)]
        # The stalled connection stays open for 120 s; only the time limit may end the wait.
        $result.Seconds | Should -BeLessThan 6
    }

    It 'throttling that outlasts -TimeoutSec is reported as throttling, with a resume token' {
        # Enough attempts that the retries, with their backoff, outlast the time limit.
        $env:AWS_MAX_ATTEMPTS = '30'
        try {
            $result = Invoke-Faulted -Extra @{ TimeoutSec = 2 } -Rule @{
                Kind       = 'error'
                HttpStatus = 400
                ErrorType  = 'ThrottlingException'
                Times      = 0
                OnRequest  = 3
            }
            $requests = @(Get-EmulatorRequest -Emulator $Emulator).Count
        }
        finally { $env:AWS_MAX_ATTEMPTS = $null }

        $result.Errors | Should -HaveCount 1
        $record = $result.Errors[0]
        $record.FullyQualifiedErrorId | Should -BeExactly "Throttled,$CommandName"
        $record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $record.Exception.Message |
            Should -BeLike "*ThrottlingException*; the last answer before the 2 s time limit ended*"
        $record.Exception.Message | Should -BeLike '*allow longer with -TimeoutSec*'
        # The service's answer is still the news: its code and request id come with it.
        $record.Exception.Message |
            Should -BeLike '*time limit ended the SDK''s retries) (request id *'
        $record.Exception.ErrorCode | Should -BeExactly 'ThrottlingException'
        $record.Exception.RequestId | Should -Not -BeNullOrEmpty
        $record.Exception.PageNumber | Should -Be 3
        $record.Exception.ResumeToken | Should -Not -BeNullOrEmpty
        $result.Versions.ModelVersion | Should -Be $AllVersions[0..19]
        # Pages 1 and 2, then page 3 retried at least once before the time limit ended it.
        $requests | Should -BeGreaterOrEqual 4
        $result.Seconds | Should -BeLessThan 6
    }

    It 'a slow answer is waited for' {
        $result = Invoke-Faulted @{ Kind = 'delay'; DelayMs = 700; Times = 1; OnRequest = 2 }

        $result.Errors | Should -HaveCount 0
        $result.Versions.ModelVersion | Should -Be $AllVersions
        $result.Seconds | Should -BeGreaterThan 0.6
    }
}

Describe 'Answers that cannot be followed' {
    It 'stops when the endpoint answers a page with the token it was asked with' {
        $result = Invoke-Faulted @{ Kind = 'repeat-token'; Times = 0; OnRequest = 3 }

        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "RepeatedNextToken,$CommandName"
        $result.Errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $result.Errors[0].Exception.PageNumber | Should -Be 3
        $result.Errors[0].Exception.ResumeToken | Should -BeNullOrEmpty
        $result.Versions.ModelVersion | Should -Be $AllVersions[0..29]
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 3
    }

    It 'stops when the first page''s token leads back to itself, after two requests' {
        $result = Invoke-Faulted @{ Kind = 'repeat-token'; Times = 0 }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "RepeatedNextToken,$CommandName"
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 2
        $result.Seconds | Should -BeLessThan 5
    }

    It 'stops at an empty page that repeats its token, offering that token to resume' {
        $result = Invoke-Faulted @{ Kind = 'empty-page-with-token'; Times = 1; OnRequest = 3 }

        $result.Errors | Should -HaveCount 1
        $record = $result.Errors[0]
        $record.FullyQualifiedErrorId | Should -BeExactly "RepeatedNextToken,$CommandName"
        $record.Exception.Message | Should -BeLike '*no versions and the same NextToken*'
        $result.Versions.ModelVersion | Should -Be $AllVersions[0..19]

        # Nothing was skipped: the same token, asked again later, goes on from version 21.
        $token = $record.Exception.ResumeToken
        $token | Should -Not -BeNullOrEmpty
        $record.Exception.Message | Should -BeLike "*-NextToken '$token'*"
        $rest = @(Get-LEModelVersion pump-a -All -PageSize 10 -NextToken $token @Connection)
        ($result.Versions.ModelVersion + $rest.ModelVersion) | Should -Be $AllVersions
    }

    It 'stops at empty pages that keep repeating their token' {
        $result = Invoke-Faulted @{ Kind = 'empty-page-with-token'; Times = 0; OnRequest = 3 }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeExactly "RepeatedNextToken,$CommandName"
        $result.Versions.ModelVersion | Should -Be $AllVersions[0..19]
    }
}

Describe 'A listing that never makes progress' {
    It 'stops after 100 pages in a row with no versions and another token' {
        $stalled = Start-EmulatorProcess -ArgumentList @(
            '--no-sample-data', '--generate', 'pump-s=300')
        try {
            $faultRequest = @{
                Method      = 'Post'
                Uri         = ($stalled.Url.TrimEnd('/') + '/_emulator/faults')
                ContentType = 'application/json'
                Body        = '[{"Kind":"empty-page","Times":0}]'
            }
            $null = Invoke-RestMethod @faultRequest
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $everything = @(Get-LEModelVersion pump-s -All -PageSize 1 -EndpointUrl $stalled.Url `
                    -Region us-east-1 -AccessKey AKIAFAULTTESTS000001 -SecretKey x 2>&1)
            $watch.Stop()
            $requests = @(Get-EmulatorRequest -Emulator $stalled)
        }
        finally { Stop-EmulatorProcess -Emulator $stalled }

        $record = $everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }
        $record.FullyQualifiedErrorId | Should -BeExactly "StalledListing,$CommandName"
        $record.Exception.Message |
            Should -BeLike '*100 pages in a row, up to page 100, with no versions*'
        $record.Exception.ResumeToken | Should -BeNullOrEmpty
        $requests | Should -HaveCount 100
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
    }
}

Describe 'Odd but valid answers' {
    It 'keeps Status and ModelQuality values this build does not know' {
        $result = Invoke-Faulted @{ Kind = 'unknown-enum'; Times = 1 }

        $result.Errors | Should -HaveCount 0
        $result.Versions | Should -HaveCount 50
        @($result.Versions.Status + $result.Versions.ModelQuality) |
            Where-Object { $_ -notin 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'IMPORT_IN_PROGRESS',
                'CANCELED', 'QUALITY_THRESHOLD_MET', 'CANNOT_DETERMINE_QUALITY',
                'POOR_QUALITY_DETECTED' } |
            Should -Not -BeNullOrEmpty
    }

    It 'returns versions whose optional fields are missing' {
        $result = Invoke-Faulted @{ Kind = 'missing-fields'; Times = 1 }

        $result.Errors | Should -HaveCount 0
        $result.Versions | Should -HaveCount 50
        @($result.Versions | Where-Object { $null -eq $_.ModelArn -or $null -eq $_.CreatedAt }) |
            Should -Not -BeNullOrEmpty
    }

    It 'ignores members it does not know' {
        $result = Invoke-Faulted @{ Kind = 'extra-fields'; Times = 0 }

        $result.Errors | Should -HaveCount 0
        $result.Versions.ModelVersion | Should -Be $AllVersions
    }

    It 'reads a page of 500 versions with long ARNs' {
        $long = 'm' * 200
        $versions = @(New-ModelVersionData -ModelName $long -Count 500)
        $file = Save-ModelVersionData -Versions $versions -Path (Join-Path $TestDrive 'long.json')
        $big = Start-EmulatorProcess -ArgumentList @('--no-sample-data', '--data', $file)
        try {
            $listing = @{
                PageSize    = 500
                EndpointUrl = $big.Url
                Region      = 'us-east-1'
                AccessKey   = 'AKIAFAULTTESTS000001'
                SecretKey   = 'x'
            }
            $listed = @(Get-LEModelVersion $long @listing -WarningVariable warnings)
        }
        finally { Stop-EmulatorProcess -Emulator $big }

        $listed | Should -HaveCount 500
        $warnings | Should -HaveCount 0
        $listed[0].ModelVersionArn.Length | Should -BeGreaterThan 250
    }
}

Describe 'Ctrl+C' {
    It 'cancels a <Kind> request for page <Page> and returns within a second' -ForEach @(
        @{ Kind = 'hang'; Page = 2 }
        # Asked for ahead, while page 4 was being written.
        @{ Kind = 'hang'; Page = 5 }
        # Half an answer, then silence: the body read itself must give way.
        @{ Kind = 'stall-mid-body'; Page = 2 }
        @{ Kind = 'stall-mid-body'; Page = 5 }
    ) {
        Set-EmulatorFault -Emulator $Emulator -Rule @(
            @{ Kind = $Kind; Times = 0; OnRequest = $Page })
        $manifest = Join-Path $RepositoryRoot 'LookoutTools.psd1'
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Manifest, $Connection)
                    Import-Module $Manifest
                    Get-LEModelVersion pump-a -All -PageSize 10 @Connection
                }).AddArgument($manifest).AddArgument($Connection)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $running = $shell.BeginInvoke(
                [System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            $written = ($Page - 1) * 10
            while ($output.Count -lt $written -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            Start-Sleep -Milliseconds 300

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $watch.Stop()

            $output | Should -HaveCount $written
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $shell.Dispose()
            Clear-EmulatorFault -Emulator $Emulator
        }
    }
}

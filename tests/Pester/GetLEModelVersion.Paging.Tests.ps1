# Paging: one page and a warning without -All, every page with it, resuming with -NextToken,
# streaming page by page, and stopping early when the pipeline needs no more.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $PumpA = @(New-ModelVersionData -ModelName 'pump-a' -Count 120)
    $PumpB = @(New-ModelVersionData -ModelName 'pump-b' -Count 30)
    $dataPath = Join-Path $TestDrive 'data.json'
    $dataFile = Save-ModelVersionData -Versions ($PumpA + $PumpB) -Path $dataPath
    $Emulator = Start-EmulatorProcess -ArgumentList @('--data', $dataFile,
        '--default-page-size', '25', '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
    $Connection = @{
        EndpointUrl = $Emulator.Url; Region = 'us-east-1'
        AccessKey = $TestAccessKey; SecretKey = $TestSecretKey
    }
    $NewestFirstA = @($PumpA | Sort-Object ModelVersion -Descending | ForEach-Object ModelVersion)
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'Get-LEModelVersion paging' {
    BeforeEach { Clear-EmulatorRequest -Emulator $Emulator }

    It 'writes one page and warns once, with the token, when more exist' {
        $versions = @(Get-LEModelVersion pump-a @Connection -WarningVariable warnings 3>$null)

        $versions.ModelVersion | Should -Be $NewestFirstA[0..24]
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match (
            "^More versions of model 'pump-a' are available\. Add -All to list them all, " +
            "or run again with -NextToken '[^']+' for the next page\.$")
        $requests = @(Get-EmulatorRequest -Emulator $Emulator)
        $requests | Should -HaveCount 1
        $requests[0].Body | Should -BeExactly '{"ModelName":"pump-a"}'
    }

    It 'continues exactly where the warning said with -NextToken' {
        $null = Get-LEModelVersion pump-a -PageSize 40 @Connection -WarningVariable warnings 3>$null
        $token = [regex]::Match($warnings[0].Message, "-NextToken '([^']+)'").Groups[1].Value

        $next = @(Get-LEModelVersion pump-a -PageSize 40 -NextToken $token @Connection 3>$null)

        $next.ModelVersion | Should -Be $NewestFirstA[40..79]
        (Get-EmulatorRequest -Emulator $Emulator)[-1].Body | Should -BeExactly (
            '{"ModelName":"pump-a","NextToken":"' + $token + '","MaxResults":40}')
    }

    It 'says nothing when the only page is the last' {
        $versions = @(Get-LEModelVersion pump-b -PageSize 100 @Connection -WarningVariable warnings)

        $versions | Should -HaveCount 30
        $warnings | Should -HaveCount 0
    }

    It 'follows every page with -All, none lost and none twice' {
        $versions = @(
            Get-LEModelVersion pump-a -All -PageSize 10 @Connection -WarningVariable warnings)

        $versions.ModelVersion | Should -Be $NewestFirstA
        $warnings | Should -HaveCount 0
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 12
    }

    It 'asks for the largest pages with -All when no -PageSize is given' {
        $versions = @(Get-LEModelVersion pump-a -All @Connection)

        $versions | Should -HaveCount 120
        $requests = @(Get-EmulatorRequest -Emulator $Emulator)
        $requests | Should -HaveCount 1
        $requests[0].Body | Should -BeExactly '{"ModelName":"pump-a","MaxResults":500}'
    }

    It 'writes each page before asking for the next' {
        $requestsAtFirstObject = $null

        Get-LEModelVersion pump-a -All -PageSize 10 @Connection | ForEach-Object {
            if ($null -eq $requestsAtFirstObject) {
                $requestsAtFirstObject = @(Get-EmulatorRequest -Emulator $Emulator).Count
            }
        }

        $requestsAtFirstObject | Should -Be 1
    }

    It 'asks for pages from the fourth on while the page before is still being written' {
        $requestsSeen = @{}

        Get-LEModelVersion pump-a -All -PageSize 10 @Connection | ForEach-Object -Begin {
            $position = 0
        } -Process {
            $position++
            if ($position -eq 11) {
                $requestsSeen.AtFirstOfPage2 = @(Get-EmulatorRequest -Emulator $Emulator).Count
            }
            if ($position -eq 40) {
                # This consumer holds the last version of page 4; page 5 must come regardless.
                $deadline = [DateTime]::UtcNow.AddSeconds(10)
                do {
                    $count = @(Get-EmulatorRequest -Emulator $Emulator).Count
                    if ($count -ge 5) { break }
                    Start-Sleep -Milliseconds 20
                } while ([DateTime]::UtcNow -lt $deadline)
                $requestsSeen.AtLastOfPage4 = $count
            }
        }

        $requestsSeen.AtFirstOfPage2 | Should -Be 2
        $requestsSeen.AtLastOfPage4 | Should -Be 5
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 12
    }

    It 'asks for at most one unused page when the pipeline stops after the third page starts' {
        $versions = @(Get-LEModelVersion pump-a -All -PageSize 10 @Connection |
            Select-Object -First 25)

        $versions.ModelVersion | Should -Be $NewestFirstA[0..24]
        @(Get-EmulatorRequest -Emulator $Emulator).Count | Should -BeIn 3, 4
    }

    It 'stops asking once Select-Object -First has enough' -ForEach @(
        @{ First = 3; Requests = 1 }
        @{ First = 10; Requests = 1 }
        @{ First = 15; Requests = 2 }
        @{ First = 20; Requests = 2 }
    ) {
        $versions = @(Get-LEModelVersion pump-a -All -PageSize 10 @Connection |
            Select-Object -First $First)

        $versions.ModelVersion | Should -Be $NewestFirstA[0..($First - 1)]
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount $Requests
    }

    It 'lists several models given by name' {
        $versions = @(Get-LEModelVersion -ModelName pump-a, pump-b -All @Connection)

        @($versions | Where-Object ModelName -eq 'pump-a') | Should -HaveCount 120
        @($versions | Where-Object ModelName -eq 'pump-b') | Should -HaveCount 30
    }

    It 'takes ModelName from the pipeline by property name' {
        $models = [pscustomobject]@{ ModelName = 'pump-b' },
            [pscustomobject]@{ ModelName = 'pump-a' }

        $versions = @($models | Get-LEModelVersion -All @Connection)

        $versions[0].ModelName | Should -BeExactly 'pump-b'
        $versions | Should -HaveCount 150
    }

    It 'takes the names of model versions from the pipeline too' {
        $one = Get-LEModelVersion pump-b -MaxModelVersion 1 @Connection

        @($one | Get-LEModelVersion -All @Connection) | Should -HaveCount 30
    }

    It 'warns once per model that has more pages' {
        $null = Get-LEModelVersion -ModelName pump-a, pump-b -PageSize 20 @Connection `
            -WarningVariable warnings 3>$null

        $warnings | Should -HaveCount 2
        $warnings[1].Message | Should -Match "model 'pump-b'"
    }

    It 'refuses -NextToken with several models, before any request' {
        $names = 'pump-a', 'pump-b'
        { Get-LEModelVersion -ModelName $names -NextToken 'abc' @Connection -ErrorAction Stop } |
            Should -Throw -ErrorId (
                'NextTokenNeedsOneModel,LookoutTools.Cmdlets.GetLEModelVersionCommand')

        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }

    It 'logs the endpoint and each page with -Verbose' {
        $verbose = Get-LEModelVersion pump-a -All -PageSize 50 @Connection -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
            ForEach-Object Message

        $verbose[0] |
            Should -BeLike "Using endpoint $($Emulator.Url)* region us-east-1 (from -Region)*"
        $verbose | Should -Contain "Received page 1: 50 model versions of 'pump-a'."
        $verbose | Should -Contain "Received page 3: 20 model versions of 'pump-a'."
    }
}

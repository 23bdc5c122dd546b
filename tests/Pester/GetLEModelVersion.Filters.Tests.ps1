# Each filter alone and all together, against an emulator serving data the test wrote: both
# the request body the emulator received and the objects the cmdlet returned are checked.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $Versions = @(New-ModelVersionData -ModelName 'pump-a' -Count 60)
    $dataFile = Save-ModelVersionData -Versions $Versions -Path (Join-Path $TestDrive 'data.json')
    $Emulator = Start-EmulatorProcess -ArgumentList @('--data', $dataFile,
        '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
    $Connection = @{
        EndpointUrl = $Emulator.Url; Region = 'us-east-1'
        AccessKey = $TestAccessKey; SecretKey = $TestSecretKey
    }

    function Invoke-Listing([hashtable] $Filters) {
        Clear-EmulatorRequest -Emulator $Emulator
        $result = @(Get-LEModelVersion -ModelName 'pump-a' -All @Filters @Connection)
        $requests = @(Get-EmulatorRequest -Emulator $Emulator)
        [pscustomobject]@{ Versions = $result; Requests = $requests }
    }

    function Get-Expected([scriptblock] $Where) {
        # The emulator, like the service, lists the newest version first.
        @($Versions | Where-Object $Where | Sort-Object ModelVersion -Descending |
            ForEach-Object ModelVersion)
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'Get-LEModelVersion filters' {
    Context 'one filter at a time' -ForEach @(
        @{ Case = 'Status'; Filters = @{ Status = 'FAILED' }
            Body = '{"ModelName":"pump-a","MaxResults":500,"Status":"FAILED"}'
            Where = { $_.Status -eq 'FAILED' } }
        @{ Case = 'SourceType'; Filters = @{ SourceType = 'IMPORT' }
            Body = '{"ModelName":"pump-a","MaxResults":500,"SourceType":"IMPORT"}'
            Where = { $_.SourceType -eq 'IMPORT' } }
        @{ Case = 'MinModelVersion'; Filters = @{ MinModelVersion = 45 }
            Body = '{"ModelName":"pump-a","MaxResults":500,"MinModelVersion":45}'
            Where = { $_.ModelVersion -ge 45 } }
        @{ Case = 'MaxModelVersion'; Filters = @{ MaxModelVersion = 12 }
            Body = '{"ModelName":"pump-a","MaxResults":500,"MaxModelVersion":12}'
            Where = { $_.ModelVersion -le 12 } }
        @{ Case = 'CreatedAtStartTime'
            Filters = @{
                CreatedAtStartTime = [datetime]::new(2024, 2, 10, 12, 0, 0, [DateTimeKind]::Utc)
            }
            Body = '{"ModelName":"pump-a","MaxResults":500,"CreatedAtStartTime":1707566400}'
            Where = {
                $_.CreatedAtUtc -ge [datetime]::new(2024, 2, 10, 12, 0, 0, [DateTimeKind]::Utc)
            }
        }
        @{ Case = 'CreatedAtEndTime'
            Filters = @{
                CreatedAtEndTime = [datetime]::new(2024, 1, 20, 0, 0, 0, 500, [DateTimeKind]::Utc)
            }
            Body = '{"ModelName":"pump-a","MaxResults":500,"CreatedAtEndTime":1705708800.5}'
            Where = {
                $_.CreatedAtUtc -le [datetime]::new(2024, 1, 20, 0, 0, 0, 500, [DateTimeKind]::Utc)
            }
        }
        @{ Case = 'PageSize'; Filters = @{ PageSize = 7 }
            Body = '{"ModelName":"pump-a","MaxResults":7}'
            Where = { $true } }
    ) {
        It 'sends only <Case> and returns exactly the matching versions' {
            $listing = Invoke-Listing $Filters

            $listing.Requests[0].Body | Should -BeExactly $Body
            $listing.Versions.ModelVersion | Should -Be (Get-Expected $Where)
        }
    }

    It 'applies every filter together' {
        $start = [datetime]::new(2024, 1, 5, 0, 0, 0, [DateTimeKind]::Utc)
        $end = [datetime]::new(2024, 2, 25, 0, 0, 0, [DateTimeKind]::Utc)
        $filters = @{
            Status = 'SUCCESS'; SourceType = 'TRAINING'; MinModelVersion = 5
            MaxModelVersion = 50; CreatedAtStartTime = $start; CreatedAtEndTime = $end
            PageSize = 2
        }

        $listing = Invoke-Listing $filters

        $expected = Get-Expected {
            $_.Status -eq 'SUCCESS' -and $_.SourceType -eq 'TRAINING' -and
            $_.ModelVersion -ge 5 -and $_.ModelVersion -le 50 -and
            $_.CreatedAtUtc -ge $start -and $_.CreatedAtUtc -le $end
        }
        $expected.Count | Should -BeGreaterThan 0
        $listing.Versions.ModelVersion | Should -Be $expected
        $listing.Requests[0].Body | Should -BeExactly ('{"ModelName":"pump-a","MaxResults":2,' +
            '"Status":"SUCCESS","SourceType":"TRAINING","CreatedAtEndTime":1708819200,' +
            '"CreatedAtStartTime":1704412800,"MaxModelVersion":50,"MinModelVersion":5}')
        $listing.Requests.Count | Should -Be ([math]::Ceiling($expected.Count / 2))
    }

    It 'treats a time without a kind as local time, as PowerShell does' {
        $local = [datetime]::new(2024, 2, 1, 9, 30, 0, [DateTimeKind]::Unspecified)

        $listing = Invoke-Listing @{ CreatedAtStartTime = $local }

        $epoch = [DateTimeOffset]::new($local.ToUniversalTime()).ToUnixTimeSeconds()
        $listing.Requests[0].Body | Should -BeExactly (
            '{"ModelName":"pump-a","MaxResults":500,"CreatedAtStartTime":' + $epoch + '}')
    }

    It 'returns every field of each version with its type' {
        $listing = Invoke-Listing @{ MinModelVersion = 33; MaxModelVersion = 33 }

        $listing.Versions | Should -HaveCount 1
        $source = $Versions | Where-Object ModelVersion -eq 33
        $version = $listing.Versions[0]
        $version | Should -BeOfType ([LookoutTools.Models.ModelVersionSummary])
        $version.ModelName | Should -BeExactly 'pump-a'
        $version.ModelArn | Should -BeExactly $source.ModelArn
        $version.ModelVersion | Should -BeOfType ([long])
        $version.ModelVersion | Should -Be 33
        $version.ModelVersionArn | Should -BeExactly $source.ModelVersionArn
        $version.CreatedAt.Kind | Should -Be ([DateTimeKind]::Utc)
        $version.CreatedAt | Should -Be $source.CreatedAtUtc
        $version.Status | Should -BeExactly $source.Status
        $version.SourceType | Should -BeExactly $source.SourceType
        $version.ModelQuality | Should -BeExactly $source.ModelQuality
    }

    It 'gives the used-by pipeline exactly the poor-quality versions' {
        Clear-EmulatorRequest -Emulator $Emulator

        $poor = @(Get-LEModelVersion -ModelName pump-a -All @Connection |
            Where ModelQuality -eq POOR_QUALITY_DETECTED)

        $poor.ModelVersion |
            Should -Be (Get-Expected { $_.ModelQuality -eq 'POOR_QUALITY_DETECTED' })
        $poor.Count | Should -BeGreaterThan 5
    }

    It 'lets Status values compare equal to the enum as well as the string' {
        $failed = @(Get-LEModelVersion -ModelName pump-a -All -Status FAILED @Connection)

        $failedValue = [LookoutTools.Models.ModelVersionStatus]::FAILED
        @($failed | Where-Object Status -eq $failedValue).Count |
            Should -Be $failed.Count
        @($failed | Where-Object Status -eq 'failed').Count | Should -Be $failed.Count
    }
}

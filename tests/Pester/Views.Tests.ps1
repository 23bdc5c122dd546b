# How the objects read: table and list views that make the time zone plain, and listings that
# survive Export-Clixml/Import-Clixml and ConvertTo-Json with readable values.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $dataParameters = @{
        Versions = @(New-ModelVersionData -ModelName 'pump-a' -Count 6)
        Path     = Join-Path $TestDrive 'data.json'
    }
    $dataFile = Save-ModelVersionData @dataParameters
    $Emulator = Start-EmulatorProcess -ArgumentList @('--data', $dataFile)
    $Connection = @{
        EndpointUrl = $Emulator.Url
        AccessKey   = $TestAccessKey
        SecretKey   = $TestSecretKey
    }
    $Iso8601Utc = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?Z$'
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'ModelSummary views' {
    BeforeAll {
        $Model = [LookoutTools.Models.ModelSummary]@{
            ModelName = 'pump-7'; Status = 'SUCCESS'; ActiveModelVersion = 12
            ModelQuality = 'QUALITY_THRESHOLD_MET'; DatasetName = 'pump-7-sensor-data'
            CreatedAt = [datetime]::new(2024, 5, 1, 10, 20, 30, 250, [DateTimeKind]::Utc)
            ModelArn = 'arn:model'; DatasetArn = 'arn:dataset'
            ActiveModelVersionArn = 'arn:version'
        }
    }

    It 'shows name, status, active version, quality, dataset and CreatedAt in UTC in a table' {
        $table = $Model | Format-Table | Out-String -Width 200

        $table | Should -Match (
            'ModelName\s+Status\s+ActiveVersion\s+ModelQuality\s+DatasetName\s+CreatedAt \(UTC\)')
        $table | Should -Match (
            'pump-7\s+SUCCESS\s+12\s+QUALITY_THRESHOLD_MET\s+' +
            'pump-7-sensor-data\s+2024-05-01 10:20:30Z')
    }

    It 'shows every member in a list, and scheduled retraining only when there is some' {
        $list = $Model | Format-List | Out-String

        foreach ($label in 'ModelName', 'Status', 'ActiveModelVersion', 'ModelQuality',
            'DatasetName', 'ModelArn', 'DatasetArn', 'ActiveModelVersionArn') {
            $list | Should -Match "(?m)^$label\s+:"
        }
        $list | Should -Match '(?m)^CreatedAt\s+: 2024-05-01 10:20:30\.250Z$'
        $list | Should -Not -Match 'Retraining'

        $retrained = [LookoutTools.Models.ModelSummary]@{
            ModelName = 'pump-7'; RetrainingSchedulerStatus = 'RUNNING'
            NextScheduledRetrainingStartDate = [datetime]::new(
                2024, 6, 1, 0, 0, 0, [DateTimeKind]::Utc)
        }
        $retrainedList = $retrained | Format-List | Out-String
        $retrainedList | Should -Match '(?m)^RetrainingSchedulerStatus\s+: RUNNING$'
        $retrainedList |
            Should -Match '(?m)^NextScheduledRetrainingStartDate\s+: 2024-06-01 00:00:00\.000Z$'
    }

    It 'shows the time in UTC whatever the local time zone' {
        # The view formats the UTC value itself; no local time is involved.
        $Model.CreatedAt.Kind | Should -Be 'Utc'
        ($Model | Format-Table | Out-String -Width 200) | Should -Match '10:20:30Z'
    }
}

Describe 'ModelVersionSummary, saved and read back' {
    BeforeAll {
        $Live = @(Get-LEModelVersion pump-a -All @Connection)
    }

    It 'survives Export-Clixml and Import-Clixml with the same values' {
        $path = Join-Path $TestDrive 'versions.xml'
        $Live | Export-Clixml -Path $path

        $read = @(Import-Clixml -Path $path)

        $read | Should -HaveCount 6
        for ($index = 0; $index -lt $Live.Count; $index++) {
            foreach ($name in 'ModelName', 'ModelArn', 'ModelVersion', 'ModelVersionArn', 'Status',
                'SourceType', 'ModelQuality') {
                $read[$index].$name | Should -Be $Live[$index].$name -Because $name
            }
            $read[$index].ModelVersion | Should -BeOfType ([long])
            $read[$index].CreatedAt.Kind | Should -Be 'Utc'
            $read[$index].CreatedAt.Ticks | Should -Be $Live[$index].CreatedAt.Ticks
        }
        Get-Content -Raw $path | Should -Match (
            '<S N="Status">(SUCCESS|FAILED|IN_PROGRESS|IMPORT_IN_PROGRESS|CANCELED)</S>')
    }

    It 'shows what was read back in the same table as live versions' {
        $path = Join-Path $TestDrive 'table.xml'
        $Live | Export-Clixml -Path $path

        $saved = Import-Clixml -Path $path | Format-Table | Out-String -Width 200
        $live = $Live | Format-Table | Out-String -Width 200

        $saved | Should -BeExactly $live
        $saved | Should -Match 'CreatedAt \(UTC\)'
    }

    It 'can be compared with a later listing' {
        $path = Join-Path $TestDrive 'compare.xml'
        $Live | Export-Clixml -Path $path

        $earlier = Import-Clixml -Path $path
        $later = Get-LEModelVersion pump-a -All @Connection
        $differences = Compare-Object $earlier $later -Property ModelVersion, Status,
            ModelQuality, CreatedAt

        $differences | Should -BeNullOrEmpty
    }

    It 'converts to JSON with names for the enums and ISO 8601 UTC times' {
        $json = $Live | ConvertTo-Json

        $parsed = [System.Text.Json.JsonDocument]::Parse($json).RootElement
        $parsed.GetArrayLength() | Should -Be 6
        $first = $parsed[0]
        $first.GetProperty('CreatedAt').GetString() | Should -Match $Iso8601Utc
        $first.GetProperty('Status').GetString() | Should -BeExactly $Live[0].Status
        $first.GetProperty('SourceType').GetString() | Should -BeExactly $Live[0].SourceType
        $first.GetProperty('ModelQuality').GetString() | Should -BeExactly $Live[0].ModelQuality
        $first.GetProperty('ModelVersion').GetInt64() | Should -Be $Live[0].ModelVersion
    }

    It 'reads back from JSON with the same instant' {
        $back = @($Live | ConvertTo-Json | ConvertFrom-Json)

        ([datetime]$back[0].CreatedAt).ToUniversalTime() | Should -Be $Live[0].CreatedAt
    }

    It 'converts a ModelSummary to JSON the same way' {
        $model = Get-LEModel -ModelNameBeginsWith pump-a @Connection

        $json = [System.Text.Json.JsonDocument]::Parse(($model | ConvertTo-Json)).RootElement

        $json.GetProperty('CreatedAt').GetString() | Should -Match $Iso8601Utc
        $json.GetProperty('Status').GetString() | Should -BeExactly 'SUCCESS'
    }
}

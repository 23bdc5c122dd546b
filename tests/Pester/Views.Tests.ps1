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

    It 'shows name, status, active version and quality in a table' {
        $table = $Model | Format-Table | Out-String -Width 200

        $table | Should -Match '(?m)^ModelName\s+Status\s+ActiveVersion\s+ModelQuality$'
        $table | Should -Match '(?m)^pump-7\s+SUCCESS\s+12\s+QUALITY_THRESHOLD_MET$'
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
        ($Model | Format-List | Out-String) | Should -Match '10:20:30\.250Z'
    }
}

Describe 'Tables on an 80-column console' {
    BeforeAll {
        # The widest values each column can hold: the longest enum names and a 7-digit version.
        $created = [datetime]::new(2024, 5, 1, 10, 20, 30, [DateTimeKind]::Utc)
        $Versions = foreach ($name in 'compressor-a12', 'plant-a-line-3-feedwater-pump-7') {
            [LookoutTools.Models.ModelVersionSummary]@{
                ModelName = $name; ModelVersion = 1234567; Status = 'IMPORT_IN_PROGRESS'
                SourceType = 'RETRAINING'; ModelQuality = 'CANNOT_DETERMINE_QUALITY'
                CreatedAt = $created
            }
        }
        $Models = @(
            [LookoutTools.Models.ModelSummary]@{
                ModelName = 'plant-a-line-3-pump-7'; Status = 'IMPORT_IN_PROGRESS'
                ActiveModelVersion = 1234567; ModelQuality = 'CANNOT_DETERMINE_QUALITY'
                DatasetName = 'plant-a-line-3-pump-7-sensor-data'; CreatedAt = $created
            }
            [LookoutTools.Models.ModelSummary]@{
                ModelName = 'plant-a-line-3-feedwater-pump-7-north'; Status = 'SUCCESS'
                ActiveModelVersion = 3; ModelQuality = 'POOR_QUALITY_DETECTED'
            }
        )

        function Format-At80Columns([object[]] $InputObject) {
            # Out-String lays the table out for the width given, whatever the host's own width.
            @($InputObject | Format-Table | Out-String -Width 80 -Stream |
                    Where-Object { $_.Trim() })
        }

        function Save-AndRead([object[]] $InputObject, [string] $Name) {
            $path = Join-Path $TestDrive "$Name.xml"
            $InputObject | Export-Clixml -Path $path
            Import-Clixml -Path $path
        }
    }

    It 'fits every version line in 79 characters with every column whole (<Source>)' -ForEach @(
        @{ Source = 'live' }
        @{ Source = 'read back with Import-Clixml' }
    ) {
        $shown = if ($Source -eq 'live') { $Versions } else { Save-AndRead $Versions 'v80' }

        $lines = Format-At80Columns $shown

        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 -Because $_ }
        $lines | Should -Contain '   ModelName: compressor-a12'
        $lines | Should -Contain '   ModelName: plant-a-line-3-feedwater-pump-7'
        $headers = @($lines -match '^ModelVersion\s+Status\s+ModelQuality\s+CreatedAt \(UTC\)$')
        $headers | Should -HaveCount 2
        $rows = @($lines -match (
                '^\s+1234567 IMPORT_IN_PROGRESS CANNOT_DETERMINE_QUALITY 2024-05-01 10:20:30Z$'))
        $rows | Should -HaveCount 2
        ($lines -join "`n") | Should -Not -Match '…'
    }

    It 'fits every model line in 79 characters with every column whole (<Source>)' -ForEach @(
        @{ Source = 'live' }
        @{ Source = 'read back with Import-Clixml' }
    ) {
        $shown = if ($Source -eq 'live') { $Models } else { Save-AndRead $Models 'm80' }

        $lines = Format-At80Columns $shown

        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 -Because $_ }
        $lines[0] | Should -Match '^ModelName\s+Status\s+ActiveVersion\s+ModelQuality$'
        $lines[2] | Should -Match (
            '^plant-a-line-3-pump-7 IMPORT_IN_PROGRESS\s+1234567 CANNOT_DETERMINE_QUALITY$')
        $lines | Should -HaveCount 4
    }

    It 'ends a model name too long for its column with an ellipsis, and lists it whole' {
        $lines = Format-At80Columns $Models

        $lines[3] | Should -Match '^plant-a-line-3-feedw…\s+SUCCESS\s+3 POOR_QUALITY_DETECTED$'
        ($Models[1] | Format-List | Out-String) |
            Should -Match '(?m)^ModelName\s+: plant-a-line-3-feedwater-pump-7-north$'
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

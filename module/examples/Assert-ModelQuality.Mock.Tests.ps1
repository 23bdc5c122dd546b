BeforeAll {
    Import-Module LookoutTools -ErrorAction Stop
    $Runbook = Join-Path $PSScriptRoot 'Assert-ModelQuality.ps1'

    function New-FakeVersion([long] $Version, [string] $Quality) {
        [LookoutTools.Models.ModelVersionSummary]@{
            ModelName    = 'pump-7'
            ModelVersion = $Version
            Status       = 'SUCCESS'
            SourceType   = 'TRAINING'
            ModelQuality = $Quality
            CreatedAt    = [datetime]::new(2026, 3, $Version, 8, 0, 0, [DateTimeKind]::Utc)
        }
    }
}

Describe 'Assert-ModelQuality, with Get-LEModelVersion mocked' {
    It 'fails when the newest successful version is of poor quality' {
        Mock Get-LEModelVersion {
            New-FakeVersion 2 'QUALITY_THRESHOLD_MET'
            New-FakeVersion 3 'POOR_QUALITY_DETECTED'
        }

        { & $Runbook -ModelName pump-7 } |
            Should -Throw "Version 3 of model 'pump-7' is of poor quality."
        Should -Invoke Get-LEModelVersion -Times 1 -Exactly -ParameterFilter {
            $ModelName -eq 'pump-7' -and $Status -eq 'SUCCESS'
        }
    }

    It 'passes when the newest successful version met the quality threshold' {
        Mock Get-LEModelVersion {
            New-FakeVersion 3 'POOR_QUALITY_DETECTED'
            New-FakeVersion 4 'QUALITY_THRESHOLD_MET'
        }

        & $Runbook -ModelName pump-7 |
            Should -Be "Version 4 of model 'pump-7' is fine: QUALITY_THRESHOLD_MET."
    }
}

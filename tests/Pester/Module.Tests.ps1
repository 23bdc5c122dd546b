# The module as PowerShell sees it: manifest, exports, views, completion, and where requests
# go when the endpoint comes from the environment.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $ManifestPath = Join-Path $RepositoryRoot 'LookoutTools.psd1'
    $dataParameters = @{
        Versions = @(New-ModelVersionData -ModelName 'pump-a' -Count 3)
        Path     = Join-Path $TestDrive 'data.json'
    }
    $dataFile = Save-ModelVersionData @dataParameters
    $Emulator = Start-EmulatorProcess -ArgumentList @('--data', $dataFile,
        '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'LookoutTools module' {
    It 'has a manifest that passes Test-ModuleManifest' {
        $manifest = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop

        $manifest.Name | Should -BeExactly 'LookoutTools'
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'exports exactly its cmdlets, named without wildcards' {
        $data = Import-PowerShellDataFile $ManifestPath

        $data.CmdletsToExport | Should -Be @('Get-LEModel', 'Get-LEModelVersion')
        (Get-Module LookoutTools).ExportedCmdlets.Keys | Sort-Object |
            Should -Be @('Get-LEModel', 'Get-LEModelVersion')
    }

    It 'gives the assembly the version of the manifest' {
        $data = Import-PowerShellDataFile $ManifestPath
        $assembly = [LookoutTools.Models.ModelVersionSummary].Assembly.GetName()

        $assembly.Version.ToString(3) | Should -BeExactly $data.ModuleVersion
        (Get-Module LookoutTools).Version.ToString() | Should -BeExactly $data.ModuleVersion
    }

    It 'completes <Parameter> from its enum' -ForEach @(
        @{
            Parameter = 'Status'
            Expected  = 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'IMPORT_IN_PROGRESS', 'CANCELED'
        }
        @{
            Parameter = 'SourceType'
            Expected  = 'TRAINING', 'RETRAINING', 'IMPORT'
        }
    ) {
        $line = "Get-LEModelVersion -ModelName pump-a -$Parameter "

        $expansion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions = $expansion.CompletionMatches

        $completions.CompletionText | Should -Be ($Expected | Sort-Object)
    }

    It 'shows ModelVersion, Status, ModelQuality and CreatedAt in a table under the ModelName' {
        $summary = [LookoutTools.Models.ModelVersionSummary]@{
            ModelName = 'pump-a'; ModelVersion = 7; Status = 'SUCCESS'; SourceType = 'TRAINING'
            ModelQuality = 'POOR_QUALITY_DETECTED'
            CreatedAt = [datetime]::new(2024, 5, 1, 10, 20, 30, [DateTimeKind]::Utc)
        }

        $table = $summary | Format-Table | Out-String -Width 200

        $table | Should -Match '(?m)^   ModelName: pump-a$'
        $table | Should -Match '(?m)^ModelVersion\s+Status\s+ModelQuality\s+CreatedAt \(UTC\)$'
        $table | Should -Match (
            '(?m)^\s+7 SUCCESS\s+POOR_QUALITY_DETECTED\s+2024-05-01 10:20:30Z$')
    }

    It 'has a list view with every field' {
        $summary = [LookoutTools.Models.ModelVersionSummary]@{
            ModelName = 'pump-a'; ModelVersionArn = 'arn:example'; ModelArn = 'arn:model'
        }

        $list = $summary | Format-List | Out-String

        foreach ($label in 'ModelName', 'ModelVersion', 'Status', 'SourceType', 'ModelQuality',
            'CreatedAt', 'ModelArn', 'ModelVersionArn') {
            $list | Should -Match "(?m)^$label\s+:"
        }
    }
}

Describe 'Where requests go' {
    BeforeEach { Clear-EmulatorRequest -Emulator $Emulator }

    It 'uses AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT and AWS_REGION from the environment' {
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Emulator.Url
        $env:AWS_REGION = 'eu-west-1'
        try {
            $versions = @(
                Get-LEModelVersion pump-a -AccessKey $TestAccessKey -SecretKey $TestSecretKey)
        }
        finally {
            $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $null
            $env:AWS_REGION = $null
        }

        $versions | Should -HaveCount 3
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 1
    }

    It 'keeps -EndpointUrl when -Region is also given, so nothing falls back to AWS' -ForEach @(
        @{ Region = 'us-east-1' }, @{ Region = 'eu-west-1' }, @{ Region = 'ap-northeast-2' }
    ) {
        $versions = @(Get-LEModelVersion pump-a -Region $Region -EndpointUrl $Emulator.Url `
                -AccessKey $TestAccessKey -SecretKey $TestSecretKey -Verbose 4>&1)

        @($versions | Where-Object { $_ -is [LookoutTools.Models.ModelVersionSummary] }) |
            Should -HaveCount 3
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 1
        ($versions | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })[0] |
            Should -BeLike "*Using endpoint $($Emulator.Url)*region $Region*"
    }

    It 'asks for a region when neither a region nor an endpoint is set' {
        $signing = @{ AccessKey = $TestAccessKey; SecretKey = $TestSecretKey }
        { Get-LEModelVersion pump-a @signing -ErrorAction Stop } |
            Should -Throw -ErrorId 'NoRegion,LookoutTools.Cmdlets.GetLEModelVersionCommand'
    }

    It 'says which profile is missing instead of falling back to another' {
        $missingProfile = @{ ProfileName = 'no-such-profile'; EndpointUrl = $Emulator.Url }
        { Get-LEModelVersion pump-a @missingProfile -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProfileNotFound,LookoutTools.Cmdlets.GetLEModelVersionCommand'
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }

    It 'signs with the keys of a named profile' {
        $credentials = Join-Path $TestDrive 'credentials'
        Set-Content -Path $credentials -Value @(
            '[emulator]',
            "aws_access_key_id = $TestAccessKey",
            "aws_secret_access_key = $TestSecretKey")
        $env:AWS_SHARED_CREDENTIALS_FILE = $credentials
        try {
            $versions = @(
                Get-LEModelVersion pump-a -ProfileName emulator -EndpointUrl $Emulator.Url)
        }
        finally {
            $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'aws-credentials-absent'
        }

        $versions | Should -HaveCount 3
        (Get-EmulatorRequest -Emulator $Emulator)[0].AccessKey | Should -BeExactly $TestAccessKey
    }
}

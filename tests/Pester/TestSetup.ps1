# Dot-sourced by every Pester file in its BeforeAll: imports the built module and the emulator
# helpers, isolates the AWS environment, and offers small helpers for test data.

$RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $RepositoryRoot 'LookoutTools.psd1') -Force
Import-Module (Join-Path $RepositoryRoot 'tests/Support/EmulatorProcess.psm1') -Force

# Keys the emulator checks signatures against. The secret is also a canary: no output stream
# may ever show it.
$TestAccessKey = 'AKIATESTLOOKOUT00001'
$TestSecretKey = 'canary-secret-7f3a9c41d2e8b6a0'

$script:SavedEnvironment = @{}
function Set-IsolatedAwsEnvironment {
    # Points the SDK at files that do not exist, so no test reads the machine's ~/.aws, and
    # turns off the instance metadata lookup. Restore-AwsEnvironment undoes it.
    foreach ($name in 'AWS_EC2_METADATA_DISABLED', 'AWS_CONFIG_FILE',
        'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
        'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL',
        'AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE',
        'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
        'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE',
        'AWS_ROLE_ARN', 'AWS_ROLE_SESSION_NAME', 'AWS_ENDPOINT_URL_STS') {
        # Saved once, on the first call, so that repeated calls still restore the original.
        if (-not $script:SavedEnvironment.ContainsKey($name)) {
            $script:SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        }
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_CONFIG_FILE = Join-Path $TestDrive 'aws-config-absent'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'aws-credentials-absent'
}

function Restore-AwsEnvironment {
    foreach ($name in $script:SavedEnvironment.Keys) {
        [Environment]::SetEnvironmentVariable($name, $script:SavedEnvironment[$name])
    }
}

function New-ModelVersionData {
    # Versions 1..Count of one model, one day apart from 2024-01-01 with a millisecond part,
    # cycling through every Status, SourceType and ModelQuality.
    param([Parameter(Mandatory)] [string] $ModelName, [Parameter(Mandatory)] [int] $Count)

    $statuses = 'SUCCESS', 'FAILED', 'IN_PROGRESS', 'IMPORT_IN_PROGRESS', 'CANCELED'
    $sources = 'TRAINING', 'RETRAINING', 'IMPORT'
    $qualities = 'QUALITY_THRESHOLD_MET', 'CANNOT_DETERMINE_QUALITY', 'POOR_QUALITY_DETECTED'
    $modelArn = "arn:aws:lookoutequipment:us-east-1:123456789012:model/$ModelName/" +
        '5f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f'
    $firstDay = [DateTimeOffset]::new(2024, 1, 1, 6, 0, 0, [TimeSpan]::Zero)

    foreach ($version in 1..$Count) {
        $created = $firstDay.AddDays($version).AddMilliseconds($version * 7 % 1000)
        [pscustomobject][ordered]@{
            ModelName       = $ModelName
            ModelArn        = $modelArn
            ModelVersion    = [long]$version
            ModelVersionArn = "$modelArn/model-version/$version"
            CreatedAt       = $created.ToUnixTimeMilliseconds() / 1000
            CreatedAtUtc    = $created.UtcDateTime
            Status          = $statuses[$version % 5]
            SourceType      = $sources[$version % 3]
            ModelQuality    = $qualities[($version * 7) % 11 % 3]
        }
    }
}

function Save-ModelVersionData {
    # Writes versions in the ListModelVersions answer shape, as `aws lookoutequipment
    # list-model-versions` saves them, and returns the file's path.
    param([Parameter(Mandatory)] [object[]] $Versions, [Parameter(Mandatory)] [string] $Path)

    $summaries = $Versions | Select-Object ModelName, ModelArn, ModelVersion, ModelVersionArn,
        CreatedAt, Status, SourceType, ModelQuality
    @{ ModelVersionSummaries = @($summaries) } | ConvertTo-Json -Depth 5 |
        Set-Content -Path $Path -Encoding utf8
    $Path
}

function Get-FreeLoopbackPort {
    # A port that nothing listens on: bound and released at once.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $port
}

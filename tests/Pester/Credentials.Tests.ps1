# Where credentials, region and endpoint come from, step by step in the documented order, and
# proof from the emulator's signature check of which key signed each request. A canary secret
# and session token must never show in any stream, error, or transcript.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    # One key pair per credential source, so the emulator's log says which source was used.
    $Keys = [ordered]@{}
    foreach ($name in 'Explicit', 'Profile', 'Credential', 'Stored', 'Environment',
        'EnvProfile', 'Default', 'Process', 'RoleSource', 'Session') {
        $Keys[$name] = [pscustomobject]@{
            AccessKey = ('AKIA' + $name.ToUpperInvariant().PadRight(16, 'X')).Substring(0, 20)
            SecretKey = "secret-$name-canary-5b1f0d"
        }
    }
    $CanarySessionToken = 'session-token-canary-93e7aa01'
    $dataParameters = @{
        Path     = Join-Path $TestDrive 'data.json'
        Versions = @(New-ModelVersionData -ModelName 'pump-a' -Count 3)
    }
    $emulatorArguments = @('--data', (Save-ModelVersionData @dataParameters))
    foreach ($name in $Keys.Keys) {
        $credential = "$($Keys[$name].AccessKey):$($Keys[$name].SecretKey)"
        if ($name -eq 'Session') { $credential += ":$CanarySessionToken" }
        $emulatorArguments += '--credential', $credential
    }
    $Emulator = Start-EmulatorProcess -ArgumentList $emulatorArguments
    $ClosedEndpoint = "http://127.0.0.1:$(Get-FreeLoopbackPort)"

    $ConfigFile = Join-Path $TestDrive 'config'
    $CredentialsFile = Join-Path $TestDrive 'credentials'
    $ProcessScript = Join-Path $TestDrive 'credential-process.sh'
    Set-Content -Path $ProcessScript -Value @(
        '#!/bin/sh'
        ("printf '{""Version"": 1, ""AccessKeyId"": ""$($Keys.Process.AccessKey)"", " +
            """SecretAccessKey"": ""$($Keys.Process.SecretKey)""}'")
    )
    Set-Content -Path $CredentialsFile -Value @(
        '[named]'
        "aws_access_key_id = $($Keys.Profile.AccessKey)"
        "aws_secret_access_key = $($Keys.Profile.SecretKey)"
        '[stored]'
        "aws_access_key_id = $($Keys.Stored.AccessKey)"
        "aws_secret_access_key = $($Keys.Stored.SecretKey)"
        '[from-env]'
        "aws_access_key_id = $($Keys.EnvProfile.AccessKey)"
        "aws_secret_access_key = $($Keys.EnvProfile.SecretKey)"
        '[default]'
        "aws_access_key_id = $($Keys.Default.AccessKey)"
        "aws_secret_access_key = $($Keys.Default.SecretKey)"
        '[role-source]'
        "aws_access_key_id = $($Keys.RoleSource.AccessKey)"
        "aws_secret_access_key = $($Keys.RoleSource.SecretKey)"
        '[with-session]'
        "aws_access_key_id = $($Keys.Session.AccessKey)"
        "aws_secret_access_key = $($Keys.Session.SecretKey)"
        "aws_session_token = $CanarySessionToken"
    )
    Set-Content -Path $ConfigFile -Value @(
        '[profile named]'
        'region = eu-west-1'
        '[profile process]'
        "credential_process = sh $ProcessScript"
        '[profile role]'
        'role_arn = arn:aws:iam::123456789012:role/lookout-reader'
        'source_profile = role-source'
        '[profile endpoint]'
        "endpoint_url = $($Emulator.Url)"
        "aws_access_key_id = $($Keys.Profile.AccessKey)"
        "aws_secret_access_key = $($Keys.Profile.SecretKey)"
        '[profile sso]'
        'sso_start_url = https://example.invalid/start'
        'sso_region = us-east-1'
        'sso_account_id = 123456789012'
        'sso_role_name = Reader'
    )

    function Set-Profiles {
        $env:AWS_CONFIG_FILE = $ConfigFile
        $env:AWS_SHARED_CREDENTIALS_FILE = $CredentialsFile
    }

    function Invoke-Signed([hashtable] $Parameters = @{}) {
        # Lists pump-a and returns the access key that signed the request and the verbose text.
        Clear-EmulatorRequest -Emulator $Emulator
        $all = @(Get-LEModelVersion pump-a @Parameters -Verbose 4>&1 2>&1)
        $requests = @(Get-EmulatorRequest -Emulator $Emulator |
            Where-Object Operation -eq 'ListModelVersions')
        [pscustomobject]@{
            Versions  = @($all | Where-Object { $_ -is [LookoutTools.Models.ModelVersionSummary] })
            Verbose   = ($all |
                    Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
                    ForEach-Object Message) -join "`n"
            SignedBy  = @($requests.AccessKey)
            Requests  = $requests
            Errors    = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Remove-Variable -Name StoredAWSCredentials,
        StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
    Restore-AwsEnvironment
}

Describe 'Credential order' {
    BeforeEach {
        Set-IsolatedAwsEnvironment
        Set-Profiles
        Remove-Variable -Name StoredAWSCredentials,
            StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
        $env:AWS_REGION = 'us-east-1'
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Emulator.Url
    }

    It '1. explicit keys come before everything else' {
        $env:AWS_ACCESS_KEY_ID = $Keys.Environment.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Environment.SecretKey
        $global:StoredAWSCredentials = 'stored'

        $result = Invoke-Signed @{
            AccessKey = $Keys.Explicit.AccessKey
            SecretKey = $Keys.Explicit.SecretKey
        }

        $result.SignedBy | Should -Be @($Keys.Explicit.AccessKey)
        $result.Verbose | Should -Match 'credentials from -AccessKey and -SecretKey'
    }

    It '2. -ProfileName comes before -Credential, stored and environment credentials' {
        $env:AWS_ACCESS_KEY_ID = $Keys.Environment.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Environment.SecretKey
        $global:StoredAWSCredentials = 'stored'
        $credential = [Amazon.Runtime.BasicAWSCredentials]::new(
            $Keys.Credential.AccessKey, $Keys.Credential.SecretKey)

        $result = Invoke-Signed @{ ProfileName = 'named'; Credential = $credential }

        $result.SignedBy | Should -Be @($Keys.Profile.AccessKey)
    }

    It '2. -ProfileLocation names the credentials file that -ProfileName reads' {
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'absent'
        $result = Invoke-Signed @{ ProfileName = 'named'; ProfileLocation = $CredentialsFile }

        $result.SignedBy | Should -Be @($Keys.Profile.AccessKey)
    }

    It '2. a -ProfileName that does not exist is an error, never a fallback' {
        $env:AWS_ACCESS_KEY_ID = $Keys.Environment.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Environment.SecretKey
        Clear-EmulatorRequest -Emulator $Emulator

        { Get-LEModelVersion pump-a -ProfileName 'nope' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProfileNotFound,LookoutTools.Cmdlets.GetLEModelVersionCommand'
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }

    It '3. -Credential comes before stored and environment credentials' {
        $env:AWS_ACCESS_KEY_ID = $Keys.Environment.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Environment.SecretKey
        $global:StoredAWSCredentials = 'stored'
        $credential = [Amazon.Runtime.BasicAWSCredentials]::new(
            $Keys.Credential.AccessKey, $Keys.Credential.SecretKey)

        $result = Invoke-Signed @{ Credential = $credential }

        $result.SignedBy | Should -Be @($Keys.Credential.AccessKey)
        $result.Verbose | Should -Match 'credentials from -Credential \(BasicAWSCredentials\)'
    }

    It '4. $StoredAWSCredentials holding a profile name comes before the environment' {
        $env:AWS_ACCESS_KEY_ID = $Keys.Environment.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Environment.SecretKey
        $global:StoredAWSCredentials = 'stored'

        (Invoke-Signed).SignedBy | Should -Be @($Keys.Stored.AccessKey)
    }

    It '4. $StoredAWSCredentials holding an AWSCredentials object is used as it is' {
        $global:StoredAWSCredentials = [Amazon.Runtime.BasicAWSCredentials]::new(
            $Keys.Stored.AccessKey, $Keys.Stored.SecretKey)

        (Invoke-Signed).SignedBy | Should -Be @($Keys.Stored.AccessKey)
    }

    It '5. environment keys come before AWS_PROFILE and the default profile' {
        $env:AWS_ACCESS_KEY_ID = $Keys.Environment.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Environment.SecretKey
        $env:AWS_PROFILE = 'from-env'

        (Invoke-Signed).SignedBy | Should -Be @($Keys.Environment.AccessKey)
    }

    It '5. environment keys with AWS_SESSION_TOKEN sign with the token' {
        $env:AWS_ACCESS_KEY_ID = $Keys.Session.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Session.SecretKey
        $env:AWS_SESSION_TOKEN = $CanarySessionToken

        $result = Invoke-Signed

        $result.SignedBy | Should -Be @($Keys.Session.AccessKey)
        $result.Requests[0].SessionTokenPresent | Should -BeTrue
    }

    It '6. AWS_PROFILE comes before the default profile' {
        $env:AWS_PROFILE = 'from-env'

        (Invoke-Signed).SignedBy | Should -Be @($Keys.EnvProfile.AccessKey)
    }

    It '6. an AWS_PROFILE that does not exist is an error, never a fallback' {
        $env:AWS_PROFILE = 'missing'

        { Get-LEModelVersion pump-a -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProfileNotFound,LookoutTools.Cmdlets.GetLEModelVersionCommand'
    }

    It '7. the default profile is used when nothing else names credentials' {
        (Invoke-Signed).SignedBy | Should -Be @($Keys.Default.AccessKey)
    }

    It '1. keys beside -ProfileName win, and the profile still gives the region' {
        $env:AWS_REGION = $null

        $result = Invoke-Signed @{
            AccessKey = $Keys.Explicit.AccessKey; SecretKey = $Keys.Explicit.SecretKey
            ProfileName = 'named'
        }

        $result.SignedBy | Should -Be @($Keys.Explicit.AccessKey)
        $result.Verbose | Should -BeLike "*region eu-west-1 (from profile 'named')*"
    }

    It '7. a default profile with only a region passes on to the roles' {
        $regionOnly = Join-Path $TestDrive 'region-only-config'
        Set-Content -Path $regionOnly -Value @('[default]', 'region = eu-west-1')
        $env:AWS_CONFIG_FILE = $regionOnly
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'absent'
        $env:AWS_REGION = $null

        $thrown = { Get-LEModelVersion pump-a -ErrorAction Stop } | Should -Throw -PassThru

        # With instance metadata off there is no role to pass on to, so this is the end of
        # the chain rather than an error about the default profile.
        $thrown.FullyQualifiedErrorId | Should -BeLike 'NoCredentials,*'
    }

    It '8. the container credentials endpoint signs when nothing before it names credentials' {
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'absent'
        $env:AWS_CONTAINER_CREDENTIALS_FULL_URI = $Emulator.Url.TrimEnd('/') +
            "/_emulator/container-credentials/$($Keys.Credential.AccessKey)"
        try {
            $result = Invoke-Signed
        }
        finally { $env:AWS_CONTAINER_CREDENTIALS_FULL_URI = $null }

        $result.SignedBy | Should -Be @($Keys.Credential.AccessKey)
        $result.Verbose | Should -Match "credentials from the container's credentials endpoint"
    }

    It ('8. with nothing at all, and instance metadata off, ' +
        'the error lists the ways to give credentials') {
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'absent'

        $thrown = { Get-LEModelVersion pump-a -ErrorAction Stop } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeLike 'NoCredentials,*'
        $thrown.Exception.Message |
            Should -BeLike '*-AccessKey and -SecretKey, -ProfileName or -Credential*AWS_PROFILE*'
    }
}

Describe 'Profile kinds' {
    BeforeEach {
        Set-IsolatedAwsEnvironment
        Set-Profiles
        $env:AWS_REGION = 'us-east-1'
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Emulator.Url
    }

    It 'signs with the keys a credential_process prints' {
        (Invoke-Signed @{ ProfileName = 'process' }).SignedBy |
            Should -Be @($Keys.Process.AccessKey)
    }

    It 'signs with a session token kept in a profile' {
        $result = Invoke-Signed @{ ProfileName = 'with-session' }

        $result.SignedBy | Should -Be @($Keys.Session.AccessKey)
        $result.Requests[0].SessionTokenPresent | Should -BeTrue
    }

    It 'assumes the role of a role_arn profile through STS, signed by its source_profile' {
        $env:AWS_ENDPOINT_URL_STS = $Emulator.Url
        try {
            $result = Invoke-Signed @{ ProfileName = 'role' }
        }
        finally { $env:AWS_ENDPOINT_URL_STS = $null }

        $log = @(Get-EmulatorRequest -Emulator $Emulator)
        $assume = @($log | Where-Object Operation -eq 'AssumeRole')
        $assume | Should -HaveCount 1
        $assume[0].AccessKey | Should -BeExactly $Keys.RoleSource.AccessKey
        $result.Versions | Should -HaveCount 3
        $result.SignedBy[0] | Should -BeLike 'ASIA*'
        $result.Requests[0].AssumedRoleArn | Should -BeLike '*role/lookout-reader*'
    }

    It 'assumes AWS_ROLE_ARN with the token in AWS_WEB_IDENTITY_TOKEN_FILE, as a pod or CI job' {
        $tokenFile = Join-Path $TestDrive 'web-identity-token'
        $token = 'eyJhbGciOiJSUzI1NiJ9.made-up-pod-identity.signature'
        Set-Content -Path $tokenFile -Value $token -NoNewline
        # No profile files at all: a pod has none, and a default profile would come first.
        $env:AWS_CONFIG_FILE = Join-Path $TestDrive 'no-config'
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'no-credentials'
        $env:AWS_WEB_IDENTITY_TOKEN_FILE = $tokenFile
        $env:AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/lookout-pod'
        $env:AWS_ROLE_SESSION_NAME = 'runbook-pod'
        $env:AWS_ENDPOINT_URL_STS = $Emulator.Url
        try {
            $result = Invoke-Signed
        }
        finally {
            $env:AWS_WEB_IDENTITY_TOKEN_FILE = $null
            $env:AWS_ROLE_ARN = $null
            $env:AWS_ROLE_SESSION_NAME = $null
            $env:AWS_ENDPOINT_URL_STS = $null
        }

        $log = @(Get-EmulatorRequest -Emulator $Emulator)
        $assume = @($log | Where-Object Operation -eq 'AssumeRoleWithWebIdentity')
        $result.Errors | Should -HaveCount 0
        $assume | Should -HaveCount 1
        $assume[0].Body | Should -Not -BeLike '*made-up-pod-identity*'
        $result.Versions | Should -HaveCount 3
        $result.SignedBy[0] | Should -BeLike 'ASIA*'
        $result.Requests[0].AssumedRoleArn |
            Should -BeExactly 'arn:aws:sts::123456789012:assumed-role/lookout-pod/runbook-pod'
        $result.Verbose | Should -BeLike '*web identity*'
        $result.Verbose | Should -Not -BeLike '*made-up-pod-identity*'
    }

    It 'reports an SSO profile without a cached login as an error, not a fallback' {
        $env:AWS_ACCESS_KEY_ID = $Keys.Environment.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Environment.SecretKey
        Clear-EmulatorRequest -Emulator $Emulator

        $thrown = { Get-LEModelVersion pump-a -ProfileName sso -ErrorAction Stop } |
            Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeLike 'CredentialsUnavailable,*'
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $expected = "The credentials from profile 'sso' could not be obtained (*SSO*). " +
            'Sign in first with: aws sso login --profile sso'
        $thrown.Exception.Message | Should -BeLike $expected
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }

    It 'reports a failing credential_process without showing what it printed' {
        $leaky = Join-Path $TestDrive 'leaky-process.sh'
        Set-Content -Path $leaky -Value @(
            '#!/bin/sh',
            "echo 'not json {SecretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYLEAKEDKEY1}'",
            'exit 3')
        Add-Content -Path $ConfigFile -Value @('[profile leaky]', "credential_process = sh $leaky")
        Clear-EmulatorRequest -Emulator $Emulator

        $thrown = { Get-LEModelVersion pump-a -ProfileName leaky -ErrorAction Stop } |
            Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeLike 'CredentialsUnavailable,*'
        $thrown.Exception.Message |
            Should -BeLike "*Run the credential_process of profile 'leaky' by hand*"
        ($thrown | Format-List * -Force | Out-String) + $thrown.Exception.ToString() |
            Should -Not -Match 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYLEAKEDKEY1'
        @(Get-EmulatorRequest -Emulator $Emulator) | Should -HaveCount 0
    }
}

Describe 'Region order' {
    BeforeEach {
        Set-IsolatedAwsEnvironment
        Set-Profiles
        Remove-Variable -Name StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
        $Signed = @{
            EndpointUrl = $Emulator.Url
            AccessKey   = $Keys.Explicit.AccessKey
            SecretKey   = $Keys.Explicit.SecretKey
        }
    }

    It '<Case>' -ForEach @(
        @{
            Case      = '-Region comes first'
            Region    = 'ap-northeast-2'
            Stored    = 'eu-west-1'
            AwsRegion = 'us-west-2'
            Expected  = 'region ap-northeast-2 (from -Region)'
        }
        @{
            Case      = '$StoredAWSRegion comes before the environment'
            Stored    = 'eu-west-1'
            AwsRegion = 'us-west-2'
            Expected  = 'region eu-west-1 (from $StoredAWSRegion)'
        }
        @{
            Case          = 'AWS_REGION comes before AWS_DEFAULT_REGION'
            AwsRegion     = 'us-west-2'
            DefaultRegion = 'ca-central-1'
            Expected      = 'region us-west-2 (from AWS_REGION)'
        }
        @{
            Case          = 'AWS_DEFAULT_REGION comes before the profile'
            DefaultRegion = 'ca-central-1'
            UseProfile    = 'named'
            Expected      = 'region ca-central-1 (from AWS_DEFAULT_REGION)'
        }
        @{ Case = 'the profile''s region comes last'; UseProfile = 'named'
            Expected = "region eu-west-1 (from profile 'named')" }
    ) {
        if ($Stored) { $global:StoredAWSRegion = $Stored }
        if ($AwsRegion) { $env:AWS_REGION = $AwsRegion }
        if ($DefaultRegion) { $env:AWS_DEFAULT_REGION = $DefaultRegion }
        $parameters = @{ EndpointUrl = $Emulator.Url }
        if ($UseProfile) { $parameters.ProfileName = $UseProfile }
        else {
            $parameters.AccessKey = $Keys.Explicit.AccessKey
            $parameters.SecretKey = $Keys.Explicit.SecretKey
        }
        if ($Region) { $parameters.Region = $Region }

        $result = Invoke-Signed $parameters

        $result.Verbose | Should -BeLike "*$Expected*"
        $result.Versions | Should -HaveCount 3
    }

    It 'accepts a RegionEndpoint object in $StoredAWSRegion' {
        $global:StoredAWSRegion = [Amazon.RegionEndpoint]::EUCentral1

        (Invoke-Signed $Signed).Verbose |
            Should -BeLike '*region eu-central-1 (from $StoredAWSRegion)*'
    }

    It 'stops, listing the ways to give one, when there is no region and no endpoint' {
        $explicitKeys = @{
            AccessKey = $Keys.Explicit.AccessKey
            SecretKey = $Keys.Explicit.SecretKey
        }
        $thrown = { Get-LEModelVersion pump-a @explicitKeys -ErrorAction Stop } |
            Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeLike 'NoRegion,*'
        $thrown.Exception.Message | Should -BeLike (
            '*-Region or Set-DefaultAWSRegion*AWS_REGION or AWS_DEFAULT_REGION*-EndpointUrl*')
    }
}

Describe 'Endpoint order' {
    BeforeEach {
        Set-IsolatedAwsEnvironment
        Set-Profiles
        $env:AWS_REGION = 'us-east-1'
        $Signed = @{ AccessKey = $Keys.Explicit.AccessKey; SecretKey = $Keys.Explicit.SecretKey }
    }

    It '-EndpointUrl comes before AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT' {
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $ClosedEndpoint

        $result = Invoke-Signed ($Signed + @{ EndpointUrl = $Emulator.Url })

        $result.Versions | Should -HaveCount 3
        $result.Verbose | Should -BeLike '*(from -EndpointUrl)*'
    }

    It 'AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT comes before AWS_ENDPOINT_URL' {
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Emulator.Url
        $env:AWS_ENDPOINT_URL = $ClosedEndpoint

        $result = Invoke-Signed $Signed

        $result.Versions | Should -HaveCount 3
        $result.Verbose | Should -BeLike '*(from AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT)*'
    }

    It 'AWS_ENDPOINT_URL comes before the profile''s endpoint_url' {
        $env:AWS_ENDPOINT_URL = $Emulator.Url

        $result = Invoke-Signed @{ ProfileName = 'endpoint' }

        $result.Errors | Should -HaveCount 0 -Because $result.Verbose
        $result.Versions | Should -HaveCount 3
        $result.Verbose | Should -BeLike '*(from AWS_ENDPOINT_URL)*'
    }

    It 'the profile''s services section comes before its endpoint_url' {
        $servicesConfig = Join-Path $TestDrive 'services-config'
        Set-Content -Path $servicesConfig -Value @(
            '[profile with-services]'
            "aws_access_key_id = $($Keys.Profile.AccessKey)"
            "aws_secret_access_key = $($Keys.Profile.SecretKey)"
            'services = local-lookout'
            "endpoint_url = $ClosedEndpoint"
            '[services local-lookout]'
            'lookoutequipment ='
            "  endpoint_url = $($Emulator.Url)"
        )
        $env:AWS_CONFIG_FILE = $servicesConfig

        $result = Invoke-Signed @{ ProfileName = 'with-services' }

        $result.Errors | Should -HaveCount 0 -Because $result.Verbose
        $result.Versions | Should -HaveCount 3
        $result.Verbose |
            Should -BeLike "*(from the services section of profile 'with-services')*"
    }

    It 'the profile''s endpoint_url is used when nothing else names an endpoint' {
        $result = Invoke-Signed @{ ProfileName = 'endpoint' }

        $result.Versions | Should -HaveCount 3
        $result.Verbose | Should -BeLike "*(from the endpoint_url of profile 'endpoint')*"
    }

    It 'otherwise resolves the regional endpoint, without sending anything' {
        $settings = [LookoutTools.Connection.ConnectionSettings]@{
            Region    = 'eu-west-1'
            AccessKey = $Keys.Explicit.AccessKey
            SecretKey = $Keys.Explicit.SecretKey
        }

        $connection = [LookoutTools.Connection.ConnectionResolver]::Resolve($settings)

        $connection.Endpoint | Should -BeExactly 'https://lookoutequipment.eu-west-1.amazonaws.com'
        $connection.EndpointSource | Should -BeExactly 'the regional default'
    }

    It 'warns that a signed request to a non-loopback http:// endpoint is not encrypted' {
        $settings = [LookoutTools.Connection.ConnectionSettings]@{
            EndpointUrl = 'http://lookout.example.invalid:8080'
            AccessKey   = 'AKIAEXAMPLE'
            SecretKey   = 'x'
        }

        $connection = [LookoutTools.Connection.ConnectionResolver]::Resolve($settings)

        $connection.SendsInPlainText | Should -BeTrue
        [LookoutTools.Connection.ConnectionResolver]::Resolve(
            [LookoutTools.Connection.ConnectionSettings]@{
                EndpointUrl = $Emulator.Url; AccessKey = 'a'; SecretKey = 'b'
            }
        ).SendsInPlainText | Should -BeFalse
    }
}

Describe 'Clients' {
    BeforeEach {
        Set-IsolatedAwsEnvironment
        Set-Profiles
        $env:AWS_REGION = 'us-east-1'
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Emulator.Url
    }

    It 'reuses one client for the same identity, region and endpoint' {
        $null = Invoke-Signed @{ ProfileName = 'named' }
        $before = [LookoutTools.Connection.ConnectionResolver]::KeptClientCount

        1..5 | ForEach-Object { $null = Invoke-Signed @{ ProfileName = 'named' } }

        [LookoutTools.Connection.ConnectionResolver]::KeptClientCount | Should -Be $before
    }

    It 'gives ten parallel runspaces with different profiles their own identities' {
        $parallelCredentials = Join-Path $TestDrive 'parallel-credentials'
        Set-Content -Path $parallelCredentials -Value (1..10 | ForEach-Object {
                '[p{0}]' -f $_
                'aws_access_key_id = {0}' -f $Keys[$_ - 1].AccessKey
                'aws_secret_access_key = {0}' -f $Keys[$_ - 1].SecretKey
                if ($_ -eq 10) { "aws_session_token = $CanarySessionToken" }
            })
        $manifest = Join-Path $RepositoryRoot 'LookoutTools.psd1'
        Clear-EmulatorRequest -Emulator $Emulator

        $results = 1..10 | ForEach-Object -ThrottleLimit 10 -Parallel {
            Import-Module $using:manifest
            $location = $using:parallelCredentials
            $versions = @(Get-LEModelVersion pump-a -ProfileName "p$_" -ProfileLocation $location)
            [pscustomobject]@{ Profile = "p$_"; Listed = $versions.Count }
        }

        $results | Should -HaveCount 10
        $results.Listed | Should -Be (@(3) * 10)
        $signedBy = @(Get-EmulatorRequest -Emulator $Emulator).AccessKey | Sort-Object -Unique
        $signedBy | Should -Be ($Keys.Values.AccessKey | Sort-Object)
    }
}

Describe 'Removing the module' {
    It 'lets a listing in another runspace finish with the client it is using' {
        Set-IsolatedAwsEnvironment
        Clear-EmulatorRequest -Emulator $Emulator
        Set-EmulatorFault -Emulator $Emulator -Rule @(
            @{ Kind = 'delay'; DelayMs = 1500; Times = 1; OnRequest = 2 })
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Manifest, $Url, $AccessKey, $SecretKey)
                    Import-Module $Manifest
                    Get-LEModelVersion pump-a -All -PageSize 1 -EndpointUrl $Url `
                        -Region us-east-1 -AccessKey $AccessKey -SecretKey $SecretKey
                }).AddArgument((Join-Path $RepositoryRoot 'LookoutTools.psd1')).
                AddArgument($Emulator.Url).AddArgument($Keys.Explicit.AccessKey).
                AddArgument($Keys.Explicit.SecretKey)
            $running = $shell.BeginInvoke()

            # Removed here while the other runspace waits for its second page.
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (@(Get-EmulatorRequest -Emulator $Emulator).Count -lt 2 -and
                [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 20
            }
            Remove-Module LookoutTools
            $versions = @($shell.EndInvoke($running))

            $shell.Streams.Error | Should -HaveCount 0
            $versions | Should -HaveCount 3
        }
        finally {
            $shell.Dispose()
            Clear-EmulatorFault -Emulator $Emulator
            Import-Module (Join-Path $RepositoryRoot 'LookoutTools.psd1') -Force
        }
    }

    It 'disposes the clients it kept' {
        Set-IsolatedAwsEnvironment
        $env:AWS_REGION = 'us-east-1'
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Emulator.Url
        $explicitKeys = @{
            AccessKey = $Keys.Explicit.AccessKey
            SecretKey = $Keys.Explicit.SecretKey
        }
        $null = Get-LEModelVersion pump-a @explicitKeys
        [LookoutTools.Connection.ConnectionResolver]::KeptClientCount | Should -BeGreaterThan 0

        Remove-Module LookoutTools

        try {
            [LookoutTools.Connection.ConnectionResolver]::KeptClientCount | Should -Be 0
        }
        finally {
            Import-Module (Join-Path $RepositoryRoot 'LookoutTools.psd1') -Force
        }
        @(Get-LEModelVersion pump-a @explicitKeys) |
            Should -HaveCount 3
    }
}

Describe 'Secrets' {
    It 'never shows a secret key or session token in any stream, error or transcript' {
        Set-IsolatedAwsEnvironment
        Set-Profiles
        $env:AWS_REGION = 'us-east-1'
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Emulator.Url
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $Error.Clear()
        $wrong = @{ AccessKey = $Keys.Explicit.AccessKey; SecretKey = 'wrong-secret-canary-c0ffee' }
        $scenarios = @(
            @{ AccessKey = $Keys.Explicit.AccessKey; SecretKey = $Keys.Explicit.SecretKey }
            @{
                AccessKey    = $Keys.Session.AccessKey
                SecretKey    = $Keys.Session.SecretKey
                SessionToken = $CanarySessionToken
            }
            @{ ProfileName = 'with-session' }
            @{ ProfileName = 'process' }
            $wrong
            @{
                AccessKey    = $Keys.Session.AccessKey
                SecretKey    = $Keys.Session.SecretKey
                SessionToken = 'wrong-token-canary-77'
            }
            @{ ProfileName = 'missing-profile' }
            @{ AccessKey = $Keys.Explicit.AccessKey }
        )

        Start-Transcript -Path $transcript -Force | Out-Null
        try {
            $streams = foreach ($scenario in $scenarios) {
                try {
                    Get-LEModelVersion pump-a @scenario -Verbose -Debug -ErrorAction Continue *>&1 |
                        Out-String
                }
                catch {
                    # Bad settings stop the command; the record still has to be clean.
                    $_ | Format-List * -Force | Out-String
                }
            }
        }
        finally { Stop-Transcript | Out-Null }

        $seen = ($streams -join "`n") + ($Error | Format-List * -Force | Out-String) +
            ($Error | ForEach-Object { $_.Exception.ToString() } | Out-String) +
            (Get-Content $transcript -Raw)
        $seen | Should -Match 'InvalidSignatureException'
        foreach ($secret in @($Keys.Values.SecretKey) + $CanarySessionToken +
            'wrong-secret-canary-c0ffee' + 'wrong-token-canary-77') {
            $seen | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}

# Help in the shell: the MAML and about topic the build compiles from module/help, checked against
# the cmdlets themselves, and the examples run against the emulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $HelpFolder = Join-Path $RepositoryRoot 'en-US'
    $CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters +
        [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # The examples run against the sample data that ships with the emulator.
    $Emulator = Start-EmulatorProcess
    $ExampleDefaults = @{
        'Get-LE*:EndpointUrl' = $Emulator.Url
        'Get-LE*:AccessKey'   = $TestAccessKey
        'Get-LE*:SecretKey'   = $TestSecretKey
    }

    function Invoke-HelpExample([string] $Command, [int] $Number) {
        # Runs an example's code as written, in $TestDrive, with the emulator as the endpoint.
        $example = @((Get-Help $Command).examples.example)[$Number - 1]
        $code = [scriptblock]::Create($example.code)
        Push-Location $TestDrive
        try {
            & {
                $PSDefaultParameterValues = $ExampleDefaults.Clone()
                . $code
            }
        }
        finally {
            Pop-Location
        }
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'The compiled help' {
    It 'is where PowerShell looks for it: en-US beside the manifest' {
        Join-Path $HelpFolder 'LookoutTools.dll-Help.xml' | Should -Exist
        Join-Path $HelpFolder 'about_LookoutTools.help.txt' | Should -Exist
        (Get-Command Get-LEModelVersion).HelpFile | Should -BeExactly 'LookoutTools.dll-Help.xml'
    }

    It 'is well-formed MAML with one command per cmdlet' {
        [xml] $maml = Get-Content -Raw (Join-Path $HelpFolder 'LookoutTools.dll-Help.xml')
        $names = $maml.helpItems.command | ForEach-Object { $_.details.name }

        $names | Sort-Object |
            Should -Be ((Get-Module LookoutTools).ExportedCmdlets.Keys | Sort-Object)
    }
}

Describe 'Get-Help <Command>' -ForEach @(
    @{
        Command         = 'Get-LEModelVersion'
        MinimumExamples = 6
        Related         = 'Get-LEModel', 'about_LookoutTools'
    }
    @{
        Command         = 'Get-LEModel'
        MinimumExamples = 5
        Related         = 'Get-LEModelVersion', 'about_LookoutTools'
    }
) {
    BeforeAll {
        $Help = Get-Help $Command -Full
        $Parameters = (Get-Command $Command).Parameters.Values |
            Where-Object { $_.Name -notin $CommonParameters }
    }

    It 'has a written synopsis and description' {
        $Help.Synopsis | Should -BeLike 'Lists *'
        ($Help.description.Text -join "`n").Length | Should -BeGreaterThan 200
    }

    It 'shows every section with -Full' {
        $text = $Help | Out-String -Width 120

        foreach ($heading in 'NAME', 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'INPUTS',
            'OUTPUTS', 'NOTES', 'RELATED LINKS') {
            $text | Should -Match "(?m)^$heading\s*$" -Because "-Full shows $heading"
        }
        $text | Should -Match 'Accepted values: '
        $text | Should -Match 'Default value'
        $text | Should -Match 'Accept pipeline input\?'
    }

    It 'documents every parameter, and only those, as the cmdlet declares it' {
        $documented = @($Help.parameters.parameter | ForEach-Object name)

        $documented | Sort-Object | Should -Be ($Parameters.Name | Sort-Object)
        foreach ($parameter in $Parameters) {
            $entry = $Help.parameters.parameter | Where-Object name -eq $parameter.Name
            $attribute = $parameter.Attributes |
                Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
            $because = "-$($parameter.Name) is documented as declared"

            ($entry.description.Text -join ' ').Length | Should -BeGreaterThan 20 -Because $because
            $entry.type.name | Should -BeExactly $parameter.ParameterType.Name -Because $because
            $entry.required |
                Should -Be ([string]$attribute.Mandatory).ToLowerInvariant() -Because $because
            $position = if ($attribute.Position -ge 0) { [string]$attribute.Position }
            else { 'named' }
            $entry.position | Should -BeExactly $position -Because $because
            $pipeline = if ($attribute.ValueFromPipelineByPropertyName) { 'True (ByPropertyName)' }
            else { 'False' }
            $entry.pipelineInput | Should -BeExactly $pipeline -Because $because
            $aliases = if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' }
            else { 'none' }
            $entry.aliases | Should -BeExactly $aliases -Because $because
            $entry.defaultValue | Should -Not -BeNullOrEmpty -Because $because
        }
    }

    It 'lists the accepted values of each enum parameter as the enum has them' {
        foreach ($parameter in $Parameters | Where-Object { $_.ParameterType.IsEnum }) {
            $entry = $Help.parameters.parameter | Where-Object name -eq $parameter.Name
            $expected = 'Accepted values: ' +
                ([Enum]::GetNames($parameter.ParameterType) -join ', ')

            $entry.description.Text | Should -Contain $expected
        }
    }

    It 'has at least <MinimumExamples> examples, each with code and an explanation' {
        $examples = @($Help.examples.example)

        $examples.Count | Should -BeGreaterOrEqual $MinimumExamples
        foreach ($example in $examples) {
            $example.title | Should -Match 'Example \d+: '
            $example.code | Should -Match $Command
            ($example.remarks.Text -join ' ').Trim().Length |
                Should -BeGreaterThan 10 -Because $example.title
        }
    }

    It 'links to <Related>' {
        $Help.relatedLinks.navigationLink.linkText | Should -Be $Related
    }
}

Describe 'The examples of Get-LEModelVersion' {
    BeforeAll {
        $Examples = @((Get-Help Get-LEModelVersion).examples.example)
    }

    It 'cover <Topic>' -ForEach @(
        @{
            Topic   = 'the used-by pipeline'
            Pattern = ('Get-LEModelVersion -ModelName pump-7 -All \| ' +
                'Where-Object ModelQuality -eq POOR_QUALITY_DETECTED')
        }
        @{ Topic = '-All with filters'; Pattern = '-All -Status FAILED -SourceType RETRAINING' }
        @{ Topic = 'resuming with -NextToken'; Pattern = '-PageSize 50 -NextToken ' }
        @{ Topic = 'time windows'; Pattern = '-CreatedAtStartTime .* -CreatedAtEndTime ' }
        @{
            Topic   = 'several models from the pipeline'
            Pattern = 'Get-LEModel -Status SUCCESS \| Get-LEModelVersion'
        }
        @{
            Topic   = 'a runbook that fails on poor quality'
            Pattern = "(?s)POOR_QUALITY_DETECTED.*throw"
        }
    ) {
        ($Examples.code -join "`n") -replace '`\r?\n\s*', ' ' | Should -Match $Pattern
    }

    It 'runs example <Number> as written against the emulator' -ForEach @(
        @{ Number = 1 }, @{ Number = 2 }, @{ Number = 4 }, @{ Number = 8 }
    ) {
        { Invoke-HelpExample Get-LEModelVersion $Number } | Should -Not -Throw
    }

    It 'runs example 5, several models from the pipeline and from a CSV file' {
        Set-Content -Path (Join-Path $TestDrive 'models.csv') -Value 'ModelName', 'fan-x1',
            'mixer_east-5'

        $output = @(Invoke-HelpExample Get-LEModelVersion 5)

        ($output | Where-Object { $_ -is [LookoutTools.Models.ModelVersionSummary] }).ModelName |
            Sort-Object -Unique | Should -Be 'fan-x1', 'mixer_east-5'
        ($output | Where-Object { $_ -isnot [LookoutTools.Models.ModelVersionSummary] }).Name |
            Should -Contain 'pump-7'
    }

    It 'runs example 6, the runbook step, which passes or throws its own message' {
        try {
            Invoke-HelpExample Get-LEModelVersion 6
        }
        catch {
            $_.Exception.Message |
                Should -Match "^Version \d+ of model 'pump-7' is of poor quality\.$"
        }
    }

    It 'runs example 7, resuming after a failed page' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{
                Kind = 'error'; HttpStatus = 403; ErrorType = 'AccessDeniedException'
                Operation = 'ListModelVersions'; Times = 1
            })
        function Start-Sleep { }

        try {
            $warnings = Invoke-HelpExample Get-LEModelVersion 7 3>&1
        }
        finally {
            Clear-EmulatorFault -Emulator $Emulator
        }

        "$warnings" | Should -BeExactly 'Page 1 failed (AccessDeniedException); resuming.'
    }
}

Describe 'The examples of Get-LEModel' {
    It 'runs example <Number> as written against the emulator' -ForEach @(
        @{ Number = 1 }, @{ Number = 2 }, @{ Number = 3 }, @{ Number = 4 }
    ) {
        { Invoke-HelpExample Get-LEModel $Number } | Should -Not -Throw
    }
}

Describe 'Get-Help about_LookoutTools' {
    BeforeAll {
        $About = Get-Help about_LookoutTools | Out-String
    }

    It 'covers <Section>' -ForEach @(
        @{ Section = 'CREDENTIALS, REGIONS AND ENDPOINTS' }
        @{ Section = 'PAGING' }
        @{ Section = 'ERRORS' }
        @{ Section = 'TAB COMPLETION' }
        @{ Section = 'TESTING YOUR SCRIPTS WITHOUT AWS' }
    ) {
        $About | Should -Match "(?m)^$([regex]::Escape($Section))\s*$"
    }

    It 'names every error id the cmdlets use for a failed page' {
        foreach ($id in 'ResourceNotFound', 'ValidationFailed', 'AccessDenied',
            'AuthenticationFailed', 'Throttled', 'InternalServerError', 'ConnectionFailed',
            'RequestTimedOut', 'InvalidResponse', 'RepeatedNextToken', 'StalledListing',
            'ServiceError') {
            $About | Should -Match "\b$id\b"
        }
    }
}

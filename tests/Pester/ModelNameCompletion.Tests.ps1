# Tab completion of model names from the endpoint: what was typed goes to ListModels as
# ModelNameBeginsWith, with the connection typed on the line; answers are cached briefly; a
# dead or slow endpoint gives no completions and no error, quickly.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment

    $versions = foreach ($name in 'pump-a', 'pump-b', 'pump-c', 'fan-x', 'mixer_1') {
        New-ModelVersionData -ModelName $name -Count 5
    }
    $dataFile = Save-ModelVersionData -Versions $versions -Path (Join-Path $TestDrive 'data.json')
    $Emulator = Start-EmulatorProcess -ArgumentList @('--data', $dataFile,
        '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
    $OnTheLine = "-EndpointUrl $($Emulator.Url) -AccessKey $TestAccessKey -SecretKey $TestSecretKey"

    function Get-Completion([string] $Line) {
        # What Tab offers at the end of the line, with how long it took and whether it left an
        # error behind.
        $errorsBefore = $global:Error.Count
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $result = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        [pscustomobject]@{
            Matches      = @($result.CompletionMatches)
            Texts        = @($result.CompletionMatches | ForEach-Object CompletionText)
            Seconds      = $clock.Elapsed.TotalSeconds
            ErrorsWritten = $global:Error.Count - $errorsBefore
        }
    }

    function Get-ListModelsRequest {
        @(Get-EmulatorRequest -Emulator $Emulator | Where-Object Operation -eq 'ListModels')
    }
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'Completing -ModelName from the endpoint' {
    BeforeEach {
        [LookoutTools.Completion.ModelNameCompleter]::Cache.Clear()
        Clear-EmulatorFault -Emulator $Emulator
        Clear-EmulatorRequest -Emulator $Emulator
    }

    It 'offers the names that begin with what was typed, asking the endpoint on the line' {
        $completion = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName pu"

        $completion.Texts | Should -Be 'pump-a', 'pump-b', 'pump-c'
        $completion.Matches[0].ResultType | Should -Be 'ParameterValue'
        $completion.Matches[0].ToolTip |
            Should -BeExactly 'pump-a: SUCCESS, active version 5, dataset pump-a-sensor-data'
        $requests = Get-ListModelsRequest
        $requests | Should -HaveCount 1
        $requests[0].Body | Should -BeExactly '{"MaxResults":100,"ModelNameBeginsWith":"pu"}'
        $requests[0].AccessKey | Should -BeExactly $TestAccessKey
        $completion.ErrorsWritten | Should -Be 0
    }

    It 'offers every model before anything is typed' {
        $completion = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName "

        $completion.Texts | Should -Be 'fan-x', 'mixer_1', 'pump-a', 'pump-b', 'pump-c'
        (Get-ListModelsRequest)[0].Body | Should -BeExactly '{"MaxResults":100}'
    }

    It 'completes the positional name, and the next name of a list' {
        (Get-Completion "Get-LEModelVersion $OnTheLine f").Texts | Should -Be 'fan-x'
        (Get-Completion "Get-LEModelVersion $OnTheLine -ModelName pump-a, mi").Texts |
            Should -Be 'mixer_1'
    }

    It 'keeps the quote that was typed' {
        (Get-Completion "Get-LEModelVersion $OnTheLine -ModelName 'fa").Texts | Should -Be "'fan-x'"
    }

    It 'completes -ModelNameBeginsWith of Get-LEModel too' {
        (Get-Completion "Get-LEModel $OnTheLine -ModelNameBeginsWith mix").Texts |
            Should -Be 'mixer_1'
    }

    It 'answers again from its cache, and narrows a full answer without asking' {
        $first = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName p"
        $again = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName p"
        $narrower = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName pump-b"

        $first.Texts | Should -Be 'pump-a', 'pump-b', 'pump-c'
        $again.Texts | Should -Be $first.Texts
        $narrower.Texts | Should -Be 'pump-b'
        Get-ListModelsRequest | Should -HaveCount 1
    }

    It 'asks again for another endpoint or other keys' {
        $null = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName p"
        $null = Get-Completion "Get-LEModelVersion $OnTheLine -Region eu-west-1 -ModelName p"

        Get-ListModelsRequest | Should -HaveCount 2
    }

    It 'uses the endpoint and keys of the environment when the line has none' {
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $Emulator.Url
        $env:AWS_ACCESS_KEY_ID = $TestAccessKey
        $env:AWS_SECRET_ACCESS_KEY = $TestSecretKey
        try {
            $completion = Get-Completion 'Get-LEModelVersion -ModelName fa'
        }
        finally {
            $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $null
            $env:AWS_ACCESS_KEY_ID = $null
            $env:AWS_SECRET_ACCESS_KEY = $null
        }

        $completion.Texts | Should -Be 'fan-x'
    }

    It 'signs with the profile and profile file typed on the line' {
        $credentials = Join-Path $TestDrive 'completion-credentials'
        Set-Content -Path $credentials -Value @(
            '[emulator]',
            "aws_access_key_id = $TestAccessKey",
            "aws_secret_access_key = $TestSecretKey")

        $completion = Get-Completion ("Get-LEModelVersion -EndpointUrl $($Emulator.Url) " +
            "-ProfileName emulator -ProfileLocation $credentials -ModelName mi")

        $completion.Texts | Should -Be 'mixer_1'
        (Get-ListModelsRequest)[0].AccessKey | Should -BeExactly $TestAccessKey
    }

    It 'offers nothing, and says nothing, when the endpoint refuses the keys' {
        $completion = Get-Completion ("Get-LEModelVersion -EndpointUrl $($Emulator.Url) " +
            "-AccessKey AKIAWRONGKEY00000001 -SecretKey wrong -ModelName pu")

        $completion.Texts | Should -HaveCount 0
        $completion.ErrorsWritten | Should -Be 0
    }

    It 'offers nothing, quickly and quietly, when nothing listens at the endpoint' {
        $dead = "http://127.0.0.1:$(Get-FreeLoopbackPort)"

        $completion = Get-Completion ("Get-LEModelVersion -EndpointUrl $dead -AccessKey " +
            "$TestAccessKey -SecretKey $TestSecretKey -ModelName pu")

        $completion.Texts | Should -HaveCount 0
        $completion.ErrorsWritten | Should -Be 0
        $completion.Seconds | Should -BeLessThan 3
    }

    It 'gives up on a slow endpoint after its timeout' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(
            @{ Kind = 'delay'; DelayMs = 8000; Times = 0 })

        $completion = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName pu"

        $completion.Texts | Should -HaveCount 0
        $completion.ErrorsWritten | Should -Be 0
        $completion.Seconds | Should -BeLessThan 3.5
    }

    It 'asks a failed connection nothing more for a while, whatever is typed next' {
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{ Kind = 'http500'; Times = 0 })
        $null = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName pu"
        $asked = (Get-ListModelsRequest).Count

        $typedNext = foreach ($word in 'pu', 'pum', 'f', 'mixer_1', '') {
            Get-Completion "Get-LEModelVersion $OnTheLine -ModelName $word"
        }
        $askedAfterTyping = (Get-ListModelsRequest).Count
        $null = Get-Completion "Get-LEModelVersion $OnTheLine -Region eu-west-1 -ModelName pu"

        $asked | Should -BeGreaterThan 0
        $typedNext.ForEach({ $_.Texts.Count }) | Should -Be 0, 0, 0, 0, 0
        $typedNext.ErrorsWritten | Should -Be 0, 0, 0, 0, 0
        $askedAfterTyping | Should -Be $asked
        # Another region is another connection, so its own first Tab still asks.
        (Get-ListModelsRequest).Count | Should -BeGreaterThan $asked
    }

    It 'keeps offering names fetched before its connection failed' {
        $before = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName p"
        Set-EmulatorFault -Emulator $Emulator -Rule @(@{ Kind = 'http500'; Times = 0 })
        $null = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName f"
        $asked = (Get-ListModelsRequest).Count

        $narrower = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName pump-"

        $before.Texts | Should -Be 'pump-a', 'pump-b', 'pump-c'
        $narrower.Texts | Should -Be 'pump-a', 'pump-b', 'pump-c'
        (Get-ListModelsRequest).Count | Should -Be $asked
    }

    It 'offers nothing, without asking, for text no model name can begin with' {
        $completion = Get-Completion "Get-LEModelVersion $OnTheLine -ModelName 'pump 7"

        $completion.Texts | Should -HaveCount 0
        Get-ListModelsRequest | Should -HaveCount 0
    }

    It 'offers nothing without a region or an endpoint' {
        $completion = Get-Completion ("Get-LEModelVersion -AccessKey $TestAccessKey " +
            "-SecretKey x -ModelName pu")

        $completion.Texts | Should -HaveCount 0
        $completion.ErrorsWritten | Should -Be 0
    }
}

Describe 'Completing enum parameters' {
    It 'completes Get-LEModel -Status from its enum' {
        $line = 'Get-LEModel -Status '

        $expansion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions = $expansion.CompletionMatches

        $completions.CompletionText |
            Should -Be ('FAILED', 'IMPORT_IN_PROGRESS', 'IN_PROGRESS', 'SUCCESS')
    }
}

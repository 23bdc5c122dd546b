# Conformance with AWS's own client: Get-LEModelVersion and the AWS SDK for JavaScript v3
# (@aws-sdk/client-lookoutequipment, installed from tests/Conformance/package-lock.json) make the
# same requests against one emulator, and the emulator's request log shows what each sent.
# Skipped, with the reason, only when npm cannot install that package.

BeforeDiscovery {
    $BodyCases = @(& (Join-Path $PSScriptRoot '../Conformance/RequestCases.ps1'))

    $FaultCases = @(
        @{ ErrorType = 'ValidationException'; Rule = @{ Kind = 'error'; HttpStatus = 400
                ErrorType = 'ValidationException' } }
        @{ ErrorType = 'AccessDeniedException'; Rule = @{ Kind = 'error'; HttpStatus = 403
                ErrorType = 'AccessDeniedException' } }
        @{ ErrorType = 'ResourceNotFoundException'; Rule = @{ Kind = 'error'; HttpStatus = 404
                ErrorType = 'ResourceNotFoundException' } }
        @{ ErrorType = 'ThrottlingException'; Rule = @{ Kind = 'error'; HttpStatus = 400
                ErrorType = 'ThrottlingException' } }
        @{ ErrorType = 'ThrottlingException (HTTP 429)'; Rule = @{ Kind = 'http429' } }
        @{ ErrorType = 'InternalServerException'; Rule = @{ Kind = 'error'; HttpStatus = 500
                ErrorType = 'InternalServerException' } }
        @{ ErrorType = 'InternalServerException (HTTP 503)'; Rule = @{ Kind = 'http503' } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    Set-IsolatedAwsEnvironment
    Import-Module (Join-Path $RepositoryRoot 'tests/Conformance/ReferenceClient.psm1') -Force
    $BodyCases = @(& (Join-Path $RepositoryRoot 'tests/Conformance/RequestCases.ps1'))

    $SkipReason = Install-ReferenceClient
    if ($SkipReason) {
        Write-Warning "Conformance tests skipped: $SkipReason."
        return
    }

    # The sample data, plus a model with more versions than the largest page.
    $sampleData = Join-Path $RepositoryRoot 'module/emulator/SampleData'
    $SampleModels = @(Get-ChildItem -Path $sampleData -Filter '*.json' | ForEach-Object {
            (Get-Content -Raw $_.FullName | ConvertFrom-Json).ModelVersionSummaries[0].ModelName
        } | Sort-Object -Unique)
    $bigModel = @(New-ModelVersionData -ModelName 'pump-conformance' -Count 1234)
    $bigFile = Save-ModelVersionData -Versions $bigModel -Path (Join-Path $TestDrive 'big.json')

    $Emulator = Start-EmulatorProcess -ArgumentList @('--data', $sampleData, '--data', $bigFile,
        '--access-key', $TestAccessKey, '--secret-key', $TestSecretKey)
    $Connection = @{
        EndpointUrl = $Emulator.Url; Region = 'us-east-1'
        AccessKey = $TestAccessKey; SecretKey = $TestSecretKey
    }
    $CommandName = 'LookoutTools.Cmdlets.GetLEModelVersionCommand'

    function New-ReferenceJob([object[]] $Calls, [string] $SecretKey = $TestSecretKey) {
        @{
            endpoint = $Emulator.Url; region = 'us-east-1'
            accessKeyId = $TestAccessKey; secretAccessKey = $SecretKey; calls = @($Calls)
        }
    }

    function Get-ApiInput([hashtable] $Case) {
        # The case's request with the default model and, for a NextToken case, a real token.
        $apiInput = @{ ModelName = 'pump-7' }
        foreach ($key in $Case.Input.Keys) { $apiInput[$key] = $Case.Input[$key] }
        if ($apiInput['NextToken'] -eq 'from-first-page') {
            $apiInput.NextToken = $FirstPageTokens[$Case.Case]
        }
        $apiInput
    }

    function ConvertTo-CmdletParameter([hashtable] $ApiInput, [hashtable] $Case) {
        $parameters = @{}
        foreach ($key in $ApiInput.Keys) {
            $value = $ApiInput[$key]
            switch ($key) {
                'MaxResults' { $parameters.PageSize = $value }
                { $_ -in 'CreatedAtStartTime', 'CreatedAtEndTime' } {
                    $time = [datetime]::Parse($value, [cultureinfo]::InvariantCulture,
                        [System.Globalization.DateTimeStyles]::RoundtripKind)
                    if ($Case.LocalTime) {
                        $time = [datetime]::SpecifyKind($time.ToLocalTime(), 'Unspecified')
                    }
                    if ($Case.ExtraTicks) { $time = $time.AddTicks($Case.ExtraTicks) }
                    $parameters[$key] = $time
                }
                default { $parameters[$key] = $value }
            }
        }
        $parameters
    }

    function Get-JsonMember([string] $Body) {
        # Each member's name and its value exactly as written, in the order written.
        $document = [System.Text.Json.JsonDocument]::Parse($Body)
        try {
            foreach ($property in $document.RootElement.EnumerateObject()) {
                "$($property.Name)=$($property.Value.GetRawText())"
            }
        }
        finally { $document.Dispose() }
    }

    function Format-Version($Version) {
        # One line per version with every field; times to the millisecond, as JS Dates hold.
        $created = if ($null -eq $Version.CreatedAt) { '' }
        elseif ($Version.CreatedAt -is [datetime]) {
            $Version.CreatedAt.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ',
                [cultureinfo]::InvariantCulture)
        }
        else { $Version.CreatedAt }
        @($Version.ModelName, $Version.ModelArn, $Version.ModelVersion, $Version.ModelVersionArn,
            $created, $Version.Status, $Version.SourceType, $Version.ModelQuality) -join '|'
    }

    function Get-FirstDifference([string[]] $Module, [string[]] $Reference) {
        # Null when both lists are equal; otherwise where and how they first differ.
        $length = [Math]::Max($Module.Count, $Reference.Count)
        for ($i = 0; $i -lt $length; $i++) {
            $ours = if ($i -lt $Module.Count) { $Module[$i] } else { '<nothing>' }
            $theirs = if ($i -lt $Reference.Count) { $Reference[$i] } else { '<nothing>' }
            if ($ours -cne $theirs) {
                return "item $i of $($Module.Count) (module) / $($Reference.Count) (JS): " +
                    "module '$ours', JS '$theirs'"
            }
        }
    }

    function Get-TokenSequence([object[]] $Requests) {
        foreach ($request in $Requests) {
            $token = ($request.Body | ConvertFrom-Json).PSObject.Properties['NextToken']
            if ($token) { $token.Value } else { '<none>' }
        }
    }

    function Invoke-ModuleListing([hashtable] $Parameters) {
        Clear-EmulatorRequest -Emulator $Emulator
        $errors = $null
        $versions = @(Get-LEModelVersion @Parameters @Connection -WarningAction SilentlyContinue `
                -ErrorAction SilentlyContinue -ErrorVariable errors)
        [pscustomobject]@{
            Versions = $versions
            Errors   = @($errors)
            Requests = @(Get-EmulatorRequest -Emulator $Emulator)
        }
    }

    function Invoke-ReferenceListing([object[]] $Calls, [string] $SecretKey = $TestSecretKey) {
        Clear-EmulatorRequest -Emulator $Emulator
        $result = Invoke-ReferenceClient -Job (New-ReferenceJob $Calls $SecretKey)
        [pscustomobject]@{
            Results  = @($result.results)
            Requests = @(Get-EmulatorRequest -Emulator $Emulator)
        }
    }

    # The JS client's bodies for every case, from one run of the reference client: first the
    # tokens that the NextToken cases continue from, then one request per case.
    $FirstPageTokens = @{}
    $tokenCases = @($BodyCases | Where-Object { $_.Input['NextToken'] })
    if ($tokenCases) {
        $calls = foreach ($case in $tokenCases) {
            $first = Get-ApiInput $case
            $first.Remove('NextToken')
            @{ mode = 'page'; input = $first }
        }
        $firstPages = Invoke-ReferenceListing $calls
        for ($i = 0; $i -lt $tokenCases.Count; $i++) {
            $FirstPageTokens[$tokenCases[$i].Case] = $firstPages.Results[$i].nextToken
        }
    }

    $reference = Invoke-ReferenceListing @($BodyCases | ForEach-Object {
            @{ mode = 'page'; input = (Get-ApiInput $_) }
        })
    $ReferenceRequests = @{}
    if ($reference.Requests.Count -eq $BodyCases.Count) {
        for ($i = 0; $i -lt $BodyCases.Count; $i++) {
            $ReferenceRequests[$BodyCases[$i].Case] = $reference.Requests[$i]
        }
    }
    $installed = Join-Path $RepositoryRoot `
        'tests/Conformance/node_modules/@aws-sdk/client-lookoutequipment/package.json'
    Write-Host "Reference: @aws-sdk/client-lookoutequipment $((Get-Content -Raw $installed |
        ConvertFrom-Json).version)"
}

AfterAll {
    if ($Emulator) { Stop-EmulatorProcess -Emulator $Emulator }
    Restore-AwsEnvironment
}

Describe 'Get-LEModelVersion against @aws-sdk/client-lookoutequipment' {
    BeforeEach {
        if (-not $SkipReason) { Clear-EmulatorFault -Emulator $Emulator }
    }

    Context 'request bodies' -ForEach $BodyCases {
        BeforeAll {
            if ($SkipReason) { return }
            $ApiInput = Get-ApiInput $_
            if ($ApiInput.ContainsKey('NextToken')) {
                $ApiInput.NextToken |
                    Should -Not -BeNullOrEmpty -Because 'the first page has a next one'
            }
            $parameters = ConvertTo-CmdletParameter $ApiInput $_
            $ModuleRequests = (Invoke-ModuleListing $parameters).Requests
            $ReferenceRequest = $ReferenceRequests[$Case]
        }

        It 'sends the same members, values and headers as the JS client: <Case>' {
            if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
            $ReferenceRequest |
                Should -Not -BeNullOrEmpty -Because 'the JS client made one request per case'
            $ModuleRequests | Should -HaveCount 1
            $moduleRequest = $ModuleRequests[0]

            # Member order aside, every member and its literal text (numbers too) must match.
            $moduleMembers = @(Get-JsonMember $moduleRequest.Body | Sort-Object)
            $referenceMembers = @(Get-JsonMember $ReferenceRequest.Body | Sort-Object)
            ($moduleMembers -join ', ') | Should -BeExactly ($referenceMembers -join ', ')

            $moduleRequest.Headers.'X-Amz-Target' |
                Should -BeExactly $ReferenceRequest.Headers.'X-Amz-Target'
            $moduleRequest.Headers.'Content-Type' |
                Should -BeExactly $ReferenceRequest.Headers.'Content-Type'
            $moduleRequest.Status | Should -Be $ReferenceRequest.Status
        }

        It 'sends the same body byte for byte as the JS client: <Case>' {
            if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
            # The log holds each body as the UTF-8 text received, so equal text is equal bytes.
            $moduleBody = $ModuleRequests[0].Body
            $referenceBody = $ReferenceRequest.Body
            $moduleOrder = @(Get-JsonMember $moduleBody | ForEach-Object { ($_ -split '=')[0] })
            $referenceOrder = @(Get-JsonMember $referenceBody |
                    ForEach-Object { ($_ -split '=')[0] })
            $because = if ((@(Get-JsonMember $moduleBody | Sort-Object) -join ',') -ceq
                (@(Get-JsonMember $referenceBody | Sort-Object) -join ',')) {
                'the members and values are the same and only their order differs (module: ' +
                "$($moduleOrder -join ', '); JS client: $($referenceOrder -join ', '))"
            }
            else { "the JS client sent $referenceBody" }

            $moduleBody | Should -BeExactly $referenceBody -Because $because
        }
    }

    Context 'listing results' {
        It 'lists the sample data in pages of 7 with the same versions, fields and pages' {
            if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
            $module = Invoke-ModuleListing @{ ModelName = $SampleModels; All = $true; PageSize = 7 }
            $reference = Invoke-ReferenceListing @($SampleModels | ForEach-Object {
                    @{ mode = 'all'; input = @{ ModelName = $_ }; pageSize = 7 }
                })

            $module.Errors | Should -HaveCount 0
            $reference.Results.ok | Should -Not -Contain $false
            $moduleLines = @($module.Versions | ForEach-Object { Format-Version $_ })
            $referenceLines = @($reference.Results.items | ForEach-Object { Format-Version $_ })
            $moduleLines.Count | Should -BeGreaterThan 500
            Get-FirstDifference $moduleLines $referenceLines | Should -BeNullOrEmpty
            Get-FirstDifference @(Get-TokenSequence $module.Requests) @(
                Get-TokenSequence $reference.Requests) | Should -BeNullOrEmpty
        }

        It 'lists <Model> in pages of 500 with the same results: <Label>' -ForEach @(
            @{ Model = 'pump-conformance'; Label = 'no filter'; Filter = @{} }
            @{ Model = 'pump-7'; Label = 'Status FAILED'; Filter = @{ Status = 'FAILED' } }
            @{ Model = 'pump-conformance'; Label = 'SourceType and a window'
                Filter = @{ SourceType = 'IMPORT'
                    CreatedAtStartTime = '2024-02-01T00:00:00Z'
                    CreatedAtEndTime = '2026-02-01T00:00:00.250Z' } }
        ) {
            if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
            $apiInput = @{ ModelName = $Model } + $Filter
            $parameters = (ConvertTo-CmdletParameter $apiInput @{}) +
                @{ All = $true; PageSize = 500 }
            $module = Invoke-ModuleListing $parameters
            $reference = Invoke-ReferenceListing @(
                @{ mode = 'all'; input = $apiInput; pageSize = 500 })

            $module.Errors | Should -HaveCount 0
            $reference.Results[0].ok | Should -BeTrue
            $module.Versions.Count | Should -BeGreaterThan 0
            Get-FirstDifference @($module.Versions | ForEach-Object { Format-Version $_ }) @(
                $reference.Results[0].items | ForEach-Object { Format-Version $_ }) |
                Should -BeNullOrEmpty
            $module.Requests | Should -HaveCount $reference.Requests.Count
            Get-FirstDifference @(Get-TokenSequence $module.Requests) @(
                Get-TokenSequence $reference.Requests) | Should -BeNullOrEmpty
        }
    }

    Context 'errors from injected faults' -ForEach $FaultCases {
        It 'receives the same error name, HTTP status and number of attempts for <ErrorType>' {
            if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
            Set-EmulatorFault -Emulator $Emulator -Rule @(
                $Rule + @{ Times = 0; Message = 'Injected' })

            $module = Invoke-ModuleListing @{ ModelName = 'pump-7' }
            $reference = Invoke-ReferenceListing @(
                @{ mode = 'page'; input = @{ ModelName = 'pump-7' } })

            $module.Versions | Should -HaveCount 0
            $module.Errors | Should -HaveCount 1
            $reference.Results[0].ok | Should -BeFalse
            $jsError = $reference.Results[0].error
            $moduleException = $module.Errors[0].Exception
            $moduleException.ErrorCode | Should -BeExactly $jsError.name
            [int]$moduleException.InnerException.StatusCode | Should -Be $jsError.status
            $module.Requests.Count |
                Should -Be $reference.Requests.Count -Because 'both retry alike'
            $reference.Requests.Count | Should -Be $jsError.attempts
        }
    }

    Context 'SigV4' {
        It 'accepts the signatures of both clients' {
            if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
            $module = Invoke-ModuleListing @{ ModelName = 'fan-x1' }
            $reference = Invoke-ReferenceListing @(
                @{ mode = 'page'; input = @{ ModelName = 'fan-x1' } })

            $module.Errors | Should -HaveCount 0
            $reference.Results[0].ok | Should -BeTrue
            foreach ($request in @($module.Requests) + @($reference.Requests)) {
                $request.Status | Should -Be 200
                $request.AccessKey | Should -BeExactly $TestAccessKey
                $request.Headers.SignedHeaders | Should -Contain 'x-amz-target'
                $request.Headers.SignedHeaders | Should -Contain 'content-type'
            }
            $module.Versions | Should -HaveCount $reference.Results[0].items.Count
        }

        It 'rejects both when the secret key differs' {
            if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
            $wrong = 'not-the-emulators-secret'
            Clear-EmulatorRequest -Emulator $Emulator
            $errors = $null
            $null = Get-LEModelVersion fan-x1 -EndpointUrl $Emulator.Url -Region us-east-1 `
                -AccessKey $TestAccessKey -SecretKey $wrong -ErrorAction SilentlyContinue `
                -ErrorVariable errors
            $moduleRequests = @(Get-EmulatorRequest -Emulator $Emulator)
            $reference = Invoke-ReferenceListing -SecretKey $wrong @(
                @{ mode = 'page'; input = @{ ModelName = 'fan-x1' } })

            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeExactly "AuthenticationFailed,$CommandName"
            $reference.Results[0].ok | Should -BeFalse
            $errors[0].Exception.ErrorCode | Should -BeExactly $reference.Results[0].error.name
            $errors[0].Exception.ErrorCode | Should -BeExactly 'InvalidSignatureException'
            [int]$errors[0].Exception.InnerException.StatusCode |
                Should -Be $reference.Results[0].error.status
            @($moduleRequests) + @($reference.Requests) |
                ForEach-Object { $_.Status | Should -Be 403 }
        }
    }
}

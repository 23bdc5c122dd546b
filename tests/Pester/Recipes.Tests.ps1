# The two ways README.md and about_LookoutTools show to test a runbook: the files in
# module/examples are the text both documents show, and this test runs them as they are.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')
    Set-IsolatedAwsEnvironment

    $RecipeFolder = Join-Path $RepositoryRoot 'module/examples'
    function Get-Text([string] $Path) { (Get-Content -Raw $Path) -replace "`r`n", "`n" }
}

AfterAll {
    Restore-AwsEnvironment
}

Describe 'The testing recipes' {
    It 'appear in <Document> exactly as <Recipe> has them' -ForEach @(
        foreach ($document in 'README.md', 'module/help/about_LookoutTools.md') {
            foreach ($recipe in 'Assert-ModelQuality.ps1', 'Assert-ModelQuality.Mock.Tests.ps1',
                'Assert-ModelQuality.Emulator.Tests.ps1', 'pump-7.versions.json') {
                @{ Document = $document; Recipe = $recipe }
            }
        }
    ) {
        $documentText = Get-Text (Join-Path $RepositoryRoot $Document)
        $recipeText = Get-Text (Join-Path $RecipeFolder $Recipe)

        $documentText.Contains("`n" + $recipeText + '```') |
            Should -BeTrue -Because "$Document shows $Recipe in a code block"
    }

    It 'appear in Get-Help about_LookoutTools line for line' {
        $about = Get-Help about_LookoutTools | Out-String
        foreach ($recipe in Get-ChildItem $RecipeFolder -File) {
            $because = "the about topic shows $($recipe.Name)"
            foreach ($line in (Get-Text $recipe.FullName) -split "`n" |
                    Where-Object { $_.Trim() }) {
                $about | Should -Match ([regex]::Escape($line)) -Because $because
            }
        }
    }

    It 'pass as written, mocked and against the emulator' {
        # The recipes say Import-Module LookoutTools, as a user's tests would: a module folder
        # named LookoutTools that links to this repository makes that import this build.
        $modules = Join-Path $TestDrive 'modules'
        $null = New-Item -ItemType Directory -Path $modules
        $linkType = if ($IsWindows) { 'Junction' } else { 'SymbolicLink' }
        $link = Join-Path $modules 'LookoutTools'
        $null = New-Item -ItemType $linkType -Path $link -Target $RepositoryRoot

        $script = Join-Path $TestDrive 'run-recipes.ps1'
        Set-Content -Path $script -Value @'
param($Pester, $Recipes)
Import-Module $Pester
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Recipes
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $configuration
[pscustomobject]@{
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Tests  = @($result.Tests | ForEach-Object { "$($_.Result) $($_.ExpandedPath)" })
} | ConvertTo-Json
'@
        $pester = (Get-Module Pester).Path

        $result = Invoke-ChildPwsh -File $script -ArgumentList $pester, $RecipeFolder `
            -Environment @{ PSModulePath = $modules } | ConvertFrom-Json

        $result.Failed | Should -Be 0 -Because ($result.Tests -join "`n")
        $result.Passed | Should -Be 4
        $result.Tests | Should -Contain (
            "Passed Assert-ModelQuality, with Get-LEModelVersion mocked." +
            "fails when the newest successful version is of poor quality")
        $result.Tests | Should -Contain (
            "Passed Assert-ModelQuality, against the emulator." +
            "fails on the poor-quality version 3 in the data file")
    }
}

<#
.SYNOPSIS
Fails when the newest successful version of a Lookout for Equipment model is of poor quality.
#>
param(
    [Parameter(Mandatory)]
    [string] $ModelName
)

$newest = Get-LEModelVersion -ModelName $ModelName -Status SUCCESS -All |
    Sort-Object ModelVersion -Descending |
    Select-Object -First 1

if ($null -eq $newest) {
    throw "Model '$ModelName' has no successful version."
}
if ($newest.ModelQuality -eq 'POOR_QUALITY_DETECTED') {
    throw "Version $($newest.ModelVersion) of model '$ModelName' is of poor quality."
}
"Version $($newest.ModelVersion) of model '$ModelName' is fine: $($newest.ModelQuality)."

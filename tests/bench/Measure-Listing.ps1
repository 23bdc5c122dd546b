<#
.SYNOPSIS
Measures Get-LEModelVersion against the JS reference client and a plain HttpClient loop, and
prints a table of medians. A measurement, not a test: it never fails on a missed target.

.DESCRIPTION
One emulator on 127.0.0.1 (unsigned requests accepted) serves two generated models of
100,000 and 1,000,000 versions. The script measures, with the medians of several runs:
  - listing 100,000 versions in pages of 500 with `Get-LEModelVersion -All -PageSize 500 |
    Measure-Object`, the JS client's paginateListModelVersions, and a C# HttpClient loop that
    only fetches the same pages unsigned and parses them with JsonDocument (the floor);
  - the time to the first object with -All over those 200 pages, against a one-page call;
  - the requests made by `-All | Select-Object -First 5`;
  - cold start: a new pwsh that imports the module and lists one page, a new pwsh that only
    imports it, and a new pwsh that does nothing;
  - peak working set of a new pwsh streaming 1,000,000 versions to Measure-Object, against one
    that lists one page.
Two extra rows split the module's listing time: its SDK client alone (no PowerShell pipeline)
and the cmdlet with its output discarded (no Measure-Object).

Needs the built module (dotnet pwsh ./build.ps1 Build) and npm for the JS client; without npm
the JS row says why it is missing. Nothing leaves the machine: every client is pointed at the
emulator with made-up keys, and the real ~/.aws is never read.

.EXAMPLE
dotnet pwsh ./tests/bench/Measure-Listing.ps1
#>
[CmdletBinding()]
param(
    # Measured runs per figure; their median is printed.
    [ValidateRange(1, 50)] [int] $Runs = 9,

    # Unmeasured runs first, so that the JIT and connection pools are warm.
    [ValidateRange(0, 10)] [int] $WarmupRuns = 2,

    # Alternated runs of the first-object figures, which are a few milliseconds each.
    [ValidateRange(1, 100)] [int] $LatencyRuns = 15,

    # Rounds of the three cold-start figures (three new pwsh processes a round).
    [ValidateRange(1, 50)] [int] $ColdStartRuns = 11,

    # Runs of the two memory figures (each starts a new pwsh; the 1,000,000 listing is long).
    [ValidateRange(1, 10)] [int] $MemoryRuns = 3
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepositoryRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
$ModuleManifest = Join-Path $RepositoryRoot 'LookoutTools.psd1'
$PwshDll = Join-Path $PSHOME 'pwsh.dll'
$ChildTimeoutSeconds = 240
$BenchModel = 'bench-100k'
$BigModel = 'bench-1m'
$PageSize = 500

if (-not (Test-Path (Join-Path $RepositoryRoot 'module/bin/LookoutTools.dll'))) {
    throw 'The module is not built; run: dotnet pwsh ./build.ps1 Build'
}

Import-Module (Join-Path $RepositoryRoot 'tests/Support/EmulatorProcess.psm1') -Force
Import-Module (Join-Path $RepositoryRoot 'tests/Conformance/ReferenceClient.psm1') -Force

#region Helpers

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Measure-Runs([scriptblock] $Action, [int] $Count = $Runs, [int] $Warmup = $WarmupRuns) {
    # Seconds per run of $Action, after the warm-up runs.
    foreach ($run in 1..($Warmup + $Count)) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $null = & $Action
        $watch.Stop()
        if ($run -gt $Warmup) { $watch.Elapsed.TotalSeconds }
    }
}

function Invoke-ChildPwsh([string] $Command) {
    # Starts a new pwsh (the same pinned one), waits at most $ChildTimeoutSeconds, and returns
    # its wall time and standard output. A child that overruns is ended by its own id.
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $PwshDll, '-NoProfile', '-NonInteractive', '-Command', $Command) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.WorkingDirectory = $RepositoryRoot
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false

    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        $output = $process.StandardOutput.ReadToEndAsync()
        $errors = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($ChildTimeoutSeconds * 1000)) {
            $process.Kill($true)
            throw "A child pwsh did not finish within $ChildTimeoutSeconds s: $Command"
        }
        $process.WaitForExit()
        $watch.Stop()
        if ($process.ExitCode -ne 0) {
            throw "A child pwsh failed ($($process.ExitCode)): $($errors.Result)"
        }
        [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Output = $output.Result.Trim() }
    }
    finally {
        $process.Dispose()
    }
}

function Get-MachineDescription {
    $cpu = 'unknown CPU'
    $memory = 'unknown memory'
    if (Test-Path '/proc/cpuinfo') {
        $line = Select-String -Path '/proc/cpuinfo' -Pattern '^model name\s*:\s*(.+)$' |
            Select-Object -First 1
        if ($line) { $cpu = $line.Matches[0].Groups[1].Value.Trim() }
    }
    if (Test-Path '/proc/meminfo') {
        $line = Select-String -Path '/proc/meminfo' -Pattern '^MemTotal:\s*(\d+) kB' |
            Select-Object -First 1
        if ($line) {
            $memory = '{0:N1} GiB' -f ([double]$line.Matches[0].Groups[1].Value / 1MB)
        }
    }
    "nproc $([Environment]::ProcessorCount), $cpu, $memory, " +
    "$([System.Runtime.InteropServices.RuntimeInformation]::OSDescription)"
}

# The floor: fetch and parse the same pages, unsigned, with nothing else in the way. The
# parse timers split the module's time: its parser (called through a delegate, as a method
# taking a span cannot be called from PowerShell) against JsonDocument on the same bodies.
Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;

public delegate object LookoutPageParser(ReadOnlySpan<byte> body);

public static class LookoutListingFloor
{
    public static long CountVersions(HttpClient http, string url, string modelName, int pageSize)
    {
        return Walk(http, url, modelName, pageSize, null);
    }

    public static List<byte[]> FetchPages(
        HttpClient http, string url, string modelName, int pageSize)
    {
        var pages = new List<byte[]>();
        Walk(http, url, modelName, pageSize, pages);
        return pages;
    }

    public static double SecondsToParseWithJsonDocument(List<byte[]> pages)
    {
        var watch = Stopwatch.StartNew();
        foreach (var body in pages)
        {
            using (var page = JsonDocument.Parse(body))
            {
                page.RootElement.GetProperty("ModelVersionSummaries").GetArrayLength();
            }
        }
        return watch.Elapsed.TotalSeconds;
    }

    public static double SecondsToParseWith(MethodInfo parse, List<byte[]> pages)
    {
        var parser = (LookoutPageParser)Delegate.CreateDelegate(typeof(LookoutPageParser), parse);
        var watch = Stopwatch.StartNew();
        foreach (var body in pages)
        {
            parser(body);
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static long Walk(
        HttpClient http, string url, string modelName, int pageSize, List<byte[]> keep)
    {
        string token = null;
        long versions = 0;
        do
        {
            var body = "{\"ModelName\":\"" + modelName + "\",\"MaxResults\":" + pageSize
                + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}";
            using (var request = new HttpRequestMessage(HttpMethod.Post, url))
            {
                request.Headers.Add("X-Amz-Target",
                    "AWSLookoutEquipmentFrontendService.ListModelVersions");
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                request.Content.Headers.ContentType =
                    new MediaTypeHeaderValue("application/x-amz-json-1.0");
                using (var response = http.Send(request))
                {
                    response.EnsureSuccessStatusCode();
                    var bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                    if (keep != null) keep.Add(bytes);
                    using (var page = JsonDocument.Parse(bytes))
                    {
                        versions += page.RootElement.GetProperty("ModelVersionSummaries")
                            .GetArrayLength();
                        token = page.RootElement.TryGetProperty("NextToken", out var next)
                            ? next.GetString()
                            : null;
                    }
                }
            }
        }
        while (token != null);
        return versions;
    }
}
'@

#endregion

# Isolate the AWS environment of this process and of every child it starts. AWS_CA_BUNDLE goes
# too: every request here is plain http to 127.0.0.1, and a bundle named there would be parsed
# on each new process's first call (about 26 ms for the system's whole bundle).
$savedEnvironment = @{}
$isolated = Join-Path ([System.IO.Path]::GetTempPath()) "lookouttools-bench-$PID"
$null = New-Item -ItemType Directory -Force -Path $isolated
$isolatedSettings = @{
    AWS_EC2_METADATA_DISABLED = 'true'
    AWS_CONFIG_FILE = (Join-Path $isolated 'config-absent')
    AWS_SHARED_CREDENTIALS_FILE = (Join-Path $isolated 'credentials-absent')
    AWS_PROFILE = $null; AWS_DEFAULT_PROFILE = $null; AWS_REGION = $null; AWS_DEFAULT_REGION = $null
    AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_SESSION_TOKEN = $null
    AWS_ENDPOINT_URL = $null; AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $null
    AWS_MAX_ATTEMPTS = $null; AWS_RETRY_MODE = $null; AWS_CA_BUNDLE = $null
}
foreach ($name in $isolatedSettings.Keys) {
    $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    [Environment]::SetEnvironmentVariable($name, $isolatedSettings[$name])
}

$emulator = $null
$http = $null
try {
    $started = [DateTimeOffset]::UtcNow
    Write-Host "Installing the JS reference client (npm ci)..." -ForegroundColor Cyan
    $jsMissing = Install-ReferenceClient

    Write-Host "Starting the emulator with $BenchModel and $BigModel..." -ForegroundColor Cyan
    $emulator = Start-EmulatorProcess -ArgumentList @('--no-sample-data',
        '--generate', "$BenchModel=100000", '--generate', "$BigModel=1000000")
    $url = $emulator.Url
    $connection = @{
        EndpointUrl = $url; Region = 'us-east-1'
        AccessKey = 'AKIABENCHMARKEXAMPLE'; SecretKey = 'made-up-benchmark-secret'
    }
    $childConnection = "-EndpointUrl '$url' -Region us-east-1 -AccessKey AKIABENCHMARKEXAMPLE " +
        "-SecretKey made-up-benchmark-secret"
    Import-Module $ModuleManifest -Force
    $http = [System.Net.Http.HttpClient]::new()

    # 1. Listing 100,000 versions in pages of 500, in rounds so that drift on the machine
    # (the emulator shares its two cores) falls on every client alike.
    Write-Host 'Listing 100,000 versions: floor, module, its splits, JS client...' `
        -ForegroundColor Cyan
    $floorCount = [LookoutListingFloor]::CountVersions($http, $url, $BenchModel, $PageSize)
    if ($floorCount -ne 100000) { throw "The floor listed $floorCount versions, not 100000." }
    $moduleCount = (Get-LEModelVersion $BenchModel -All -PageSize $PageSize @connection |
            Measure-Object).Count
    if ($moduleCount -ne 100000) { throw "Get-LEModelVersion listed $moduleCount, not 100000." }

    # The split rows reach into the module's public classes: its own client, page after page
    # with no PowerShell pipeline around it, and its parser. Should those classes change, the
    # split rows say so and the rest is still measured.
    $splitMissing = $null
    try {
        $settings = [LookoutTools.Connection.ConnectionSettings]@{
            EndpointUrl = $url; Region = 'us-east-1'
            AccessKey = $connection.AccessKey; SecretKey = $connection.SecretKey
        }
        $client = [LookoutTools.Connection.ConnectionResolver]::Resolve($settings).Client
        $moduleParser = [LookoutTools.Protocol.ListModelVersionsPage].GetMethod('Parse')
        if ($null -eq $moduleParser) { throw 'ListModelVersionsPage.Parse is gone' }
        $null = [LookoutTools.Protocol.ListModelVersionsQuery].GetMethod('WithNextToken')
    }
    catch {
        $splitMissing = "the module's classes changed ($($_.Exception.Message))"
    }
    $bodies = [LookoutListingFloor]::FetchPages($http, $url, $BenchModel, $PageSize)

    $listing = @{
        Floor = @(); Module = @(); Client = @(); OutNull = @(); Js = @()
        ModuleParse = @(); DocumentParse = @()
    }
    $jsVersion = $null
    foreach ($round in 1..($WarmupRuns + $Runs)) {
        $measured = $round -gt $WarmupRuns
        $seconds = Measure-Runs -Count 1 -Warmup 0 {
            [LookoutListingFloor]::CountVersions($http, $url, $BenchModel, $PageSize)
        }
        if ($measured) { $listing.Floor += $seconds }

        $seconds = Measure-Runs -Count 1 -Warmup 0 {
            (Get-LEModelVersion $BenchModel -All -PageSize $PageSize @connection |
                    Measure-Object).Count
        }
        if ($measured) { $listing.Module += $seconds }

        $seconds = if (-not $splitMissing) { Measure-Runs -Count 1 -Warmup 0 {
            $query = [LookoutTools.Protocol.ListModelVersionsQuery]@{
                ModelName = $BenchModel; MaxResults = $PageSize
            }
            do {
                $page = $client.ListModelVersionsAsync($query, [Threading.CancellationToken]::None).
                    GetAwaiter().GetResult()
                $query = $query.WithNextToken($page.NextToken)
            } while ($page.NextToken)
        } }
        if ($measured -and -not $splitMissing) { $listing.Client += $seconds }

        $seconds = Measure-Runs -Count 1 -Warmup 0 {
            Get-LEModelVersion $BenchModel -All -PageSize $PageSize @connection | Out-Null
        }
        if ($measured) { $listing.OutNull += $seconds }

        $documentParse = [LookoutListingFloor]::SecondsToParseWithJsonDocument($bodies)
        $moduleParse = if (-not $splitMissing) {
            [LookoutListingFloor]::SecondsToParseWith($moduleParser, $bodies)
        }
        if ($measured -and -not $splitMissing) {
            $listing.ModuleParse += $moduleParse
            $listing.DocumentParse += $documentParse
        }

        # A new node process per round, warmed by its own unmeasured runs like pwsh above.
        if ($measured -and -not $jsMissing) {
            $jsJob = @{
                endpoint = $url; region = 'us-east-1'
                accessKeyId = $connection.AccessKey; secretAccessKey = $connection.SecretKey
                calls = @(@{ mode = 'count'; input = @{ ModelName = $BenchModel }
                        pageSize = $PageSize; runs = $WarmupRuns + 1 })
            }
            $jsResult = Invoke-ReferenceClient -Job $jsJob -TimeoutSeconds $ChildTimeoutSeconds
            $jsRuns = @($jsResult.results[0].runs)
            if (@($jsRuns | Where-Object items -ne 100000).Count) {
                throw 'The JS client did not list 100000 versions.'
            }
            $listing.Js += $jsRuns[-1].seconds
            $jsVersion = $jsResult.sdkVersion
        }
    }

    # 2. First object with -All over 200 pages, against a one-page call; alternated.
    Write-Host "Time to the first object..." -ForegroundColor Cyan
    $latency = @{ AllFirst = @(); OnePage = @(); OnePageFirst = @() }
    foreach ($run in 1..($WarmupRuns + $LatencyRuns)) {
        $measured = $run -gt $WarmupRuns
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $null = Get-LEModelVersion $BenchModel -PageSize $PageSize @connection `
            -WarningAction SilentlyContinue
        if ($measured) { $latency.OnePage += $watch.Elapsed.TotalSeconds }

        # The same harness on both: the time when the first object reaches the next command.
        foreach ($all in $true, $false) {
            $first = $null
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            Get-LEModelVersion $BenchModel -All:$all -PageSize $PageSize @connection `
                -WarningAction SilentlyContinue |
                ForEach-Object { if ($null -eq $first) { $first = $watch.Elapsed.TotalSeconds } }
            if ($measured -and $all) { $latency.AllFirst += $first }
            if ($measured -and -not $all) { $latency.OnePageFirst += $first }
        }
    }

    # 3. Requests made by -All | Select-Object -First 5.
    Clear-EmulatorRequest -Emulator $emulator
    $firstFive = @(Get-LEModelVersion $BenchModel -All -PageSize $PageSize @connection |
            Select-Object -First 5)
    $firstFiveRequests = @(Get-EmulatorRequest -Emulator $emulator).Count

    # 4. Cold start, interleaved so that drift on the machine hits every kind alike.
    Write-Host "Cold start (new pwsh processes)..." -ForegroundColor Cyan
    $bareCommand = '$null'
    $importCommand = "Import-Module '$ModuleManifest'"
    # This child also reports, from inside, how long the import and the first call took.
    $pageCommand = '$w = [Diagnostics.Stopwatch]::StartNew(); ' +
        "Import-Module '$ModuleManifest'; `$i = `$w.Elapsed.TotalMilliseconds; " +
        "Get-LEModelVersion $BenchModel $childConnection -WarningAction SilentlyContinue | " +
        'Out-Null; "$i $($w.Elapsed.TotalMilliseconds - $i)"'
    $null = Invoke-ChildPwsh $pageCommand
    $cold = @{ Bare = @(); Import = @(); Page = @(); InsideImport = @(); InsideCall = @() }
    foreach ($run in 1..$ColdStartRuns) {
        $cold.Bare += (Invoke-ChildPwsh $bareCommand).Seconds
        $cold.Import += (Invoke-ChildPwsh $importCommand).Seconds
        $page = Invoke-ChildPwsh $pageCommand
        $cold.Page += $page.Seconds
        $inside = $page.Output -split ' '
        $cold.InsideImport += [double]$inside[0]
        $cold.InsideCall += [double]$inside[1]
    }

    # 5. Peak working set: 1,000,000 versions streamed to Measure-Object, against one page.
    Write-Host "Peak memory (new pwsh processes; 1,000,000 versions each)..." -ForegroundColor Cyan
    $peakProbe = '; $p = [Diagnostics.Process]::GetCurrentProcess(); $p.Refresh(); ' +
        '"$n $($p.PeakWorkingSet64)"'
    $streamCommand = "Import-Module '$ModuleManifest'; `$n = (Get-LEModelVersion $BigModel -All " +
        "-PageSize $PageSize $childConnection | Measure-Object).Count" + $peakProbe
    $onePageMemoryCommand = "Import-Module '$ModuleManifest'; `$n = (Get-LEModelVersion " +
        "$BigModel -PageSize $PageSize $childConnection -WarningAction SilentlyContinue | " +
        "Measure-Object).Count" + $peakProbe
    $memory = @{ Stream = @(); OnePage = @(); StreamSeconds = @() }
    foreach ($run in 1..$MemoryRuns) {
        $onePage = (Invoke-ChildPwsh $onePageMemoryCommand).Output -split ' '
        $stream = Invoke-ChildPwsh $streamCommand
        $streamFigures = $stream.Output -split ' '
        if ([long]$streamFigures[0] -ne 1000000) {
            throw "The stream counted $($streamFigures[0]) versions, not 1000000."
        }
        $memory.OnePage += [double]$onePage[1] / 1MB
        $memory.Stream += [double]$streamFigures[1] / 1MB
        $memory.StreamSeconds += $stream.Seconds
    }
}
finally {
    if ($http) { $http.Dispose() }
    if ($emulator) { Stop-EmulatorProcess -Emulator $emulator }
    foreach ($name in $savedEnvironment.Keys) {
        [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name])
    }
    Remove-Item -Recurse -Force $isolated -ErrorAction SilentlyContinue
}

#region Report

$floor = Get-Median $listing.Floor
$module = Get-Median $listing.Module
$js = if ($listing.Js) { Get-Median $listing.Js } else { $null }
$client = if ($listing.Client) { Get-Median $listing.Client } else { $null }
$moduleParse = if ($listing.ModuleParse) { Get-Median $listing.ModuleParse } else { $null }
$documentParse = Get-Median $listing.DocumentParse
$firstObject = Get-Median $latency.AllFirst
$onePage = Get-Median $latency.OnePage
$importOverBare = 1000 * (Get-Median @(for ($i = 0; $i -lt $ColdStartRuns; $i++) {
            $cold.Import[$i] - $cold.Bare[$i] }))
$pageOverBare = 1000 * (Get-Median @(for ($i = 0; $i -lt $ColdStartRuns; $i++) {
            $cold.Page[$i] - $cold.Bare[$i] }))
$streamMb = Get-Median $memory.Stream
$onePageMb = Get-Median $memory.OnePage

$lines = [System.Collections.Generic.List[string]]::new()

function Add-ListingRow([string] $Name, [double] $Seconds) {
    $lines.Add(('| {0} | {1:N3} s | {2:N0} | {3:N2} ms | {4:N2}x |' -f $Name, $Seconds,
            (100000 / $Seconds), ($Seconds * 1000 / 200), ($Seconds / $floor)))
}

function Add-FigureRow([string] $Name, [string] $Value, [string] $Target = '', $Met = $null) {
    $verdict = if ($null -eq $Met) { '' } elseif ($Met) { 'met' } else { 'missed' }
    $lines.Add("| $Name | $Value | $Target | $verdict |")
}

$nodeVersion = (& node --version 2>$null) -replace '^v', ''
$moduleVersion = (Import-PowerShellDataFile $ModuleManifest).ModuleVersion
$load = if (Test-Path '/proc/loadavg') {
    (Get-Content '/proc/loadavg') -split ' ' | Select-Object -First 3
}
$lines.Add("Machine: $(Get-MachineDescription)")
$lines.Add("Date: $($started.ToString('yyyy-MM-dd HH:mm')) UTC; PowerShell " +
    "$($PSVersionTable.PSVersion), .NET $([Environment]::Version), node $nodeVersion, " +
    "@aws-sdk/client-lookoutequipment $(if ($jsMissing) { 'missing' } else { $jsVersion }), " +
    "LookoutTools $moduleVersion")
$lines.Add("Medians: listing $Runs rounds after $WarmupRuns warm-up rounds; first object " +
    "$LatencyRuns runs; cold start $ColdStartRuns rounds; memory $MemoryRuns runs. One emulator " +
    "on 127.0.0.1 shares the $([Environment]::ProcessorCount) cores with the client; load " +
    "average at the end: $($load -join ' ').")
$lines.Add('')
$lines.Add('| listing 100,000 versions, pages of 500 | median | versions/s | per page | vs floor |')
$lines.Add('| --- | ---: | ---: | ---: | ---: |')
Add-ListingRow 'floor: C# HttpClient + JsonDocument, unsigned' $floor
Add-ListingRow '`Get-LEModelVersion -All -PageSize 500 \| Measure-Object`' $module
if ($null -ne $js) { Add-ListingRow 'JS client `paginateListModelVersions`' $js }
else { $lines.Add("| JS client | not run: $jsMissing | | | |") }
if ($splitMissing) {
    $lines.Add("| split: the module's client and parser | not run: $splitMissing | | | |")
}
else { Add-ListingRow 'split: the module''s SDK client alone, no pipeline' $client }
Add-ListingRow 'split: `Get-LEModelVersion -All \| Out-Null`' (Get-Median $listing.OutNull)
if (-not $splitMissing) {
    Add-ListingRow 'split: the module''s parser alone, on the same 200 bodies' $moduleParse
}
Add-ListingRow 'split: JsonDocument alone (the floor''s parse), same bodies' $documentParse
$lines.Add('')

if (-not $splitMissing) {
    # Where the module's time per page goes, from the medians above (seconds per 200 pages
    # times 5 is milliseconds per page). From the fourth page on, -All fetches the next page
    # while it writes one, so the pipeline's share is what it adds over the client, not what
    # writing the objects costs on its own.
    $perPage = ('Per page of the module''s listing ({0:N2} ms): its SDK client alone {1:N2} ms ' +
        '(the floor {2:N2} ms; its parser {3:N2} ms against JsonDocument''s {4:N2} ms); the ' +
        'cmdlet and PowerShell pipeline add {5:N2} ms, since pages from the fourth on are ' +
        'fetched while the page before is written.') -f
        ($module * 5), ($client * 5), ($floor * 5), ($moduleParse * 5), ($documentParse * 5),
        (($module - $client) * 5)
    $lines.Add($perPage)
    $lines.Add('')
}

$lines.Add('| figure | median | target | verdict |')
$lines.Add('| --- | ---: | --- | --- |')
if ($null -ne $js) {
    Add-FigureRow 'module listing time / JS client''s' ('{0:N2}x' -f ($module / $js)) '<= 1.00x' `
        ($module -le $js)
}
Add-FigureRow 'module listing time / floor''s' ('{0:N2}x' -f ($module / $floor)) '<= 1.50x' `
    ($module -le 1.5 * $floor)
Add-FigureRow 'first object, -All over 200 pages' ('{0:N2} ms ({1:N2}x one page)' -f
    ($firstObject * 1000), ($firstObject / $onePage)) '<= 2x one page' (
    $firstObject -le 2 * $onePage)
Add-FigureRow 'one-page call of 500 versions, whole' ('{0:N2} ms' -f ($onePage * 1000))
Add-FigureRow 'first object of that one-page call, same harness as -All' ('{0:N2} ms' -f
    ((Get-Median $latency.OnePageFirst) * 1000))
Add-FigureRow 'requests for `-All \| Select-Object -First 5`' ('{0} ({1} objects)' -f
    $firstFiveRequests, $firstFive.Count) '1' ($firstFiveRequests -eq 1)
Add-FigureRow 'new pwsh doing nothing' ('{0:N0} ms' -f ((Get-Median $cold.Bare) * 1000))
Add-FigureRow 'new pwsh + Import-Module, over bare pwsh' ('+{0:N0} ms' -f $importOverBare)
Add-FigureRow 'new pwsh + import + one page (service default size), over bare pwsh' (
    '+{0:N0} ms' -f $pageOverBare) '< +300 ms' ($pageOverBare -lt 300)
Add-FigureRow 'split, timed inside that pwsh: Import-Module / first Get-LEModelVersion' (
    '{0:N0} ms / {1:N0} ms' -f (Get-Median $cold.InsideImport), (Get-Median $cold.InsideCall))
Add-FigureRow 'peak working set, one page of 500' ('{0:N1} MB' -f $onePageMb)
Add-FigureRow ('peak working set, 1,000,000 versions to Measure-Object ({0:N1} s)' -f
    (Get-Median $memory.StreamSeconds)) ('{0:N1} MB (+{1:N1} MB)' -f $streamMb,
    ($streamMb - $onePageMb)) '<= +60 MB' (($streamMb - $onePageMb) -le 60)
$lines.Add('')
$lines.Add("Total time: $([int]([DateTimeOffset]::UtcNow - $started).TotalSeconds) s")

$lines | ForEach-Object { Write-Output $_ }

#endregion

<#
.SYNOPSIS
Builds, tests, demonstrates and packages LookoutTools.

.DESCRIPTION
Tasks:
  Build    compile the module into module/bin (on Linux x64 also ahead of time into
           module/bin/linux-x64), the emulator into module/emulator, and the markdown help in
           module/help into MAML and about topics in en-US
  Test     Package, then run the xunit and Pester suites; ends with
           "N passed, N failed, N skipped"
  Demo     Build, start the emulator with the sample data, list model versions against it
  Package  Build, then lay out a versioned module folder and a .nupkg under artifacts/
  Clean    remove everything the other tasks produce

Run it with the pinned PowerShell: dotnet tool restore; dotnet pwsh ./build.ps1 <Task>

.EXAMPLE
dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# Every PowerShell this script starts (Pester, packaging) would otherwise send PowerShell's
# start-up telemetry.
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'

$RepositoryRoot = $PSScriptRoot
$ModuleFolder = Join-Path $RepositoryRoot 'module'
$ArtifactsFolder = Join-Path $RepositoryRoot 'artifacts'
# PowerShell looks for a module's help only in <module base>/<culture>, and the module base is
# the folder of the manifest, so the compiled help goes next to LookoutTools.psd1.
$HelpFolder = Join-Path $RepositoryRoot 'en-US'
# The build for PowerShell 7 on Linux x64, compiled ahead of time; LookoutTools.Startup loads
# it there, and PowerShell loads the portable module/bin everywhere else.
$ReadyToRunFolder = Join-Path $ModuleFolder 'bin/linux-x64'

function Invoke-Native {
    # Runs a program and stops the build when it fails, as native commands do not throw.
    param([Parameter(Mandatory)] [string] $Command, [string[]] $Arguments = @())

    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-PwshCommand {
    # The program and leading arguments that start another PowerShell like this one. Under
    # `dotnet pwsh` (the pinned local tool) this process is dotnet itself, which needs the
    # path of pwsh.dll to start PowerShell rather than the .NET CLI.
    $process = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($process)
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $RepositoryRoot 'LookoutTools.psd1')).ModuleVersion
}

# ---------------------------------------------------------------------------------------------
# Help: markdown in module/help, turned into MAML and about_*.help.txt by a small converter. The
# markdown follows platyPS's layout (platyPS itself cannot be installed here): H2 sections
# SYNOPSIS, DESCRIPTION, EXAMPLES, PARAMETERS (one H3 "-Name" each, with a yaml block),
# INPUTS, OUTPUTS, NOTES and RELATED LINKS. A line '<!-- include FILE -->' takes in another
# markdown file; other HTML comments are dropped.

$MamlNamespace = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    xmlns   = 'http://www.w3.org/2000/xmlns/'
}

function Read-HelpMarkdown {
    param([Parameter(Mandatory)] [string] $Path)

    $lines = [System.Collections.Generic.List[string]]::new()
    $text = (Get-Content -Raw -Path $Path) -replace "`r`n", "`n"
    if ($text.StartsWith("---`n")) {
        $end = $text.IndexOf("`n---`n", 4)
        if ($end -lt 0) { throw "$Path has front matter that is never closed." }
        $text = $text.Substring($end + 5)
    }
    foreach ($line in $text -split "`n") {
        if ($line -match '^<!--\s*include\s+(\S+)\s*-->$') {
            $included = Join-Path (Split-Path -Parent $Path) $Matches[1]
            if (-not (Test-Path $included)) { throw "$Path includes $included, which is missing." }
            $lines.AddRange([string[]](Read-HelpMarkdown -Path $included))
        }
        else {
            $lines.Add($line)
        }
    }
    # Comments go after includes are expanded, and may span lines.
    (($lines -join "`n") -replace '(?s)<!--.*?-->\n?', '') -split "`n"
}

function ConvertTo-MarkdownBlock {
    # Splits markdown into blocks: Heading (Level, Text), Code (Language, Lines), List (Items)
    # and Paragraph (Text). The lines of a paragraph or list item are joined with spaces.
    param([Parameter(Mandatory)] [AllowEmptyString()] [string[]] $Lines)

    $blocks = [System.Collections.Generic.List[object]]::new()
    $current = $null
    $index = 0
    while ($index -lt $Lines.Count) {
        $line = $Lines[$index]
        $index++

        if ($line -match '^```(\S*)\s*$') {
            $language = $Matches[1]
            $code = [System.Collections.Generic.List[string]]::new()
            while ($index -lt $Lines.Count -and $Lines[$index] -notmatch '^```\s*$') {
                $code.Add($Lines[$index])
                $index++
            }
            $index++
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Language = $language; Lines = @($code) })
            $current = $null
        }
        elseif ($line -match '^(#{1,6})\s+(.+?)\s*$') {
            $level = $Matches[1].Length
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Level = $level; Text = $Matches[2] })
            $current = $null
        }
        elseif ($line -match '^\s*$') {
            $current = $null
        }
        elseif ($line -match '^[-*]\s+(.*)$') {
            if ($null -eq $current -or $current.Kind -ne 'List') {
                $items = [System.Collections.Generic.List[string]]::new()
                $current = [pscustomobject]@{ Kind = 'List'; Items = $items }
                $blocks.Add($current)
            }
            $current.Items.Add($Matches[1])
        }
        elseif ($null -ne $current -and $current.Kind -eq 'List') {
            $current.Items[$current.Items.Count - 1] += ' ' + $line.Trim()
        }
        elseif ($null -ne $current) {
            $current.Text += ' ' + $line.Trim()
        }
        else {
            $current = [pscustomobject]@{ Kind = 'Paragraph'; Text = $line.Trim() }
            $blocks.Add($current)
        }
    }
    $blocks
}

function Format-HelpInline {
    # Markdown inline marks mean nothing in a console: keep the words, drop the marks. Links to
    # other help pages keep their text; links to the web keep their address too.
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)

    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)]+)\)', {
            param($match)
            $linkText, $uri = $match.Groups[1].Value, $match.Groups[2].Value
            if ($uri -match '^https?://') { "$linkText ($uri)" } else { $linkText }
        })
    $Text -replace '\*\*|`', ''
}

function Split-HelpSection {
    # Groups blocks under their headings of the given level: an ordered name -> blocks table.
    param([object[]] $Blocks, [int] $Level)

    $sections = [ordered]@{}
    $name = $null
    foreach ($block in $Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq $Level) {
            $name = $block.Text
            $sections[$name] = [System.Collections.Generic.List[object]]::new()
        }
        elseif ($null -ne $name) {
            $sections[$name].Add($block)
        }
    }
    $sections
}

function Start-MamlElement([System.Xml.XmlWriter] $Writer, [string] $QualifiedName) {
    $prefix, $name = $QualifiedName -split ':'
    $Writer.WriteStartElement($prefix, $name, $MamlNamespace[$prefix])
}

function Write-MamlElement {
    param([System.Xml.XmlWriter] $Writer, [string] $QualifiedName, [string] $Text)
    $prefix, $name = $QualifiedName -split ':'
    $Writer.WriteElementString($prefix, $name, $MamlNamespace[$prefix], $Text)
}

function Write-MamlParagraph {
    param([System.Xml.XmlWriter] $Writer, [object[]] $Blocks)

    foreach ($block in $Blocks) {
        switch ($block.Kind) {
            'Paragraph' { Write-MamlElement $Writer 'maml:para' (Format-HelpInline $block.Text) }
            'List' {
                foreach ($item in $block.Items) {
                    Write-MamlElement $Writer 'maml:para' ('- ' + (Format-HelpInline $item))
                }
            }
            'Code' { Write-MamlElement $Writer 'maml:para' ($block.Lines -join "`n") }
        }
    }
}

function Read-HelpParameter {
    # One H3 "-Name" section: its description blocks and the fields of its yaml block.
    param([string] $Heading, [object[]] $Blocks)

    $fields = @{}
    $yaml = $Blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'yaml' } |
        Select-Object -First 1
    if ($null -eq $yaml) { throw "Parameter $Heading has no yaml block." }
    foreach ($line in $yaml.Lines) {
        if ($line -match '^([^:]+):\s*(.*)$') { $fields[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    foreach ($required in 'Type', 'Required', 'Position', 'Default value',
        'Accept pipeline input') {
        if (-not $fields.ContainsKey($required)) { throw "Parameter $Heading has no '$required'." }
    }

    # Get-Help -Full shows no accepted values of its own, so the description says them. Only
    # a list of values (not a range) also goes into the syntax, as {A | B}.
    $values = $fields['Accepted values']
    $accepted = if ($values) { $values } else { $fields['Accepted range'] }
    $description = @($Blocks | Where-Object { $_.Kind -ne 'Code' })
    if ($accepted) {
        $description += [pscustomobject]@{ Kind = 'Paragraph'; Text = "Accepted values: $accepted" }
    }
    [pscustomobject]@{
        Name        = $Heading.TrimStart('-')
        Description = $description
        Type        = $fields['Type']
        Aliases     = if ($fields['Aliases']) { $fields['Aliases'] } else { 'none' }
        Values      = @(if ($values) { $values -split ',\s*' })
        Required    = $fields['Required'] -eq 'True'
        Position    = if ($fields['Position'] -eq 'Named') { 'named' } else { $fields['Position'] }
        Default     = $fields['Default value']
        Pipeline    = $fields['Accept pipeline input']
        Globbing    = $fields['Accept wildcard characters'] -eq 'True'
    }
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [switch] $InSyntax)

    $isSwitch = $Parameter.Type -eq 'SwitchParameter'
    Start-MamlElement $Writer 'command:parameter'
    $attributes = [ordered]@{
        required       = $Parameter.Required
        variableLength = $Parameter.Type.EndsWith('[]')
        globbing       = $Parameter.Globbing
        pipelineInput  = $Parameter.Pipeline
        position       = $Parameter.Position
        aliases        = $Parameter.Aliases
    }
    foreach ($name in $attributes.Keys) {
        $value = $attributes[$name]
        if ($value -is [bool]) { $value = $value.ToString().ToLowerInvariant() }
        $Writer.WriteAttributeString($name, $value)
    }
    Write-MamlElement $Writer 'maml:name' $Parameter.Name
    if (-not $InSyntax) {
        Start-MamlElement $Writer 'maml:description'
        Write-MamlParagraph -Writer $Writer -Blocks $Parameter.Description
        $Writer.WriteEndElement()
    }

    # The syntax shows a switch bare and an enum as its values; the parameter list shows types.
    $inGroup = $InSyntax -and $Parameter.Values.Count -gt 0
    $valueTexts = if ($inGroup) { $Parameter.Values }
        elseif (-not ($InSyntax -and $isSwitch)) { @($Parameter.Type) }
        else { @() }
    if ($inGroup) { Start-MamlElement $Writer 'command:parameterValueGroup' }
    foreach ($text in $valueTexts) {
        Start-MamlElement $Writer 'command:parameterValue'
        $isValueRequired = -not ($isSwitch -or $inGroup)
        $Writer.WriteAttributeString('required', $isValueRequired.ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($text)
        $Writer.WriteEndElement()
    }
    if ($inGroup) { $Writer.WriteEndElement() }

    Start-MamlElement $Writer 'dev:type'
    Write-MamlElement $Writer 'maml:name' $Parameter.Type
    $Writer.WriteEndElement()
    Write-MamlElement $Writer 'dev:defaultValue' $Parameter.Default
    $Writer.WriteEndElement()
}

function Write-MamlTypeList {
    # INPUTS or OUTPUTS: one H3 per type name, with its description.
    param([System.Xml.XmlWriter] $Writer, [object[]] $Blocks, [string] $List, [string] $Item)

    Start-MamlElement $Writer "command:$List"
    $types = Split-HelpSection -Blocks $Blocks -Level 3
    foreach ($typeName in $types.Keys) {
        Start-MamlElement $Writer "command:$Item"
        Start-MamlElement $Writer 'dev:type'
        Write-MamlElement $Writer 'maml:name' $typeName
        $Writer.WriteEndElement()
        Start-MamlElement $Writer 'maml:description'
        Write-MamlParagraph -Writer $Writer -Blocks $types[$typeName]
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $Writer, [Parameter(Mandatory)] [string] $Path)

    $blocks = @(ConvertTo-MarkdownBlock -Lines (Read-HelpMarkdown -Path $Path))
    $name = @($blocks | Where-Object { $_.Kind -eq 'Heading' -and $_.Level -eq 1 })[0].Text
    $verb, $noun = $name -split '-', 2
    $sections = Split-HelpSection -Blocks $blocks -Level 2
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS') {
        if (-not $sections.Contains($required)) { throw "$Path has no $required section." }
    }
    $parameterSections = Split-HelpSection -Blocks $sections['PARAMETERS'] -Level 3
    $parameters = @(foreach ($heading in $parameterSections.Keys) {
            if ($heading -eq 'CommonParameters') { continue }
            Read-HelpParameter -Heading $heading -Blocks $parameterSections[$heading]
        })

    Start-MamlElement $Writer 'command:command'
    foreach ($prefix in 'maml', 'dev') {
        $namespace = $MamlNamespace[$prefix]
        $Writer.WriteAttributeString('xmlns', $prefix, $MamlNamespace.xmlns, $namespace)
    }

    Start-MamlElement $Writer 'command:details'
    Write-MamlElement $Writer 'command:name' $name
    Write-MamlElement $Writer 'command:verb' $verb
    Write-MamlElement $Writer 'command:noun' $noun
    Start-MamlElement $Writer 'maml:description'
    Write-MamlParagraph -Writer $Writer -Blocks $sections['SYNOPSIS']
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    Start-MamlElement $Writer 'maml:description'
    Write-MamlParagraph -Writer $Writer -Blocks $sections['DESCRIPTION']
    $Writer.WriteEndElement()

    # One parameter set: positional parameters first, in position order, then the rest.
    Start-MamlElement $Writer 'command:syntax'
    Start-MamlElement $Writer 'command:syntaxItem'
    Write-MamlElement $Writer 'maml:name' $name
    $positional = @($parameters | Where-Object Position -ne 'named' |
            Sort-Object { [int]$_.Position })
    foreach ($parameter in $positional + @($parameters | Where-Object Position -eq 'named')) {
        Write-MamlParameter -Writer $Writer -Parameter $parameter -InSyntax
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    Start-MamlElement $Writer 'command:parameters'
    foreach ($parameter in $parameters) {
        Write-MamlParameter -Writer $Writer -Parameter $parameter
    }
    $Writer.WriteEndElement()

    if ($sections.Contains('INPUTS')) {
        Write-MamlTypeList $Writer $sections['INPUTS'] -List 'inputTypes' -Item 'inputType'
    }
    if ($sections.Contains('OUTPUTS')) {
        Write-MamlTypeList $Writer $sections['OUTPUTS'] -List 'returnValues' -Item 'returnValue'
    }
    if ($sections.Contains('NOTES')) {
        Start-MamlElement $Writer 'maml:alertSet'
        Start-MamlElement $Writer 'maml:alert'
        Write-MamlParagraph -Writer $Writer -Blocks $sections['NOTES']
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    Start-MamlElement $Writer 'command:examples'
    $examples = Split-HelpSection -Blocks $sections['EXAMPLES'] -Level 3
    foreach ($title in $examples.Keys) {
        $code = @($examples[$title] | Where-Object Kind -eq 'Code')
        Start-MamlElement $Writer 'command:example'
        Write-MamlElement $Writer 'maml:title' "---------- $title ----------"
        $remarks = @($examples[$title] | Where-Object Kind -ne 'Code')
        $codeText = ($code | ForEach-Object { $_.Lines -join "`n" }) -join "`n`n"
        Write-MamlElement $Writer 'dev:code' $codeText
        Start-MamlElement $Writer 'dev:remarks'
        Write-MamlParagraph -Writer $Writer -Blocks $remarks
        Write-MamlElement $Writer 'maml:para' ''
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    if ($sections.Contains('RELATED LINKS')) {
        Start-MamlElement $Writer 'command:relatedLinks'
        foreach ($block in $sections['RELATED LINKS']) {
            foreach ($link in [regex]::Matches($block.Text, '\[([^\]]+)\]\(([^)]*)\)')) {
                # Links to other help pages are named, not addressed: Get-Help finds them.
                $uri = $link.Groups[2].Value
                Start-MamlElement $Writer 'maml:navigationLink'
                Write-MamlElement $Writer 'maml:linkText' $link.Groups[1].Value
                if ($uri -notmatch '^https?://') { $uri = '' }
                Write-MamlElement $Writer 'maml:uri' $uri
                $Writer.WriteEndElement()
            }
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteEndElement()
}

function ConvertTo-MamlHelp {
    # Writes one MAML file with a command:command for each markdown file.
    param([Parameter(Mandatory)] [string[]] $Path, [Parameter(Mandatory)] [string] $Destination)

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Destination, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($file in $Path) { Write-MamlCommand -Writer $writer -Path $file }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

function Format-WrappedText {
    # Wraps words to a width, indenting the first line by $Indent and the rest by $Hanging.
    param([string] $Text, [int] $Indent, [int] $Hanging = $Indent, [int] $Width = 80)

    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ' ' * $Indent
    $empty = $true
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if (-not $empty -and $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($line)
            $line = (' ' * $Hanging) + $word
        }
        else {
            $line += $(if ($empty) { '' } else { ' ' }) + $word
        }
        $empty = $false
    }
    $lines.Add($line)
    $lines
}

function ConvertTo-AboutHelp {
    # Writes an about_*.help.txt in the layout of PowerShell's own: headings in capitals at
    # the margin, text indented by 4 and wrapped at 80 columns, code indented by 8 as it is.
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Destination)

    $output = [System.Collections.Generic.List[string]]::new()
    foreach ($block in ConvertTo-MarkdownBlock -Lines (Read-HelpMarkdown -Path $Path)) {
        $lines = switch ($block.Kind) {
            'Heading' {
                switch ($block.Level) {
                    1 { 'TOPIC'; "    $($block.Text)" }
                    2 { $block.Text.ToUpperInvariant() }
                    default { '    ' + (Format-HelpInline $block.Text) }
                }
            }
            'Paragraph' { Format-WrappedText (Format-HelpInline $block.Text) 4 }
            'List' {
                foreach ($item in $block.Items) {
                    Format-WrappedText ('- ' + (Format-HelpInline $item)) 4 6
                }
            }
            'Code' {
                foreach ($line in $block.Lines) { if ($line) { (' ' * 8) + $line } else { '' } }
            }
        }
        $output.AddRange([string[]]@($lines))
        $output.Add('')
    }
    Set-Content -Path $Destination -Value $output -Encoding utf8NoBOM
}

function Invoke-BuildHelp {
    $source = Join-Path $RepositoryRoot 'module/help'
    $null = New-Item -ItemType Directory -Force -Path $HelpFolder
    $commands = Get-ChildItem -Path $source -Filter '*-*.md' | Sort-Object Name
    $maml = Join-Path $HelpFolder 'LookoutTools.dll-Help.xml'
    ConvertTo-MamlHelp -Path $commands.FullName -Destination $maml
    foreach ($topic in Get-ChildItem -Path $source -Filter 'about_*.md') {
        $text = Join-Path $HelpFolder ($topic.BaseName + '.help.txt')
        ConvertTo-AboutHelp -Path $topic.FullName -Destination $text
    }
}

function Get-DownloadedPackage {
    # Restores a project that only downloads packages (PackageDownload) and returns the folder
    # of one of them, as that restore wrote it: the package folder it used (NUGET_PACKAGES, a
    # nuget.config or the default) and the version the project pins. Throws when the restore
    # fails.
    param([Parameter(Mandatory)] [string] $Project, [Parameter(Mandatory)] [string] $Id)

    # Shown rather than returned: the caller takes this function's output as the folder.
    Invoke-Native dotnet @('restore', $Project, '--nologo', '-v', 'q') | Out-Host
    $assetsPath = Join-Path (Split-Path -Parent $Project) 'obj/project.assets.json'
    $assets = Get-Content -Raw $assetsPath | ConvertFrom-Json
    $download = @(foreach ($framework in $assets.project.frameworks.PSObject.Properties.Value) {
            $framework.downloadDependencies | Where-Object name -eq $Id
        })
    if ($download.Count -eq 0) { throw "$Project downloads no package $Id." }

    # An exact pin reads "[1.2.3, 1.2.3]" there.
    $version = ($download[0].version -replace '^\[([^,\]]+).*$', '$1').Trim()
    $packagesRoot = @($assets.packageFolders.PSObject.Properties.Name)[0]
    $folder = Join-Path $packagesRoot "$($Id.ToLowerInvariant())/$version"
    if (-not (Test-Path $folder)) { throw "$Id $version was not restored to $folder." }
    $folder
}

function Invoke-BuildReadyToRun {
    # Compiles LookoutTools.dll and AWSSDK.Core.dll ahead of time (ReadyToRun) into
    # module/bin/linux-x64, beside copies of the other dependencies, so that PowerShell 7 on
    # Linux x64 does not JIT-compile most of the SDK's pipeline on the first call. The images
    # are compiled against the .NET and the PowerShell this build runs on (the pinned ones) and
    # keep their IL beside the native code. Without crossgen2 the module is the portable build
    # alone, which works everywhere.
    Remove-Item -Recurse -Force $ReadyToRunFolder -ErrorAction SilentlyContinue
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture
    if (-not ($IsLinux -and $architecture -eq 'X64')) {
        Write-Warning ('No ReadyToRun build: it is made on Linux x64 only, against the .NET ' +
            'installed there. The module is the portable build alone.')
        return
    }

    $project = Join-Path $RepositoryRoot 'build/ReadyToRunCompiler.csproj'
    try {
        $crossgen2 = Join-Path (Get-DownloadedPackage -Project $project `
                -Id 'Microsoft.NETCore.App.Crossgen2.linux-x64') 'tools/crossgen2'
    }
    catch {
        Write-Warning ("No ReadyToRun build: crossgen2 could not be restored ($_). The module " +
            'is the portable build alone, which works everywhere but starts slower on Linux.')
        return
    }

    # LookoutTools.Startup, which picks the build, stays in the portable folder only.
    $portableFolder = Join-Path $ModuleFolder 'bin'
    $null = New-Item -ItemType Directory -Force -Path $ReadyToRunFolder
    Copy-Item -Path (Join-Path $portableFolder '*.dll') -Destination $ReadyToRunFolder `
        -Exclude 'LookoutTools.Startup.dll'

    # The references are the assemblies that will be loaded beside the images: .NET's and
    # PowerShell's own, then the module's dependencies that neither of them has.
    $runtimeFolder = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
    $provided = @(Get-ChildItem -Path $runtimeFolder, $PSHOME -Filter '*.dll').Name
    $references = @(
        (Join-Path $runtimeFolder '*.dll')
        (Join-Path $PSHOME '*.dll')
        Get-ChildItem -Path $portableFolder -Filter '*.dll' |
            Where-Object Name -NotIn $provided | ForEach-Object FullName
    )
    foreach ($assembly in 'LookoutTools.dll', 'AWSSDK.Core.dll') {
        $arguments = @((Join-Path $portableFolder $assembly),
            '--out', (Join-Path $ReadyToRunFolder $assembly),
            '--targetos', 'linux', '--targetarch', 'x64', '--optimize')
        foreach ($reference in $references) { $arguments += @('--reference', $reference) }
        Invoke-Native $crossgen2 $arguments
    }

    # Names the portable build the images came from; LookoutTools.Startup loads them only
    # beside that build, as an image of another build would make the import fail.
    $startup = [System.Reflection.Assembly]::LoadFile(
        (Join-Path $portableFolder 'LookoutTools.Startup.dll'))
    $selector = $startup.GetType('LookoutTools.Startup.ReadyToRunSelector', $true)
    $portableModule = [string](Join-Path $portableFolder 'LookoutTools.dll')
    $fingerprint = $selector.GetMethod('FingerprintOf').Invoke($null, [object[]] @($portableModule))
    $fingerprintFile = $selector.GetField('FingerprintFileName').GetValue($null)
    Set-Content -Path (Join-Path $ReadyToRunFolder $fingerprintFile) -Value $fingerprint `
        -NoNewline
}

function Invoke-Build {
    Write-Host "Building LookoutTools $(Get-ModuleVersion) ($Configuration)" -ForegroundColor Cyan
    $moduleProject = Join-Path $RepositoryRoot 'src/LookoutTools/LookoutTools.csproj'
    $startupProject = Join-Path $RepositoryRoot (
        'src/LookoutTools.Startup/LookoutTools.Startup.csproj')
    $emulatorProject = Join-Path $RepositoryRoot (
        'src/LookoutTools.Emulator/LookoutTools.Emulator.csproj')

    foreach ($project in $moduleProject, $startupProject) {
        Invoke-Native dotnet @('build', $project, '-c', $Configuration, '--nologo', '-v', 'q',
            '-o', (Join-Path $ModuleFolder 'bin'))
    }
    Invoke-BuildReadyToRun
    Invoke-Native dotnet @('build', $emulatorProject, '-c', $Configuration, '--nologo', '-v', 'q',
        '-o', (Join-Path $ModuleFolder 'emulator'))
    Invoke-BuildHelp
}

function Set-TestEnvironment {
    # Nothing a test or the demo runs may read the machine's real AWS settings or reach the
    # instance metadata address: point the SDK at empty files of its own and switch IMDS off.
    # The files exist because AWSSDK.Core falls back to ~/.aws for a named file that does not.
    $isolated = Join-Path ([System.IO.Path]::GetTempPath()) "lookouttools-$PID"
    $null = New-Item -ItemType Directory -Force -Path $isolated
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_CONFIG_FILE = Join-Path $isolated 'config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $isolated 'credentials'
    foreach ($file in $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE) {
        Set-Content -Path $file -Value '# Empty: tests write their own profiles elsewhere.'
    }
    foreach ($name in 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
        'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL',
        'AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE',
        'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS') {
        Remove-Item "env:$name" -ErrorAction SilentlyContinue
    }
    $isolated
}

function Get-PesterModulePath {
    $toolsProject = Join-Path $RepositoryRoot 'tests/Tools/TestTools.csproj'
    Join-Path (Get-DownloadedPackage -Project $toolsProject -Id 'Pester') 'tools/Pester.psd1'
}

function Invoke-DotnetTest {
    param([Parameter(Mandatory)] [string] $Project)

    $output = & dotnet test $Project -c $Configuration --nologo 2>&1 | ForEach-Object {
        $line = "$_"
        Write-Host $line
        $line
    }
    $pattern = 'Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+)'
    $summary = $output | Select-String -Pattern $pattern | Select-Object -Last 1
    if ($null -eq $summary) {
        throw "dotnet test $Project printed no result summary (exit code $LASTEXITCODE)."
    }
    [pscustomobject]@{
        Suite  = Split-Path -Leaf (Split-Path -Parent $Project)
        Passed  = [int]$summary.Matches[0].Groups[2].Value
        Failed  = [int]$summary.Matches[0].Groups[1].Value
        Skipped = [int]$summary.Matches[0].Groups[3].Value
    }
}

function Invoke-PesterSuite {
    $pester = Get-PesterModulePath
    $resultFile = Join-Path ([System.IO.Path]::GetTempPath()) "lookouttools-pester-$PID.json"
    $testsFolder = Join-Path $RepositoryRoot 'tests/Pester'

    # A child process, so the module under test is imported fresh and never into this one.
    $script = @"
Import-Module '$pester' -Force
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = '$testsFolder'
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Detailed'
`$result = Invoke-Pester -Configuration `$configuration
@{
    Passed  = `$result.PassedCount
    Failed  = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount
    Skipped = `$result.SkippedCount + `$result.NotRunCount
} |
    ConvertTo-Json | Set-Content -Path '$resultFile'
"@
    $pwsh = @(Get-PwshCommand)
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script
    if (-not (Test-Path $resultFile)) { throw 'Pester did not report a result.' }
    $counts = Get-Content $resultFile -Raw | ConvertFrom-Json
    Remove-Item $resultFile
    [pscustomobject]@{
        Suite  = 'Pester'
        Passed  = [int]$counts.Passed
        Failed  = [int]$counts.Failed
        Skipped = [int]$counts.Skipped
    }
}

function Invoke-Test {
    # Package includes Build; the Pester suite installs the package it makes.
    Invoke-Package
    $isolated = Set-TestEnvironment
    try {
        $unitTests = 'tests/LookoutTools.Tests/LookoutTools.Tests.csproj'
        $emulatorTests = 'tests/LookoutTools.Emulator.Tests/LookoutTools.Emulator.Tests.csproj'
        $results = @(
            Invoke-DotnetTest (Join-Path $RepositoryRoot $unitTests)
            Invoke-DotnetTest (Join-Path $RepositoryRoot $emulatorTests)
            Invoke-PesterSuite
        )
    }
    finally {
        Remove-Item -Recurse -Force $isolated -ErrorAction SilentlyContinue
    }

    Write-Host ''
    $results | Format-Table -AutoSize | Out-String | Write-Host
    $passed = ($results | Measure-Object -Property Passed -Sum).Sum
    $failed = ($results | Measure-Object -Property Failed -Sum).Sum
    $skipped = ($results | Measure-Object -Property Skipped -Sum).Sum
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $isolated = Set-TestEnvironment
    Import-Module (Join-Path $RepositoryRoot 'tests/Support/EmulatorProcess.psm1') -Force

    # The emulator checks SigV4 signatures made with these made-up demo keys.
    $accessKey = 'AKIAEMULATORDEMO0001'
    $emulator = Start-EmulatorProcess -ArgumentList @(
        '--access-key', $accessKey, '--secret-key', 'demo-secret-not-a-real-key')
    try {
        $env:AWS_ACCESS_KEY_ID = $accessKey
        $env:AWS_SECRET_ACCESS_KEY = 'demo-secret-not-a-real-key'
        $env:AWS_REGION = 'us-east-1'
        $env:AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT = $emulator.Url
        Import-Module (Join-Path $RepositoryRoot 'LookoutTools.psd1') -Force

        Write-Host "Emulator with the sample data: $($emulator.Url)" -ForegroundColor Cyan
        Write-Host "`nPS> Get-LEModelVersion -ModelName pump-7 -PageSize 10" -ForegroundColor Cyan
        Get-LEModelVersion -ModelName pump-7 -PageSize 10 -WarningAction SilentlyContinue |
            Format-Table | Out-String -Width 120 | Write-Host

        $command = 'Get-LEModelVersion -ModelName pump-7 -All | ' +
            'Where ModelQuality -eq POOR_QUALITY_DETECTED'
        Write-Host "PS> $command" -ForegroundColor Cyan
        $poor = Get-LEModelVersion -ModelName pump-7 -All |
            Where-Object ModelQuality -eq POOR_QUALITY_DETECTED
        $poor | Format-Table | Out-String -Width 120 | Write-Host
        Write-Host "$(@($poor).Count) poor-quality versions of pump-7."
    }
    finally {
        Stop-EmulatorProcess -Emulator $emulator
        Remove-Item -Recurse -Force $isolated -ErrorAction SilentlyContinue
    }
}

function Get-ReleaseNote {
    # The newest entry of CHANGELOG.md, without its heading; its version must be the manifest's.
    $changelog = (Get-Content -Raw (Join-Path $RepositoryRoot 'CHANGELOG.md')) -replace "`r`n", "`n"
    $entry = [regex]::Match($changelog, '(?ms)^## (\S+)[^\n]*\n(.*?)(?=^## |\z)')
    if (-not $entry.Success) { throw 'CHANGELOG.md has no "## <version>" entry.' }

    $version = Get-ModuleVersion
    if ($entry.Groups[1].Value -ne $version) {
        throw "The newest CHANGELOG.md entry is $($entry.Groups[1].Value) but the manifest says " +
            "$version; add an entry for $version."
    }
    $entry.Groups[2].Value.Trim()
}

function Invoke-CompressPSResource {
    # PSResourceGet (part of PowerShell 7.4 and later) writes the .nupkg that Publish-PSResource
    # and Install-PSResource take. On first use it also writes a repository list into the
    # user's data folder, so it runs in a child process given a scratch folder instead: a
    # build leaves the builder's own PSResourceGet settings alone.
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $DestinationPath)

    # The folder must exist: .NET answers "" for a data folder that does not, and PSResourceGet
    # would then write beside the current directory.
    $scratch = Join-Path ([System.IO.Path]::GetTempPath()) "lookouttools-psresourceget-$PID"
    $null = New-Item -ItemType Directory -Force -Path $scratch
    $saved = @{}
    foreach ($name in 'XDG_DATA_HOME', 'LOCALAPPDATA') {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $scratch)
    }
    try {
        $pwsh = @(Get-PwshCommand)
        $command = "Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop; " +
            "Compress-PSResource -Path '$Path' -DestinationPath '$DestinationPath' " +
            '-ErrorAction Stop'
        Invoke-Native $pwsh[0] (@($pwsh | Select-Object -Skip 1) +
            @('-NoProfile', '-NonInteractive', '-Command', $command))
    }
    finally {
        foreach ($name in $saved.Keys) {
            [Environment]::SetEnvironmentVariable($name, $saved[$name])
        }
        Remove-Item -Recurse -Force $scratch -ErrorAction SilentlyContinue
    }
}

function Invoke-Package {
    Invoke-Build
    $version = Get-ModuleVersion
    $target = Join-Path $ArtifactsFolder "LookoutTools/$version"
    Remove-Item -Recurse -Force $target -ErrorAction SilentlyContinue
    Get-ChildItem -Path $ArtifactsFolder -Filter 'LookoutTools.*.nupkg' -ErrorAction Ignore |
        Remove-Item
    $null = New-Item -ItemType Directory -Force -Path $target
    foreach ($item in 'module', 'en-US', 'LICENSE', 'README.md', 'CHANGELOG.md') {
        Copy-Item -Recurse (Join-Path $RepositoryRoot $item) (Join-Path $target $item)
    }
    Get-ChildItem -Recurse -Path $target -Include '*.pdb' | Remove-Item

    # The packaged manifest carries the newest CHANGELOG entry as its release notes.
    $notes = Get-ReleaseNote
    if ($notes -match "(?m)^'@") { throw "The release notes may not have a line starting with '@." }
    $manifest = Get-Content -Raw (Join-Path $RepositoryRoot 'LookoutTools.psd1')
    $withNotes = $manifest -replace "(?m)^(\s*)PSData = @\{\r?\n",
        "`$0`$1    ReleaseNotes = @'`n$($notes -replace '\$', '$$$$')`n'@`n"
    if ($withNotes -eq $manifest) { throw 'The manifest has no PSData table for ReleaseNotes.' }
    Set-Content -Path (Join-Path $target 'LookoutTools.psd1') -Value $withNotes -NoNewline
    $null = Test-ModuleManifest -Path (Join-Path $target 'LookoutTools.psd1') -ErrorAction Stop

    Invoke-CompressPSResource -Path $target -DestinationPath $ArtifactsFolder
    $package = Join-Path $ArtifactsFolder "LookoutTools.$version.nupkg"
    if (-not (Test-Path $package)) { throw "Compress-PSResource did not write $package." }
    Write-Host "Module folder: $target"
    Write-Host "Package: $package"
}

function Invoke-Clean {
    foreach ($path in @(
            (Join-Path $ModuleFolder 'bin'), (Join-Path $ModuleFolder 'emulator'), $HelpFolder,
            $ArtifactsFolder)) {
        Remove-Item -Recurse -Force $path -ErrorAction SilentlyContinue
    }
    $sourceFolders = 'src', 'tests', 'build' | ForEach-Object { Join-Path $RepositoryRoot $_ }
    Get-ChildItem -Path $sourceFolders -Directory -Recurse -Include 'bin', 'obj' |
        Remove-Item -Recurse -Force
}

foreach ($name in $Task) {
    & "Invoke-$name"
}

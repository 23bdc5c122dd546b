using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LookoutTools.Emulator.Data;

/// <summary>
/// Reads files in the ListModelVersions response shape, so the saved output of
/// <c>aws lookoutequipment list-model-versions</c> can be served as it is.
/// </summary>
internal static partial class DataFileLoader
{
    private static readonly JsonDocumentOptions LenientJson = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Loads a file, or every *.json file of a folder in name order.</summary>
    public static int LoadPath(string path, ModelCatalogBuilder catalog)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
            {
                throw new DataLoadException($"{path}: the folder holds no *.json files.");
            }

            return files.Sum(file => LoadFile(file, catalog));
        }

        if (!File.Exists(path))
        {
            throw new DataLoadException($"{path}: no such file or folder.");
        }

        return LoadFile(path, catalog);
    }

    public static int LoadFile(string file, ModelCatalogBuilder catalog)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(file), LenientJson);
        }
        catch (JsonException error)
        {
            throw new DataLoadException(
                $"{file}: not valid JSON (line {error.LineNumber + 1}, " +
                $"byte {error.BytePositionInLine + 1}): {FirstSentence(error.Message)}");
        }
        catch (IOException error)
        {
            throw new DataLoadException($"{file}: cannot be read: {error.Message}");
        }

        using (document)
        {
            var items = FindSummaries(file, document.RootElement);
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var where = $"{file}: ModelVersionSummaries[{index}]";
                catalog.AddLoaded(ReadSummary(item, where), where);
                index++;
            }

            return index;
        }
    }

    private static JsonElement FindSummaries(string file, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("ModelVersionSummaries", out var items)
            && items.ValueKind == JsonValueKind.Array)
        {
            return items;
        }

        throw new DataLoadException(
            $"{file}: expected a JSON object with a \"ModelVersionSummaries\" array, the shape " +
            "that ListModelVersions answers with.");
    }

    private static ModelVersionSummary ReadSummary(JsonElement item, string where)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new DataLoadException($"{where}: expected an object, found {item.ValueKind}.");
        }

        var modelName = ReadString(item, "ModelName", where)
            ?? throw new DataLoadException($"{where}: ModelName is missing.");
        if (!ModelNamePattern().IsMatch(modelName))
        {
            throw new DataLoadException(
                $"{where}: ModelName '{modelName}' does not match ^[0-9a-zA-Z_-]{{1,200}}$.");
        }

        var modelVersion = ReadVersion(item, where);
        var modelArn = ReadString(item, "ModelArn", where) ?? ResourceNames.ModelArn(modelName);

        return new ModelVersionSummary
        {
            ModelName = modelName,
            ModelArn = modelArn,
            ModelVersion = modelVersion,
            ModelVersionArn = ReadString(item, "ModelVersionArn", where)
                ?? ResourceNames.ModelVersionArn(modelArn, modelVersion),
            CreatedAtMilliseconds = ReadCreatedAt(item, where),
            Status = ReadEnum(item, "Status", ServiceEnums.ModelVersionStatuses, where),
            SourceType = ReadEnum(item, "SourceType", ServiceEnums.SourceTypes, where),
            ModelQuality = ReadEnum(item, "ModelQuality", ServiceEnums.ModelQualities, where),
        };
    }

    private static long ReadVersion(JsonElement item, string where)
    {
        if (!item.TryGetProperty("ModelVersion", out var value)
            || value.ValueKind == JsonValueKind.Null)
        {
            throw new DataLoadException($"{where}: ModelVersion is missing.");
        }

        if (value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt64(out var modelVersion)
            || modelVersion < 1)
        {
            throw new DataLoadException(
                $"{where}: ModelVersion must be a whole number of at least 1, found {value}.");
        }

        return modelVersion;
    }

    private static long? ReadCreatedAt(JsonElement item, string where)
    {
        if (!item.TryGetProperty("CreatedAt", out var value)
            || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var seconds))
        {
            // Epoch milliseconds would put the data thousands of years ahead: say so plainly.
            if (seconds > 100_000_000_000m)
            {
                throw new DataLoadException(
                    $"{where}: CreatedAt {value} looks like milliseconds; " +
                    "write epoch seconds (fractions allowed).");
            }

            return (long)Math.Round(seconds * 1000m, MidpointRounding.AwayFromZero);
        }

        if (value.ValueKind == JsonValueKind.String
            && IsoDatePrefix().IsMatch(value.GetString()!)
            && DateTimeOffset.TryParse(
                value.GetString(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var time))
        {
            return time.ToUnixTimeMilliseconds();
        }

        throw new DataLoadException(
            $"{where}: CreatedAt {value.GetRawText()} is neither epoch seconds nor an " +
            "ISO 8601 time such as \"2023-05-01T10:20:30.123000+00:00\".");
    }

    private static string? ReadString(JsonElement item, string name, string where)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new DataLoadException(
                $"{where}: {name} must be a string, found {value.GetRawText()}.");
        }

        return value.GetString();
    }

    private static string? ReadEnum(JsonElement item, string name, string[] allowed, string where)
    {
        var text = ReadString(item, name, where);
        if (text is null)
        {
            return null;
        }

        return ServiceEnums.Canonical(allowed, text) ?? throw new DataLoadException(
            $"{where}: {name} '{text}' is not one of {ServiceEnums.Describe(allowed)}.");
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex("^[0-9a-zA-Z_-]{1,200}$")]
    private static partial Regex ModelNamePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")]
    private static partial Regex IsoDatePrefix();
}

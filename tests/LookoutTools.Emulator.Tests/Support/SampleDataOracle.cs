using System.Globalization;
using System.Text.Json;

namespace LookoutTools.Emulator.Tests.Support;

/// <summary>
/// The shipped sample data read straight from the files, without the emulator's loader, so
/// tests can say what a filter should return independently of the code under test.
/// </summary>
internal static class SampleDataOracle
{
    private static readonly Lazy<IReadOnlyList<Version>> AllVersions = new(Load);

    public static IReadOnlyList<Version> Versions => AllVersions.Value;

    public static IEnumerable<Version> Of(string modelName) =>
        Versions.Where(version => version.ModelName == modelName);

    private static IReadOnlyList<Version> Load()
    {
        var versions = new List<Version>();
        foreach (var file in Directory.GetFiles(TestEmulator.SampleDataFolder, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var item in document.RootElement.GetProperty("ModelVersionSummaries")
                .EnumerateArray())
            {
                versions.Add(new Version(
                    item.GetProperty("ModelName").GetString()!,
                    item.GetProperty("ModelVersion").GetInt64(),
                    item.GetProperty("ModelVersionArn").GetString()!,
                    ReadSeconds(item.GetProperty("CreatedAt")),
                    item.GetProperty("Status").GetString()!,
                    item.GetProperty("SourceType").GetString()!,
                    item.GetProperty("ModelQuality").GetString()!));
            }
        }

        return versions;
    }

    private static decimal ReadSeconds(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDecimal();
        }

        var time = DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture);
        return time.ToUnixTimeMilliseconds() / 1000m;
    }

    internal sealed record Version(
        string ModelName,
        long ModelVersion,
        string ModelVersionArn,
        decimal CreatedAt,
        string Status,
        string SourceType,
        string ModelQuality);
}

using System.Text.RegularExpressions;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

/// <summary>Pins the shipped sample data to what the emulator's README says about it.</summary>
public sealed partial class SampleDataTests
{
    public static TheoryData<string, int, int> ModelsInReadme => new()
    {
        // model, versions, POOR_QUALITY_DETECTED versions
        { "pump-7", 240, 38 },
        { "compressor-a12", 85, 13 },
        { "turbine_north-3", 130, 0 },
        { "conveyor-belt-9", 48, 7 },
        { "chiller_B2", 64, 20 },
        { "fan-x1", 9, 3 },
        { "mixer_east-5", 3, 0 },
    };

    [Theory]
    [MemberData(nameof(ModelsInReadme))]
    public void Each_model_has_the_counts_the_README_states(string model, int count, int poor)
    {
        var versions = SampleDataOracle.Of(model).ToArray();

        Assert.Equal(count, versions.Length);
        Assert.Equal(
            poor, versions.Count(version => version.ModelQuality == "POOR_QUALITY_DETECTED"));
        Assert.Equal(Enumerable.Range(1, count).Select(number => (long)number),
            versions.Select(version => version.ModelVersion).Order());
    }

    [Fact]
    public void Every_enumeration_value_appears()
    {
        var versions = SampleDataOracle.Versions;

        Assert.Equal(["CANCELED", "FAILED", "IMPORT_IN_PROGRESS", "IN_PROGRESS", "SUCCESS"],
            versions.Select(version => version.Status).Distinct().Order());
        Assert.Equal(["IMPORT", "RETRAINING", "TRAINING"],
            versions.Select(version => version.SourceType).Distinct().Order());
        Assert.Equal(["CANNOT_DETERMINE_QUALITY", "POOR_QUALITY_DETECTED", "QUALITY_THRESHOLD_MET"],
            versions.Select(version => version.ModelQuality).Distinct().Order());
    }

    [Fact]
    public void Times_fall_in_2023_to_2026_and_ARNs_look_real()
    {
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var end = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

        Assert.All(SampleDataOracle.Versions, version =>
        {
            Assert.InRange(version.CreatedAt, start, end);
            Assert.Matches(VersionArn(), version.ModelVersionArn);
            Assert.EndsWith($"model/{version.ModelName}/", ModelPart(version.ModelVersionArn));
        });
        Assert.Contains(SampleDataOracle.Versions, version => version.CreatedAt % 1 != 0);
    }

    private static string ModelPart(string versionArn) =>
        versionArn[..(versionArn.IndexOf("/model-version/", StringComparison.Ordinal) - 36)];

    [GeneratedRegex(
        "^arn:aws:lookoutequipment:us-east-1:123456789012:model/[0-9a-zA-Z_-]+/" +
        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}" +
        "/model-version/[0-9]+$")]
    private static partial Regex VersionArn();
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class ListModelVersionsTests
{
    private const string Pump = "pump-7";

    // Times inside pump-7's span (2023-01 to 2026-06), given as epoch seconds.
    private const decimal Spring2024 = 1711929600m;   // 2024-04-01T00:00:00Z
    private const decimal Autumn2025 = 1759276800.5m; // 2025-10-01T00:00:00.5Z

    public static TheoryData<string, string> Filters => new()
    {
        { "no filter", "" },
        { "status", "\"Status\":\"FAILED\"" },
        { "source type", "\"SourceType\":\"IMPORT\"" },
        { "start time", $"\"CreatedAtStartTime\":{Spring2024}" },
        { "end time", $"\"CreatedAtEndTime\":{Autumn2025}" },
        { "time window", $"\"CreatedAtStartTime\":{Spring2024},\"CreatedAtEndTime\":{Autumn2025}" },
        { "min version", "\"MinModelVersion\":200" },
        { "max version", "\"MaxModelVersion\":17" },
        { "version window", "\"MinModelVersion\":50,\"MaxModelVersion\":120" },
        { "status and source", "\"Status\":\"SUCCESS\",\"SourceType\":\"RETRAINING\"" },
        {
            "everything",
            "\"Status\":\"SUCCESS\",\"SourceType\":\"RETRAINING\"," +
            $"\"CreatedAtStartTime\":{Spring2024},\"CreatedAtEndTime\":{Autumn2025}," +
            "\"MinModelVersion\":60,\"MaxModelVersion\":190"
        },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filter_returns_exactly_the_matching_versions_newest_first(
        string description, string filter)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var filters = $"\"ModelName\":\"{Pump}\",\"MaxResults\":37" +
            (filter.Length > 0 ? "," + filter : "");

        var pages = await emulator.ListAllPagesAsync("ListModelVersions", filters);
        var actual = pages.SelectMany(page => page.Versions()).ToArray();

        var expected = ExpectedVersions(filter);
        Assert.True(expected.Length > 0, $"the '{description}' case should match something");
        Assert.Equal(expected, actual);
        Assert.All(pages[..^1], page => Assert.Equal(37, page.Versions().Length));
    }

    [Fact]
    public async Task Items_carry_the_eight_members_with_epoch_second_times()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var page = await emulator.ListModelVersionsAsync(
            "{\"ModelName\":\"compressor-a12\",\"MaxResults\":1}");

        var item = Assert.Single(page.Items());
        var expected = SampleDataOracle.Of("compressor-a12")
            .MaxBy(version => version.ModelVersion)!;
        Assert.Equal(
            ["ModelName", "ModelArn", "ModelVersion", "ModelVersionArn", "CreatedAt", "Status",
                "SourceType", "ModelQuality"],
            item.EnumerateObject().Select(member => member.Name));
        Assert.Equal(expected.ModelVersionArn, item.GetProperty("ModelVersionArn").GetString());
        Assert.Equal(JsonValueKind.Number, item.GetProperty("CreatedAt").ValueKind);
        Assert.Equal(expected.CreatedAt, item.GetProperty("CreatedAt").GetDecimal());
        Assert.StartsWith(
            "arn:aws:lookoutequipment:us-east-1:123456789012:model/compressor-a12/",
            item.GetProperty("ModelArn").GetString());
        Assert.Equal("application/x-amz-json-1.0", page.ContentType);
        Assert.True(Guid.TryParse(page.Header("x-amzn-RequestId"), out _));
    }

    [Fact]
    public async Task Time_bounds_are_inclusive_to_the_millisecond()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var version = SampleDataOracle.Of(Pump).Single(candidate => candidate.ModelVersion == 100);
        var exact = version.CreatedAt.ToString(CultureInfo.InvariantCulture);
        var justAfter = (version.CreatedAt + 0.0001m).ToString(CultureInfo.InvariantCulture);

        var both = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"{Pump}\",\"CreatedAtStartTime\":{exact}," +
            $"\"CreatedAtEndTime\":{exact}}}");
        var later = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"{Pump}\",\"CreatedAtStartTime\":{justAfter}," +
            $"\"CreatedAtEndTime\":{justAfter}}}");

        Assert.Equal([100L], both.Versions());
        Assert.Empty(later.Versions());
    }

    [Fact]
    public async Task Version_bounds_are_inclusive()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var one = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"{Pump}\",\"MinModelVersion\":42,\"MaxModelVersion\":42}}");
        var beyond = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"{Pump}\",\"MinModelVersion\":241}}");
        var crossed = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"{Pump}\",\"MinModelVersion\":50,\"MaxModelVersion\":40}}");

        Assert.Equal([42L], one.Versions());
        Assert.Empty(beyond.Versions());
        Assert.Empty(crossed.Versions());
    }

    [Fact]
    public async Task Unknown_model_gives_an_empty_list_not_an_error()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var page = await emulator.ListModelVersionsAsync("{\"ModelName\":\"no-such-model\"}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Items());
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task Default_page_size_applies_when_MaxResults_is_absent()
    {
        var settings = new Hosting.EmulatorSettings { DefaultPageSize = 7 };
        await using var emulator = await TestEmulator.StartAsync(settings);
        await using var standard = await TestEmulator.StartAsync();

        var custom = await emulator.ListModelVersionsAsync($"{{\"ModelName\":\"{Pump}\"}}");
        var usual = await standard.ListModelVersionsAsync($"{{\"ModelName\":\"{Pump}\"}}");

        Assert.Equal(7, custom.Versions().Length);
        Assert.Equal(50, usual.Versions().Length);
        Assert.NotNull(usual.NextToken);
    }

    [Fact]
    public async Task Null_members_count_as_absent()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var page = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"fan-x1\",\"Status\":null,\"NextToken\":null,\"MaxResults\":null}}");

        Assert.Equal(9, page.Versions().Length);
    }

    private static long[] ExpectedVersions(string filter)
    {
        using var document = JsonDocument.Parse("{" + filter + "}");
        var root = document.RootElement;
        decimal? Number(string name) =>
            root.TryGetProperty(name, out var value) ? value.GetDecimal() : null;
        string? Text(string name) =>
            root.TryGetProperty(name, out var value) ? value.GetString() : null;

        return SampleDataOracle.Of(Pump)
            .Where(version => Text("Status") is not { } status || version.Status == status)
            .Where(version => Text("SourceType") is not { } source || version.SourceType == source)
            .Where(version => Number("CreatedAtStartTime") is not { } start
                || version.CreatedAt >= start)
            .Where(version => Number("CreatedAtEndTime") is not { } end || version.CreatedAt <= end)
            .Where(version => Number("MinModelVersion") is not { } min
                || version.ModelVersion >= min)
            .Where(version => Number("MaxModelVersion") is not { } max
                || version.ModelVersion <= max)
            .OrderByDescending(version => version.ModelVersion)
            .Select(version => version.ModelVersion)
            .ToArray();
    }
}

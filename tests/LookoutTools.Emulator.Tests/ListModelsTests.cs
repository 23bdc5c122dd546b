using System.Net;
using System.Text.Json;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class ListModelsTests
{
    private static readonly string[] AllModels =
    [
        "chiller_B2", "compressor-a12", "conveyor-belt-9", "fan-x1", "mixer_east-5", "pump-7",
        "turbine_north-3",
    ];

    [Fact]
    public async Task Models_are_listed_in_ordinal_name_order()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelsAsync("{}");

        Assert.Equal(AllModels, Names(answer));
        Assert.Null(answer.NextToken);
    }

    [Fact]
    public async Task A_model_summary_is_derived_from_its_versions()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelsAsync("{\"ModelNameBeginsWith\":\"pump\"}");

        var pump = Assert.Single(answer.Items("ModelSummaries"));
        var versions = SampleDataOracle.Of("pump-7").ToArray();
        var active = versions.Where(version => version.Status == "SUCCESS")
            .MaxBy(version => version.ModelVersion)!;
        Assert.Equal("SUCCESS", pump.GetProperty("Status").GetString());
        Assert.Equal(active.ModelVersion, pump.GetProperty("ActiveModelVersion").GetInt64());
        Assert.Equal(active.ModelVersionArn,
            pump.GetProperty("ActiveModelVersionArn").GetString());
        Assert.Equal(active.ModelQuality, pump.GetProperty("ModelQuality").GetString());
        Assert.Equal(versions.Single(version => version.ModelVersion == 1).CreatedAt,
            pump.GetProperty("CreatedAt").GetDecimal());
        Assert.Equal("pump-7-sensor-data", pump.GetProperty("DatasetName").GetString());
        Assert.Matches(
            "^arn:aws:lookoutequipment:us-east-1:123456789012:dataset/pump-7-sensor-data/",
            pump.GetProperty("DatasetArn").GetString()!);
    }

    [Fact]
    public async Task A_model_that_never_trained_successfully_has_failed_and_no_active_version()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelsAsync("{\"Status\":\"FAILED\"}");

        var mixer = Assert.Single(answer.Items("ModelSummaries"));
        Assert.Equal("mixer_east-5", mixer.GetProperty("ModelName").GetString());
        Assert.False(mixer.TryGetProperty("ActiveModelVersion", out _));
    }

    [Theory]
    [InlineData("{\"ModelNameBeginsWith\":\"c\"}", "chiller_B2,compressor-a12,conveyor-belt-9")]
    [InlineData("{\"DatasetNameBeginsWith\":\"turbine\"}", "turbine_north-3")]
    [InlineData("{\"Status\":\"IN_PROGRESS\"}", "")]
    [InlineData("{\"ModelNameBeginsWith\":\"C\"}", "")]
    public async Task Filters_narrow_the_list(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelsAsync(body);

        Assert.Equal(expected, string.Join(",", Names(answer)));
    }

    [Fact]
    public async Task Models_page_with_tokens()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var pages = await emulator.ListAllPagesAsync("ListModels", "\"MaxResults\":3");

        Assert.Equal([3, 3, 1], pages.Select(page => page.Items("ModelSummaries").Length));
        Assert.Equal(AllModels, pages.SelectMany(Names));
    }

    [Theory]
    [InlineData("{\"MaxResults\":0}", "at 'maxResults'")]
    [InlineData("{\"Status\":\"CANCELED\"}", "at 'status'")]
    [InlineData("{\"ModelNameBeginsWith\":\"a b\"}", "at 'modelNameBeginsWith'")]
    [InlineData("{\"NextToken\":\"bogus\"}", "The nextToken provided is invalid.")]
    public async Task Bad_requests_are_refused(string body, string problem)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelsAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("ValidationException", answer.ErrorType);
        Assert.Contains(problem, answer.Message);
    }

    private static IEnumerable<string> Names(ApiResponse answer) =>
        answer.Items("ModelSummaries").Select(item => item.GetProperty("ModelName").GetString()!);
}

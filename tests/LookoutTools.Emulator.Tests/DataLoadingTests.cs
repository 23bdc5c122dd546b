using LookoutTools.Emulator.Data;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class DataLoadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Saved_CLI_output_with_ISO_times_and_unknown_members_is_served()
    {
        const string arn = "arn:aws:lookoutequipment:eu-west-1:111122223333:model/saved-model/abc";
        var file = Write("cli.json", $$"""
            {
              "ModelVersionSummaries": [
                {
                  "ModelName": "saved-model",
                  "ModelArn": "{{arn}}",
                  "ModelVersion": 2,
                  "ModelVersionArn": "{{arn}}/model-version/2",
                  "CreatedAt": "2023-05-01T10:20:30.123000+00:00",
                  "Status": "SUCCESS",
                  "SourceType": "RETRAINING",
                  "ModelQuality": "QUALITY_THRESHOLD_MET",
                  "SomethingNew": {"Nested": [1, 2]}
                },
                {
                  "ModelName": "saved-model",
                  "ModelVersion": 1,
                  "CreatedAt": 1682936430.5
                }
              ],
              "NextToken": "ignored-when-loading",
              "ResponseMetadata": {"RetryAttempts": 0}
            }
            """);
        await using var emulator = await TestEmulator.StartAsync(
            addData: builder => DataFileLoader.LoadPath(file, builder));

        var page = await emulator.ListModelVersionsAsync("{\"ModelName\":\"saved-model\"}");

        var items = page.Items();
        Assert.Equal([2L, 1L], page.Versions());
        Assert.Equal(1682936430.123m, items[0].GetProperty("CreatedAt").GetDecimal());
        Assert.Equal(1682936430.5m, items[1].GetProperty("CreatedAt").GetDecimal());
        Assert.False(items[0].TryGetProperty("SomethingNew", out _));
        Assert.Equal(arn, items[0].GetProperty("ModelArn").GetString());
        Assert.False(items[1].TryGetProperty("Status", out _));
        Assert.EndsWith("/model-version/1", items[1].GetProperty("ModelVersionArn").GetString());
    }

    [Fact]
    public void A_folder_loads_every_json_file_in_it()
    {
        Write("a.json", Version("model-a", 1));
        Write("b.json", Version("model-b", 1));
        Write("notes.txt", "not data");
        var builder = new ModelCatalogBuilder();

        var loaded = DataFileLoader.LoadPath(_folder, builder);

        Assert.Equal(2, loaded);
        Assert.Equal(["model-a", "model-b"],
            builder.Build().ModelsByName.Select(model => model.ModelName));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "{\"ModelVersionSummaries\": [", "not valid JSON" },
        { "[]", "expected a JSON object with a \"ModelVersionSummaries\" array" },
        { "{\"ModelVersionSummaries\":[{\"ModelVersion\":1}]}", "ModelName is missing" },
        { "{\"ModelVersionSummaries\":[{\"ModelName\":\"m\"}]}", "ModelVersion is missing" },
        {
            "{\"ModelVersionSummaries\":[{\"ModelName\":\"m\",\"ModelVersion\":0}]}",
            "ModelVersion must be a whole number of at least 1"
        },
        {
            "{\"ModelVersionSummaries\":[{\"ModelName\":\"m\",\"ModelVersion\":1," +
            "\"CreatedAt\":\"yesterday\"}]}",
            "ModelVersionSummaries[0]: CreatedAt \"yesterday\" is neither epoch seconds"
        },
        {
            "{\"ModelVersionSummaries\":[{\"ModelName\":\"m\",\"ModelVersion\":1," +
            "\"CreatedAt\":1682936430123}]}",
            "looks like milliseconds"
        },
        {
            "{\"ModelVersionSummaries\":[{\"ModelName\":\"m\",\"ModelVersion\":1," +
            "\"Status\":\"DONE\"}]}",
            "Status 'DONE' is not one of [IN_PROGRESS"
        },
        {
            "{\"ModelVersionSummaries\":[{\"ModelName\":\"m\",\"ModelVersion\":1}," +
            "{\"ModelName\":\"m\",\"ModelVersion\":1}]}",
            "version 1 of model 'm' is also defined in"
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_named_with_its_problem(string content, string problem)
    {
        var file = Write("bad.json", content);

        var error = Assert.Throws<DataLoadException>(
            () => DataFileLoader.LoadPath(file, new ModelCatalogBuilder()));

        Assert.StartsWith(file, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_path_is_reported()
    {
        var error = Assert.Throws<DataLoadException>(() => DataFileLoader.LoadPath(
            Path.Combine(_folder, "absent.json"), new ModelCatalogBuilder()));

        Assert.Contains("no such file or folder", error.Message);
    }

    [Fact]
    public async Task A_million_generated_versions_page_from_both_ends_cheaply()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var emulator = await TestEmulator.StartAsync(
            addData: builder => builder.AddSynthetic("bench-model", 1_000_000));
        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;

        var newest = await emulator.ListModelVersionsAsync(
            "{\"ModelName\":\"bench-model\",\"MaxResults\":500}");
        var oldest = await emulator.ListModelVersionsAsync(
            "{\"ModelName\":\"bench-model\",\"MaxModelVersion\":3}");
        var again = await emulator.ListModelVersionsAsync(
            "{\"ModelName\":\"bench-model\",\"MaxResults\":500}");

        Assert.True(growth < 20_000_000, $"a million lazy versions took {growth} bytes");
        Assert.Equal(500, newest.Versions().Length);
        Assert.Equal(1_000_000L, newest.Versions()[0]);
        Assert.Equal([3L, 2L, 1L], oldest.Versions());
        Assert.Null(oldest.NextToken);
        Assert.Equal(newest.Body, again.Body);
        Assert.All(newest.Items(), item => Assert.True(item.TryGetProperty("Status", out _)));
    }

    [Fact]
    public async Task Generated_versions_continue_above_loaded_ones_in_time_order()
    {
        var file = Write("base.json", Version("mixed", 1));
        await using var emulator = await TestEmulator.StartAsync(addData: builder =>
        {
            DataFileLoader.LoadPath(file, builder);
            builder.AddSynthetic("mixed", 5);
        });

        var pages = await emulator.ListAllPagesAsync(
            "ListModelVersions", "\"ModelName\":\"mixed\",\"MaxResults\":2");
        var items = pages.SelectMany(page => page.Items()).ToArray();

        Assert.Equal([6L, 5, 4, 3, 2, 1],
            items.Select(item => item.GetProperty("ModelVersion").GetInt64()));
        var times = items.Select(item => item.GetProperty("CreatedAt").GetDecimal()).ToArray();
        Assert.Equal(times.OrderDescending(), times);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Version(string model, long version) =>
        $"{{\"ModelVersionSummaries\":[{{\"ModelName\":\"{model}\",\"ModelVersion\":{version}," +
        "\"CreatedAt\":1700000000}]}";
}

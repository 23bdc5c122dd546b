using System.Net;
using System.Text;
using System.Text.Json;
using LookoutTools.Emulator.Control;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task Health_reports_what_is_served()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var health = JsonDocument.Parse(
            await emulator.Http.GetStringAsync("/_emulator/health"));

        Assert.Equal("ok", health.RootElement.GetProperty("Status").GetString());
        Assert.Equal(7, health.RootElement.GetProperty("Models").GetInt32());
        Assert.Equal(579, health.RootElement.GetProperty("ModelVersions").GetInt64());
    }

    [Fact]
    public async Task The_request_log_keeps_arrival_order_and_can_be_cleared()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.ListModelVersionsAsync("{\"ModelName\":\"fan-x1\"}");
        await emulator.ListModelsAsync("{\"MaxResults\":0}");
        await emulator.CallAsync("DeleteModel", "{}");

        var entries = await ReadLogAsync(emulator);
        await emulator.Http.DeleteAsync("/_emulator/requests");
        var cleared = await ReadLogAsync(emulator);

        Assert.Equal(["ListModelVersions", "ListModels", "DeleteModel"],
            entries.Select(entry => entry.GetProperty("Operation").GetString()));
        Assert.Equal([200, 400, 400],
            entries.Select(entry => entry.GetProperty("Status").GetInt32()));
        Assert.Equal("{\"ModelName\":\"fan-x1\"}", entries[0].GetProperty("Body").GetString());
        Assert.Equal("AWSLookoutEquipmentFrontendService.ListModelVersions",
            entries[0].GetProperty("Headers").GetProperty("X-Amz-Target").GetString());
        Assert.True(entries[1].GetProperty("Sequence").GetInt64()
            > entries[0].GetProperty("Sequence").GetInt64());
        Assert.Empty(cleared);
    }

    [Fact]
    public async Task Control_requests_are_not_logged_and_faults_do_not_touch_them()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var rules = new StringContent(
            "[{\"Kind\":\"http500\",\"Times\":0}]", Encoding.UTF8, "application/json");
        await emulator.Http.PostAsync("/_emulator/faults", rules);

        using var health = await emulator.Http.GetAsync("/_emulator/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(await ReadLogAsync(emulator));
    }

    [Fact]
    public async Task A_control_path_cannot_be_reached_through_X_Amz_Target()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.CallAsync("../_emulator/requests", "{}");

        Assert.Equal("UnknownOperationException", answer.ErrorType);
    }

    [Fact]
    public async Task Unknown_control_paths_and_methods_are_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var missing = await emulator.Http.GetAsync("/_emulator/nothing");
        using var wrongMethod = await emulator.Http.PutAsync("/_emulator/requests", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Fact]
    public void The_request_log_keeps_only_the_latest_ten_thousand()
    {
        var log = new RequestLog();
        for (var request = 0; request < RequestLog.Capacity + 5; request++)
        {
            log.Begin();
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            log.WriteTo(writer);
        }

        using var entries = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal(RequestLog.Capacity, entries.RootElement.GetArrayLength());
        Assert.Equal(6, entries.RootElement[0].GetProperty("Sequence").GetInt64());
    }

    private static async Task<JsonElement[]> ReadLogAsync(TestEmulator emulator)
    {
        var text = await emulator.Http.GetStringAsync("/_emulator/requests");
        return JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray();
    }
}

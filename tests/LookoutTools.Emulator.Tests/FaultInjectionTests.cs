using System.Net;
using System.Text;
using System.Text.Json;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class FaultInjectionTests
{
    private const string PumpPage = "{\"ModelName\":\"pump-7\",\"MaxResults\":5}";

    [Fact]
    public async Task A_throttling_fault_fires_once_by_default_then_requests_succeed()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"http429\"}]");

        var throttled = await emulator.ListModelVersionsAsync(PumpPage);
        var normal = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal((HttpStatusCode)429, throttled.Status);
        Assert.Equal("ThrottlingException", throttled.ErrorType);
        Assert.Equal(HttpStatusCode.OK, normal.Status);
    }

    [Theory]
    [InlineData("ResourceNotFoundException", null, 404)]
    [InlineData("AccessDeniedException", 403, 403)]
    [InlineData("ThrottlingException", 400, 400)]
    [InlineData("InternalServerException", null, 500)]
    public async Task An_error_fault_answers_with_the_named_error(
        string errorType, int? status, int expectedStatus)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var statusMember = status is null ? "" : $",\"HttpStatus\":{status}";
        await SetFaultsAsync(emulator,
            $"[{{\"Kind\":\"error\",\"ErrorType\":\"{errorType}\",\"Message\":\"nope\"" +
            statusMember + "}]");

        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(expectedStatus, (int)answer.Status);
        Assert.Equal(errorType, answer.ErrorType);
        Assert.Equal(errorType, answer.Header("x-amzn-ErrorType"));
        Assert.Equal("nope", answer.Message);
        Assert.Equal(
            "com.amazonaws.lookoutequipment#" + errorType,
            answer.Json.GetProperty("__type").GetString());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(206)]
    [InlineData(418)]
    [InlineData(599)]
    public async Task An_error_fault_answers_with_any_status_that_can_carry_its_body(int status)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator,
            $"[{{\"Kind\":\"error\",\"HttpStatus\":{status},\"Message\":\"odd status\"}}]");

        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(status, (int)answer.Status);
        Assert.Equal("InternalServerException", answer.ErrorType);
        Assert.Equal("odd status", answer.Message);
    }

    [Theory]
    [InlineData("http429", 429, "ThrottlingException")]
    [InlineData("http500", 500, "InternalServerException")]
    [InlineData("http503", 503, "InternalServerException")]
    public async Task A_status_fault_answers_with_the_message_the_rule_gives(
        string kind, int expectedStatus, string expectedType)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, $"[{{\"Kind\":\"{kind}\",\"Message\":\"Injected\"}}]");

        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(expectedStatus, (int)answer.Status);
        Assert.Equal(expectedType, answer.ErrorType);
        Assert.Equal("Injected", answer.Message);
    }

    [Fact]
    public async Task OnRequest_Times_Operation_and_ModelName_pick_the_requests_hit()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, """
            [{"Kind":"http500","Operation":"ListModelVersions","ModelName":"pump-7",
              "OnRequest":2,"Times":2}]
            """);

        var statuses = new List<int>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((int)(await emulator.ListModelVersionsAsync(PumpPage)).Status);
            statuses.Add((int)(await emulator.ListModelVersionsAsync(
                "{\"ModelName\":\"fan-x1\"}")).Status);
            statuses.Add((int)(await emulator.ListModelsAsync("{}")).Status);
        }

        Assert.Equal([200, 200, 200, 500, 200, 200, 500, 200, 200, 200, 200, 200], statuses);
        var rules = JsonDocument.Parse(await emulator.Http.GetStringAsync("/_emulator/faults"));
        Assert.Equal(4, rules.RootElement[0].GetProperty("Matched").GetInt32());
        Assert.Equal(2, rules.RootElement[0].GetProperty("Fired").GetInt32());
    }

    [Fact]
    public async Task Times_zero_fires_on_every_match_until_cleared()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"http503\",\"Times\":0}]");

        var first = await emulator.ListModelVersionsAsync(PumpPage);
        var second = await emulator.ListModelVersionsAsync(PumpPage);
        await emulator.Http.DeleteAsync("/_emulator/faults");
        var cleared = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal("InternalServerException", second.ErrorType);
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
    }

    [Theory]
    [InlineData("drop-before-body")]
    [InlineData("drop-mid-body")]
    [InlineData("truncated-body")]
    public async Task Connection_faults_break_the_response(string kind)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, $"[{{\"Kind\":\"{kind}\"}}]");

        await Assert.ThrowsAnyAsync<HttpRequestException>(
            () => emulator.ListModelVersionsAsync(PumpPage));
        var after = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task Malformed_json_arrives_complete_but_does_not_parse()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"malformed-json\"}]");

        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("{\"NextToken\"", answer.Body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(answer.Body));
    }

    [Fact]
    public async Task Wrong_content_type_sends_an_html_page()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"wrong-content-type\"}]");

        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.StartsWith("text/html", answer.ContentType);
        Assert.StartsWith("<html>", answer.Body);
    }

    [Fact]
    public async Task Repeat_token_hands_back_the_token_the_request_carried()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = await emulator.ListModelVersionsAsync(PumpPage);
        await SetFaultsAsync(emulator, "[{\"Kind\":\"repeat-token\",\"Times\":0}]");

        var second = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"pump-7\",\"MaxResults\":5,\"NextToken\":\"{first.NextToken}\"}}");
        var fresh = await emulator.ListModelVersionsAsync(PumpPage);
        var restarted = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"pump-7\",\"MaxResults\":5,\"NextToken\":\"{fresh.NextToken}\"}}");

        Assert.Equal(first.NextToken, second.NextToken);
        Assert.Equal([235L, 234, 233, 232, 231], second.Versions());
        Assert.Equal([240L, 239, 238, 237, 236], restarted.Versions());
        Assert.Equal(fresh.NextToken, restarted.NextToken);
    }

    [Fact]
    public async Task Unknown_enum_replaces_status_and_quality()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"unknown-enum\"}]");

        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.All(answer.Items(), item =>
        {
            Assert.Equal("ARCHIVED", item.GetProperty("Status").GetString());
            Assert.Equal("QUALITY_UNKNOWN", item.GetProperty("ModelQuality").GetString());
        });
    }

    [Fact]
    public async Task Missing_fields_leaves_only_name_and_version()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"missing-fields\"}]");

        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.All(answer.Items(), item => Assert.Equal(
            ["ModelName", "ModelVersion"], item.EnumerateObject().Select(member => member.Name)));
    }

    [Fact]
    public async Task Extra_fields_adds_members_at_both_levels()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(
            emulator, "[{\"Kind\":\"extra-fields\",\"Operation\":\"ListModels\"}]");

        var models = await emulator.ListModelsAsync("{}");

        Assert.True(models.Json.TryGetProperty("ResponseDetails", out _));
        Assert.All(models.Items("ModelSummaries"),
            item => Assert.True(item.TryGetProperty("RetrainingSchedule", out _)));
    }

    [Fact]
    public async Task Empty_page_with_token_continues_where_it_would_have_started()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"empty-page-with-token\"}]");

        var empty = await emulator.ListModelVersionsAsync(PumpPage);
        var next = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"pump-7\",\"MaxResults\":5,\"NextToken\":\"{empty.NextToken}\"}}");

        Assert.Empty(empty.Items());
        Assert.NotNull(empty.NextToken);
        Assert.Equal([240L, 239, 238, 237, 236], next.Versions());
    }

    [Fact]
    public async Task Empty_page_skips_its_items_and_hands_out_the_next_token()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"empty-page\"}]");

        var empty = await emulator.ListModelVersionsAsync(PumpPage);
        var next = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"pump-7\",\"MaxResults\":5,\"NextToken\":\"{empty.NextToken}\"}}");

        Assert.Empty(empty.Items());
        Assert.Equal([235L, 234, 233, 232, 231], next.Versions());
    }

    [Fact]
    public async Task Delay_answers_normally_after_the_delay()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"delay\",\"DelayMs\":300}]");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(clock.ElapsedMilliseconds >= 280, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Hang_holds_the_request_until_the_client_gives_up()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"hang\"}]");
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        using var request = TestEmulator.NewRequest("ListModelVersions", PumpPage);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => emulator.Http.SendAsync(request, impatient.Token));

        var log = await WaitForStatusAsync(emulator, sequenceIndex: 0);
        Assert.Equal(0, log.GetProperty("Status").GetInt32());
        Assert.Equal("hang", log.GetProperty("Fault").GetString());
    }

    [Fact]
    public async Task Stall_mid_body_sends_half_the_body_then_holds_the_connection()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"stall-mid-body\"}]");
        using var request = TestEmulator.NewRequest("ListModelVersions", PumpPage);
        using var response = await emulator.Http.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead);
        var announced = response.Content.Headers.ContentLength!.Value;
        var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[announced];
        var received = 0;

        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer.AsMemory(received), impatient.Token);
                if (read == 0) break;
                received += read;
            }
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(announced / 2, received);
        var log = await WaitForStatusAsync(emulator, sequenceIndex: 0);
        Assert.Equal("stall-mid-body", log.GetProperty("Fault").GetString());
    }

    [Fact]
    public async Task Fired_faults_are_recorded_in_the_request_log()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"http429\",\"OnRequest\":2}]");
        await emulator.ListModelVersionsAsync(PumpPage);
        await emulator.ListModelVersionsAsync(PumpPage);

        using var log = JsonDocument.Parse(
            await emulator.Http.GetStringAsync("/_emulator/requests"));

        var entries = log.RootElement.EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("Fault").ValueKind);
        Assert.Equal(200, entries[0].GetProperty("Status").GetInt32());
        Assert.Equal("http429", entries[1].GetProperty("Fault").GetString());
        Assert.Equal(429, entries[1].GetProperty("Status").GetInt32());
    }

    [Theory]
    [InlineData("[{\"Kind\":\"explode\"}]", "Kind must be one of")]
    [InlineData("[{\"Kind\":\"delay\"}]", "DelayMs")]
    [InlineData("[{\"Kind\":\"http429\",\"OnRequest\":0}]", "OnRequest")]
    [InlineData("[{\"Kind\":\"http429\",\"Operation\":\"DeleteModel\"}]", "DeleteModel")]
    [InlineData("[{\"Kind\":\"http429\",\"Colour\":\"red\"}]", "unknown member 'Colour'")]
    [InlineData("not json", "")]
    [InlineData("[{\"Kind\":\"error\",\"HttpStatus\":100}]",
        "HttpStatus must be 200-599 other than 204, 205 and 304")]
    [InlineData("[{\"Kind\":\"error\",\"HttpStatus\":199}]", "200-599")]
    [InlineData("[{\"Kind\":\"error\",\"HttpStatus\":204}]", "200-599")]
    [InlineData("[{\"Kind\":\"error\",\"HttpStatus\":205}]", "200-599")]
    [InlineData("[{\"Kind\":\"error\",\"HttpStatus\":304}]", "200-599")]
    [InlineData("[{\"Kind\":\"error\",\"HttpStatus\":600}]", "200-599")]
    [InlineData("[{\"Kind\":\"delay\",\"DelayMs\":60001}]",
        "DelayMs must be a whole number from 0 to 60000")]
    [InlineData("[{\"Kind\":\"delay\",\"DelayMs\":3000000000}]",
        "DelayMs must be a whole number from 0 to 60000")]
    [InlineData("[{\"Kind\":\"http429\",\"OnRequest\":3000000000}]",
        "OnRequest must be a whole number from 1 to 2147483647")]
    [InlineData("[{\"Kind\":\"http429\",\"HttpStatus\":503}]",
        "HttpStatus applies only to Kind error; Kind http429 would ignore it")]
    [InlineData("[{\"Kind\":\"http500\",\"ErrorType\":\"AccessDeniedException\"}]",
        "ErrorType applies only to Kind error")]
    [InlineData("[{\"Kind\":\"hang\",\"Message\":\"slow\"}]",
        "Message applies only to Kinds error, http429, http500 and http503; Kind hang")]
    [InlineData("[{\"Kind\":\"hang\",\"DelayMs\":500}]",
        "DelayMs applies only to Kind delay; Kind hang would ignore it")]
    public async Task Bad_rules_are_refused_with_a_reason(string rules, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var answer = await emulator.Http.PostAsync("/_emulator/faults",
            new StringContent(rules, Encoding.UTF8, "application/json"));
        var body = await answer.Content.ReadAsStringAsync();
        var inForce = await emulator.Http.GetStringAsync("/_emulator/faults");
        var apiAnswer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(reason, body);
        Assert.Equal("[]", inForce);
        Assert.Equal(HttpStatusCode.OK, apiAnswer.Status);
    }

    [Fact]
    public async Task A_refused_rule_set_leaves_the_rules_in_force_as_they_were()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetFaultsAsync(emulator, "[{\"Kind\":\"http503\",\"Times\":0}]");

        using var refused = await emulator.Http.PostAsync("/_emulator/faults", new StringContent(
            "[{\"Kind\":\"http429\"},{\"Kind\":\"error\",\"HttpStatus\":204}]",
            Encoding.UTF8, "application/json"));
        var answer = await emulator.ListModelVersionsAsync(PumpPage);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
    }

    [Fact]
    public async Task The_longest_delay_a_rule_may_ask_for_is_accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await SetFaultsAsync(emulator, "[{\"Kind\":\"delay\",\"DelayMs\":60000,\"OnRequest\":9}]");
        using var rules = JsonDocument.Parse(
            await emulator.Http.GetStringAsync("/_emulator/faults"));

        Assert.Equal(60000, rules.RootElement[0].GetProperty("DelayMs").GetInt32());
    }

    private static async Task SetFaultsAsync(TestEmulator emulator, string rules)
    {
        using var answer = await emulator.Http.PostAsync("/_emulator/faults",
            new StringContent(rules, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    /// <summary>The log entry once its status is known: a hang-up is noticed late.</summary>
    private static async Task<JsonElement> WaitForStatusAsync(
        TestEmulator emulator, int sequenceIndex)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var log = JsonDocument.Parse(await emulator.Http.GetStringAsync("/_emulator/requests"));
            var entry = log.RootElement[sequenceIndex];
            if (entry.GetProperty("Status").ValueKind != JsonValueKind.Null)
            {
                return entry;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the hanging request was never closed");
    }
}

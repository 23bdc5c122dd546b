using System.Net;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class ValidationTests
{
    private const string Prefix = "1 validation error detected: ";

    public static TheoryData<string, string> SingleProblems => new()
    {
        {
            "{\"ModelName\":\"pump-7\",\"MaxResults\":0}",
            "Value '0' at 'maxResults' failed to satisfy constraint: " +
            "Member must have value greater than or equal to 1"
        },
        {
            "{\"ModelName\":\"pump-7\",\"MaxResults\":501}",
            "Value '501' at 'maxResults' failed to satisfy constraint: " +
            "Member must have value less than or equal to 500"
        },
        {
            "{}",
            "Value null at 'modelName' failed to satisfy constraint: Member must not be null"
        },
        {
            "{\"ModelName\":\"pump/7\"}",
            "Value 'pump/7' at 'modelName' failed to satisfy constraint: " +
            "Member must satisfy regular expression pattern: ^[0-9a-zA-Z_-]{1,200}$"
        },
        {
            "{\"ModelName\":\"pump-7\",\"Status\":\"DONE\"}",
            "Value 'DONE' at 'status' failed to satisfy constraint: Member must satisfy enum " +
            "value set: [IN_PROGRESS, SUCCESS, FAILED, IMPORT_IN_PROGRESS, CANCELED]"
        },
        {
            "{\"ModelName\":\"pump-7\",\"SourceType\":\"training\"}",
            "Value 'training' at 'sourceType' failed to satisfy constraint: Member must " +
            "satisfy enum value set: [TRAINING, RETRAINING, IMPORT]"
        },
        {
            "{\"ModelName\":\"pump-7\",\"MinModelVersion\":0}",
            "Value '0' at 'minModelVersion' failed to satisfy constraint: " +
            "Member must have value greater than or equal to 1"
        },
        {
            "{\"ModelName\":\"pump-7\",\"MaxModelVersion\":-3}",
            "Value '-3' at 'maxModelVersion' failed to satisfy constraint: " +
            "Member must have value greater than or equal to 1"
        },
        {
            "{\"ModelName\":\"pump-7\",\"NextToken\":\"caf\u00e9\"}",
            "Value 'caf\u00e9' at 'nextToken' failed to satisfy constraint: " +
            "Member must satisfy regular expression pattern: \\p{ASCII}{0,8192}"
        },
    };

    [Theory]
    [MemberData(nameof(SingleProblems))]
    public async Task One_broken_constraint_is_worded_as_AWS_words_it(string body, string problem)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelVersionsAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            "com.amazonaws.lookoutequipment#ValidationException",
            answer.Json.GetProperty("__type").GetString());
        Assert.Equal("ValidationException", answer.Header("x-amzn-ErrorType"));
        Assert.Equal(Prefix + problem, answer.Message);
    }

    [Fact]
    public async Task Several_broken_constraints_are_counted_and_listed()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelVersionsAsync(
            "{\"ModelName\":\"pump-7\",\"MaxResults\":0,\"Status\":\"X\"}");

        Assert.StartsWith(
            "2 validation errors detected: Value '0' at 'maxResults'", answer.Message);
        Assert.Contains("; Value 'X' at 'status'", answer.Message);
    }

    [Fact]
    public async Task Over_long_model_names_and_tokens_are_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var name = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"{new string('a', 201)}\"}}");
        var token = await emulator.ListModelVersionsAsync(
            $"{{\"ModelName\":\"pump-7\",\"NextToken\":\"{new string('a', 8193)}\"}}");

        Assert.Contains("Member must have length less than or equal to 200", name.Message);
        Assert.Contains("Member must have length less than or equal to 8192", token.Message);
    }

    [Fact]
    public async Task A_member_of_the_wrong_JSON_type_is_a_SerializationException()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelVersionsAsync(
            "{\"ModelName\":\"pump-7\",\"MaxResults\":\"10\"}");
        var time = await emulator.ListModelVersionsAsync(
            "{\"ModelName\":\"pump-7\",\"CreatedAtStartTime\":\"2024-01-01T00:00:00Z\"}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("SerializationException", answer.ErrorType);
        Assert.Contains("MaxResults", answer.Message);
        Assert.Equal("SerializationException", time.ErrorType);
    }

    [Theory]
    [InlineData("{\"ModelName\":")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task A_body_that_is_no_JSON_object_is_a_SerializationException(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelVersionsAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            "com.amazon.coral.service#SerializationException",
            answer.Json.GetProperty("__type").GetString());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/x-amz-json-1.1")]
    public async Task Another_content_type_is_a_SerializationException(string contentType)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = TestEmulator.NewRequest(
            "ListModelVersions", "{\"ModelName\":\"pump-7\"}", contentType);

        var answer = await emulator.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("SerializationException", answer.ErrorType);
        Assert.Contains(contentType, answer.Message);
    }

    [Fact]
    public async Task A_missing_content_type_is_a_SerializationException()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = TestEmulator.NewRequest("ListModelVersions", "{}");
        request.Content!.Headers.ContentType = null;

        var answer = await emulator.SendAsync(request);

        Assert.Equal("SerializationException", answer.ErrorType);
    }

    [Fact]
    public async Task A_content_type_with_a_charset_is_accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = TestEmulator.NewRequest(
            "ListModelVersions", "{\"ModelName\":\"fan-x1\"}",
            "application/x-amz-json-1.0; charset=utf-8");

        var answer = await emulator.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("DescribeModel")]
    [InlineData("ListModelVersionz")]
    public async Task An_unknown_operation_is_an_UnknownOperationException(string operation)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.CallAsync(operation, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("UnknownOperationException", answer.ErrorType);
        Assert.Equal("UnknownOperationException", answer.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task A_missing_target_or_another_method_names_no_operation()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var noTarget = TestEmulator.NewRequest("ListModels", "{}");
        noTarget.Headers.Remove("X-Amz-Target");
        using var get = new HttpRequestMessage(HttpMethod.Get, "/");

        var missing = await emulator.SendAsync(noTarget);
        var wrongMethod = await emulator.SendAsync(get);

        Assert.Equal("UnknownOperationException", missing.ErrorType);
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.Status);
        Assert.Equal("UnknownOperationException", wrongMethod.ErrorType);
    }

    [Fact]
    public async Task An_empty_body_counts_as_an_empty_object()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var versions = await emulator.ListModelVersionsAsync("");
        var models = await emulator.ListModelsAsync("");

        Assert.Contains("at 'modelName'", versions.Message);
        Assert.Equal(HttpStatusCode.OK, models.Status);
    }
}

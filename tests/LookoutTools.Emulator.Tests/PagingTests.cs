using System.Net;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class PagingTests
{
    private const string PumpFilter = "\"ModelName\":\"pump-7\"";

    [Fact]
    public async Task Pages_cover_every_version_once_and_the_last_has_no_token()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var pages = await emulator.ListAllPagesAsync(
            "ListModelVersions", PumpFilter + ",\"MaxResults\":100");

        Assert.Equal([100, 100, 40], pages.Select(page => page.Versions().Length));
        var versions = pages.SelectMany(page => page.Versions()).ToArray();
        Assert.Equal(Enumerable.Range(1, 240).Reverse().Select(number => (long)number), versions);
        Assert.False(pages[^1].Json.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_last_version_has_no_token()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var page = await emulator.ListModelVersionsAsync(
            "{\"ModelName\":\"fan-x1\",\"MaxResults\":9}");

        Assert.Equal(9, page.Versions().Length);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task Page_size_may_change_between_pages()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = await emulator.ListModelVersionsAsync($"{{{PumpFilter},\"MaxResults\":10}}");

        var second = await emulator.ListModelVersionsAsync(
            $"{{{PumpFilter},\"MaxResults\":500,\"NextToken\":\"{first.NextToken}\"}}");

        Assert.Equal(230, second.Versions().Length);
        Assert.Equal(230L, second.Versions()[0]);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task Tokens_are_opaque_url_safe_text()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var page = await emulator.ListModelVersionsAsync($"{{{PumpFilter},\"MaxResults\":5}}");

        Assert.Matches("^[A-Za-z0-9_-]+$", page.NextToken!);
        Assert.DoesNotContain("pump", page.NextToken!);
    }

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "forged", "AQAAAAAAAAAKAAAAAAAAAAAAAAAAAAAAAA" },
        { "not base64", "!!!not-a-token!!!" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Made_up_tokens_are_refused(string description, string token)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await emulator.ListModelVersionsAsync(
            $"{{{PumpFilter},\"NextToken\":\"{token}\"}}");

        Assert.True(answer.Status == HttpStatusCode.BadRequest, description);
        Assert.Equal("ValidationException", answer.ErrorType);
        Assert.Equal("The nextToken provided is invalid.", answer.Message);
        Assert.Equal("ValidationException", answer.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task An_altered_token_is_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var token = (await emulator.ListModelVersionsAsync(
            $"{{{PumpFilter},\"MaxResults\":5}}")).NextToken!;

        foreach (var position in new[] { 3, token.Length / 2, token.Length - 1 })
        {
            var altered = token[..position] + (token[position] == 'A' ? 'B' : 'A')
                + token[(position + 1)..];
            var answer = await emulator.ListModelVersionsAsync(
                $"{{{PumpFilter},\"NextToken\":\"{altered}\"}}");

            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Contains("nextToken", answer.Message);
        }
    }

    public static TheoryData<string> OtherRequests => new()
    {
        "\"ModelName\":\"turbine_north-3\"",
        PumpFilter + ",\"Status\":\"SUCCESS\"",
        PumpFilter + ",\"MinModelVersion\":2",
        PumpFilter + ",\"CreatedAtEndTime\":1800000000",
    };

    [Theory]
    [MemberData(nameof(OtherRequests))]
    public async Task A_token_only_continues_the_request_that_produced_it(string otherRequest)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var token = (await emulator.ListModelVersionsAsync(
            $"{{{PumpFilter},\"MaxResults\":5}}")).NextToken;

        var answer = await emulator.ListModelVersionsAsync(
            $"{{{otherRequest},\"NextToken\":\"{token}\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("The nextToken provided is invalid.", answer.Message);
    }

    [Fact]
    public async Task A_ListModelVersions_token_is_refused_by_ListModels()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var token = (await emulator.ListModelVersionsAsync(
            $"{{{PumpFilter},\"MaxResults\":5}}")).NextToken;

        var answer = await emulator.ListModelsAsync($"{{\"NextToken\":\"{token}\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("ValidationException", answer.ErrorType);
    }

    [Fact]
    public async Task A_token_from_another_emulator_run_is_refused()
    {
        await using var first = await TestEmulator.StartAsync();
        await using var second = await TestEmulator.StartAsync();
        var token = (await first.ListModelVersionsAsync(
            $"{{{PumpFilter},\"MaxResults\":5}}")).NextToken;

        var answer = await second.ListModelVersionsAsync(
            $"{{{PumpFilter},\"NextToken\":\"{token}\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task A_token_may_be_used_again()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var token = (await emulator.ListModelVersionsAsync(
            $"{{{PumpFilter},\"MaxResults\":5}}")).NextToken;

        var once = await emulator.ListModelVersionsAsync(
            $"{{{PumpFilter},\"MaxResults\":5,\"NextToken\":\"{token}\"}}");
        var twice = await emulator.ListModelVersionsAsync(
            $"{{{PumpFilter},\"MaxResults\":5,\"NextToken\":\"{token}\"}}");

        Assert.Equal(once.Body, twice.Body);
        Assert.Equal([235L, 234, 233, 232, 231], once.Versions());
    }
}

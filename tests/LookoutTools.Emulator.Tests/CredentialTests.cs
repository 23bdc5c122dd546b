using System.Net;
using System.Text.Json;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Hosting;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

/// <summary>Several accepted key pairs: each is accepted, logged by name and kept apart.</summary>
public sealed class CredentialTests
{
    private const string Body = "{\"ModelName\":\"fan-x1\",\"MaxResults\":2}";

    private static readonly TestSigV4Signer.Options Profile =
        new("AKIAPROFILEKEY000001", "profile/secret+one");

    private static readonly TestSigV4Signer.Options Environment =
        new("AKIAENVIRONMENT00002", "environment-secret-two");

    private static readonly TestSigV4Signer.Options Process =
        new("ASIAPROCESSKEY000003", "process-secret-three", SessionToken: "process-token/3+=");

    [Fact]
    public async Task Every_configured_key_is_accepted_and_the_log_names_which_signed()
    {
        await using var emulator = await StartAsync();

        var answers = new List<ApiResponse>();
        foreach (var signer in new[] { Environment, Process, Profile })
        {
            answers.Add(await emulator.CallSignedAsync("ListModelVersions", Body, signer));
        }

        var log = await emulator.ReadRequestLogAsync();
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal([Environment.AccessKey, Process.AccessKey, Profile.AccessKey],
            log.Select(entry => entry.GetProperty("AccessKey").GetString()));
        Assert.Equal([false, true, false],
            log.Select(entry => entry.GetProperty("SessionTokenPresent").GetBoolean()));
        Assert.All(log, entry =>
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("AssumedRoleArn").ValueKind));
    }

    [Fact]
    public async Task A_key_registered_with_a_token_needs_exactly_that_token()
    {
        await using var emulator = await StartAsync();

        var without = await emulator.CallSignedAsync(
            "ListModelVersions", Body, Process with { SessionToken = null });
        var wrong = await emulator.CallSignedAsync(
            "ListModelVersions", Body, Process with { SessionToken = "process-token/4+=" });

        Assert.Equal(HttpStatusCode.Forbidden, without.Status);
        Assert.Equal("UnrecognizedClientException", without.ErrorType);
        Assert.Equal("The security token included in the request is invalid.", without.Message);
        Assert.Equal("UnrecognizedClientException", wrong.ErrorType);
    }

    [Fact]
    public async Task A_key_registered_without_a_token_refuses_one()
    {
        await using var emulator = await StartAsync();

        var answer = await emulator.CallSignedAsync(
            "ListModelVersions", Body, Profile with { SessionToken = "stray-token" });

        Assert.Equal("UnrecognizedClientException", answer.ErrorType);
    }

    [Fact]
    public async Task One_key_signing_with_another_keys_secret_is_refused()
    {
        await using var emulator = await StartAsync();

        var answer = await emulator.CallSignedAsync("ListModelVersions", Body,
            Profile with { SecretKey = Environment.SecretKey });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_and_still_named_in_the_log()
    {
        await using var emulator = await StartAsync();

        var answer = await emulator.CallSignedAsync("ListModels", "{}",
            Profile with { AccessKey = "AKIANOTCONFIGURED001" });
        var log = await emulator.ReadRequestLogAsync();

        Assert.Equal("UnrecognizedClientException", answer.ErrorType);
        Assert.Equal("AKIANOTCONFIGURED001", log[0].GetProperty("AccessKey").GetString());
        Assert.Equal(403, log[0].GetProperty("Status").GetInt32());
    }

    [Fact]
    public async Task The_log_and_the_key_list_never_hold_a_secret_or_a_token()
    {
        await using var emulator = await StartAsync();
        await emulator.CallSignedAsync("ListModelVersions", Body, Process);

        var log = await emulator.Http.GetStringAsync("/_emulator/requests");
        var keys = await emulator.Http.GetStringAsync("/_emulator/credentials");

        foreach (var signer in new[] { Profile, Environment, Process })
        {
            Assert.DoesNotContain(signer.SecretKey, log);
            Assert.DoesNotContain(signer.SecretKey, keys);
        }

        Assert.DoesNotContain("process-token", log);
        Assert.DoesNotContain("process-token", keys);
    }

    [Fact]
    public async Task The_key_list_names_every_configured_key_in_order()
    {
        await using var emulator = await StartAsync();

        using var keys = JsonDocument.Parse(
            await emulator.Http.GetStringAsync("/_emulator/credentials"));

        var entries = keys.RootElement.EnumerateArray().ToArray();
        Assert.Equal([Profile.AccessKey, Environment.AccessKey, Process.AccessKey],
            entries.Select(entry => entry.GetProperty("AccessKey").GetString()));
        Assert.All(entries, entry =>
            Assert.Equal("Configured", entry.GetProperty("Source").GetString()));
        Assert.Equal([false, false, true],
            entries.Select(entry => entry.GetProperty("SessionTokenRequired").GetBoolean()));
    }

    [Fact]
    public async Task Without_configured_keys_the_key_list_is_empty_and_nothing_is_checked()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var unsigned = await emulator.ListModelsAsync("{}");
        var keys = await emulator.Http.GetStringAsync("/_emulator/credentials");

        Assert.Equal(HttpStatusCode.OK, unsigned.Status);
        Assert.Equal("[]", keys);
    }

    [Fact]
    public async Task The_key_list_accepts_only_GET()
    {
        await using var emulator = await StartAsync();

        using var answer = await emulator.Http.DeleteAsync("/_emulator/credentials");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.StatusCode);
    }

    [Fact]
    public async Task A_key_configured_twice_is_refused_at_start()
    {
        var settings = new EmulatorSettings
        {
            Credentials =
            [
                new SigningCredentials("AKIATWICE", "one", null),
                new SigningCredentials("AKIATWICE", "two", null),
            ],
        };

        await Assert.ThrowsAsync<ArgumentException>(() => TestEmulator.StartAsync(settings));
    }

    private static Task<TestEmulator> StartAsync() =>
        TestEmulator.StartAsync(new EmulatorSettings
        {
            Credentials =
            [
                new SigningCredentials(Profile.AccessKey, Profile.SecretKey, null),
                new SigningCredentials(Environment.AccessKey, Environment.SecretKey, null),
                new SigningCredentials(Process.AccessKey, Process.SecretKey, Process.SessionToken),
            ],
        });
}

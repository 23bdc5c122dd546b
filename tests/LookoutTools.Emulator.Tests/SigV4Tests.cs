using System.Net;
using System.Text;
using System.Text.Json;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Hosting;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class SigV4Tests
{
    private const string AccessKey = "AKIAEMULATORTEST0001";
    private const string SecretKey = "emulator/secret+KEY/for/tests/only/0123456789";
    private const string Body = "{\"ModelName\":\"fan-x1\",\"MaxResults\":3}";

    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. " +
        "Check your AWS Secret Access Key and signing method. " +
        "Consult the service documentation for details.";

    private static readonly TestSigV4Signer.Options Valid = new(AccessKey, SecretKey);

    [Theory]
    [InlineData("us-east-1", "lookoutequipment")]
    [InlineData("eu-west-1", "lookoutequipment")]
    [InlineData("ap-northeast-2", "sts")]
    public async Task A_correct_signature_is_accepted_in_any_region(string region, string service)
    {
        await using var emulator = await StartSignedAsync();

        var answer = await SendSignedAsync(emulator, Body,
            Valid with { Region = region, Service = service });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(3, answer.Versions().Length);
    }

    [Fact]
    public async Task A_declared_payload_hash_is_used()
    {
        await using var emulator = await StartSignedAsync();

        var answer = await SendSignedAsync(emulator, Body, Valid with { SendContentSha256 = true });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_session_token_is_required_when_configured()
    {
        await using var emulator = await StartSignedAsync(sessionToken: "session-123");

        var with = await SendSignedAsync(
            emulator, Body, Valid with { SessionToken = "session-123" });
        var without = await SendSignedAsync(emulator, Body, Valid);
        var wrong = await SendSignedAsync(emulator, Body, Valid with { SessionToken = "other" });

        Assert.Equal(HttpStatusCode.OK, with.Status);
        Assert.Equal("UnrecognizedClientException", without.ErrorType);
        Assert.Equal("UnrecognizedClientException", wrong.ErrorType);
    }

    [Fact]
    public async Task An_unknown_access_key_is_an_UnrecognizedClientException()
    {
        await using var emulator = await StartSignedAsync();

        var answer = await SendSignedAsync(emulator, Body,
            Valid with { AccessKey = "AKIAUNKNOWN000000000" });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("UnrecognizedClientException", answer.ErrorType);
        Assert.Equal("The security token included in the request is invalid.", answer.Message);
        Assert.Equal("UnrecognizedClientException", answer.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task A_wrong_secret_is_an_InvalidSignatureException()
    {
        await using var emulator = await StartSignedAsync();

        var answer = await SendSignedAsync(emulator, Body, Valid with { SecretKey = "wrong" });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
        Assert.Equal(SignatureMismatch, answer.Message);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        await using var emulator = await StartSignedAsync();
        var signedBody = Encoding.UTF8.GetBytes(Body);
        using var request = TestEmulator.NewRequest("ListModelVersions",
            "{\"ModelName\":\"pump-7\",\"MaxResults\":3}");
        request.RequestUri = emulator.Server.BaseAddress;
        TestSigV4Signer.Sign(request, signedBody, Valid);

        var answer = await emulator.SendAsync(request);

        Assert.Equal("InvalidSignatureException", answer.ErrorType);
    }

    [Fact]
    public async Task A_header_changed_after_signing_is_refused()
    {
        await using var emulator = await StartSignedAsync();
        using var request = TestEmulator.NewRequest("ListModelVersions", Body);
        request.RequestUri = emulator.Server.BaseAddress;
        TestSigV4Signer.Sign(request, Encoding.UTF8.GetBytes(Body), Valid);
        request.Headers.Remove("X-Amz-Target");
        request.Headers.TryAddWithoutValidation("X-Amz-Target",
            TestEmulator.TargetPrefix + "ListModels");

        var answer = await emulator.SendAsync(request);

        Assert.Equal("InvalidSignatureException", answer.ErrorType);
    }

    [Fact]
    public async Task An_unsigned_request_is_a_MissingAuthenticationTokenException()
    {
        await using var emulator = await StartSignedAsync();

        var answer = await emulator.ListModelVersionsAsync(Body);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("MissingAuthenticationTokenException", answer.ErrorType);
    }

    [Theory]
    [InlineData(-20, "Signature expired: ")]
    [InlineData(20, "Signature not yet current: ")]
    public async Task A_signature_more_than_15_minutes_off_is_refused(int minutes, string start)
    {
        await using var emulator = await StartSignedAsync();

        var answer = await SendSignedAsync(emulator, Body,
            Valid with { SignedAt = DateTimeOffset.UtcNow.AddMinutes(minutes) });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
        Assert.StartsWith(start, answer.Message);
    }

    [Fact]
    public async Task A_signature_within_15_minutes_is_accepted()
    {
        await using var emulator = await StartSignedAsync();

        var answer = await SendSignedAsync(emulator, Body,
            Valid with { SignedAt = DateTimeOffset.UtcNow.AddMinutes(-14) });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_signature_for_another_service_is_refused()
    {
        await using var emulator = await StartSignedAsync();

        var answer = await SendSignedAsync(emulator, Body, Valid with { Service = "s3" });

        Assert.Equal("InvalidSignatureException", answer.ErrorType);
        Assert.Contains("lookoutequipment", answer.Message);
    }

    [Fact]
    public async Task The_log_names_the_signing_key_but_never_the_signature()
    {
        await using var emulator = await StartSignedAsync(sessionToken: "token-value-xyz");
        await SendSignedAsync(emulator, Body, Valid with { SessionToken = "token-value-xyz" });
        using var signed = TestEmulator.NewRequest("ListModelVersions", Body);
        signed.RequestUri = emulator.Server.BaseAddress;
        TestSigV4Signer.Sign(signed, Encoding.UTF8.GetBytes(Body),
            Valid with { SessionToken = "token-value-xyz" });
        var signature = signed.Headers.GetValues("Authorization").Single().Split("Signature=")[1];
        await emulator.SendAsync(signed);

        var log = await emulator.Http.GetStringAsync("/_emulator/requests");

        using var entries = JsonDocument.Parse(log);
        var entry = entries.RootElement[1];
        Assert.Equal(AccessKey, entry.GetProperty("AccessKey").GetString());
        Assert.Contains("host",
            entry.GetProperty("Headers").GetProperty("SignedHeaders").EnumerateArray()
                .Select(name => name.GetString()));
        Assert.DoesNotContain(signature, log);
        Assert.DoesNotContain(SecretKey, log);
        Assert.DoesNotContain("token-value-xyz", log);
    }

    [Fact]
    public void The_verifier_agrees_with_the_AWS_documentation_example_key()
    {
        // The signing-key example of the SigV4 documentation (secret, date, region, service).
        var key = SigV4Encoding.SigningKey(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

        Assert.Equal(
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
            Convert.ToHexStringLower(key));
    }

    private static Task<TestEmulator> StartSignedAsync(string? sessionToken = null) =>
        TestEmulator.StartAsync(new EmulatorSettings
        {
            Credentials = [new SigningCredentials(AccessKey, SecretKey, sessionToken)],
        });

    private static async Task<ApiResponse> SendSignedAsync(
        TestEmulator emulator, string body, TestSigV4Signer.Options options)
    {
        using var request = TestEmulator.NewRequest("ListModelVersions", body);
        request.RequestUri = emulator.Server.BaseAddress;
        TestSigV4Signer.Sign(request, Encoding.UTF8.GetBytes(body), options);
        return await emulator.SendAsync(request);
    }
}

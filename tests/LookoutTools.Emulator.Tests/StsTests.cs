using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Hosting;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

/// <summary>
/// STS AssumeRole and GetCallerIdentity in the AWS query protocol, and the temporary
/// credentials AssumeRole issues, signed by the tests' own signer.
/// </summary>
public sealed class StsTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/lookout-reader";
    private const string ListBody = "{\"ModelName\":\"fan-x1\",\"MaxResults\":2}";

    private static readonly TestSigV4Signer.Options Source =
        new("AKIASOURCEPROFILE001", "source/secret+key", Region: "eu-west-1");

    [Fact]
    public async Task AssumeRole_answers_with_the_STS_document()
    {
        await using var emulator = await StartAsync();
        var before = DateTimeOffset.UtcNow;

        var answer = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(), Source);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("text/xml", answer.ContentType);
        Assert.Equal(StsResponse.Sts + "AssumeRoleResponse", answer.Root.Name);
        var accessKey = answer.Value("AssumeRoleResult", "Credentials", "AccessKeyId")!;
        Assert.Matches("^ASIA[A-Z2-7]{16}$", accessKey);
        Assert.Equal(40,
            answer.Value("AssumeRoleResult", "Credentials", "SecretAccessKey")!.Length);
        Assert.False(string.IsNullOrEmpty(
            answer.Value("AssumeRoleResult", "Credentials", "SessionToken")));
        var expiration = answer.Value("AssumeRoleResult", "Credentials", "Expiration")!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", expiration);
        var expires = DateTimeOffset.Parse(expiration, CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddSeconds(3598), before.AddSeconds(3602));
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/lookout-reader/test-session",
            answer.Value("AssumeRoleResult", "AssumedRoleUser", "Arn"));
        Assert.Matches("^AROA[A-Z2-7]{17}:test-session$",
            answer.Value("AssumeRoleResult", "AssumedRoleUser", "AssumedRoleId")!);
        Assert.Equal(answer.RequestIdHeader,
            answer.Value("ResponseMetadata", "RequestId"));
    }

    [Fact]
    public async Task The_assumed_role_ARN_keeps_the_roles_account_and_drops_its_path()
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(
            "arn:aws:iam::111122223333:role/team/ops/reader", "nightly"), Source);

        Assert.Equal("arn:aws:sts::111122223333:assumed-role/reader/nightly",
            answer.Value("AssumeRoleResult", "AssumedRoleUser", "Arn"));
    }

    [Fact]
    public async Task Issued_credentials_sign_API_requests_and_the_log_names_their_role()
    {
        await using var emulator = await StartAsync();
        var issued = await AssumeRoleAsync(emulator, Source);

        var answer = await emulator.CallSignedAsync("ListModelVersions", ListBody, issued);
        var log = await emulator.ReadRequestLogAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["AssumeRole", "ListModelVersions"],
            log.Select(entry => entry.GetProperty("Operation").GetString()));
        Assert.Equal(Source.AccessKey, log[0].GetProperty("AccessKey").GetString());
        Assert.Equal(JsonValueKind.Null, log[0].GetProperty("AssumedRoleArn").ValueKind);
        Assert.Equal(issued.AccessKey, log[1].GetProperty("AccessKey").GetString());
        Assert.True(log[1].GetProperty("SessionTokenPresent").GetBoolean());
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/lookout-reader/test-session",
            log[1].GetProperty("AssumedRoleArn").GetString());
    }

    [Fact]
    public async Task Issued_credentials_need_their_session_token()
    {
        await using var emulator = await StartAsync();
        var issued = await AssumeRoleAsync(emulator, Source);

        var without = await emulator.CallSignedAsync(
            "ListModelVersions", ListBody, issued with { SessionToken = null });
        var wrongSecret = await emulator.CallSignedAsync(
            "ListModelVersions", ListBody, issued with { SecretKey = Source.SecretKey });

        Assert.Equal("UnrecognizedClientException", without.ErrorType);
        Assert.Equal("InvalidSignatureException", wrongSecret.ErrorType);
    }

    [Fact]
    public async Task The_log_of_an_AssumeRole_keeps_the_form_and_no_issued_secret()
    {
        await using var emulator = await StartAsync();
        var form = TestSts.AssumeRoleForm();
        var issued = await AssumeRoleAsync(emulator, Source);
        await emulator.CallSignedAsync("ListModels", "{}", issued);

        var log = await emulator.Http.GetStringAsync("/_emulator/requests");
        var keys = await emulator.Http.GetStringAsync("/_emulator/credentials");
        using var entries = JsonDocument.Parse(log);

        var entry = entries.RootElement[0];
        Assert.Equal(form, entry.GetProperty("Body").GetString());
        Assert.Equal(TestSts.FormContentType,
            entry.GetProperty("Headers").GetProperty("Content-Type").GetString());
        Assert.Equal(JsonValueKind.Null,
            entry.GetProperty("Headers").GetProperty("X-Amz-Target").ValueKind);
        Assert.Equal(200, entry.GetProperty("Status").GetInt32());
        foreach (var text in new[] { log, keys })
        {
            Assert.DoesNotContain(issued.SecretKey, text);
            Assert.DoesNotContain(issued.SessionToken!, text);
            Assert.DoesNotContain(Source.SecretKey, text);
        }
    }

    [Fact]
    public async Task The_key_list_shows_issued_keys_with_their_role_and_source()
    {
        await using var emulator = await StartAsync();
        var issued = await AssumeRoleAsync(emulator, Source);

        using var keys = JsonDocument.Parse(
            await emulator.Http.GetStringAsync("/_emulator/credentials"));

        var entries = keys.RootElement.EnumerateArray().ToArray();
        Assert.Equal([Source.AccessKey, issued.AccessKey],
            entries.Select(entry => entry.GetProperty("AccessKey").GetString()));
        var entry = entries[1];
        Assert.Equal("AssumeRole", entry.GetProperty("Source").GetString());
        Assert.True(entry.GetProperty("SessionTokenRequired").GetBoolean());
        Assert.Equal(RoleArn, entry.GetProperty("RoleArn").GetString());
        Assert.Equal("test-session", entry.GetProperty("RoleSessionName").GetString());
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/lookout-reader/test-session",
            entry.GetProperty("AssumedRoleArn").GetString());
        Assert.Equal(Source.AccessKey, entry.GetProperty("SourceAccessKey").GetString());
        Assert.False(entry.GetProperty("Expired").GetBoolean());
    }

    [Fact]
    public async Task DurationSeconds_sets_the_expiration()
    {
        await using var emulator = await StartAsync();
        var before = DateTimeOffset.UtcNow;

        var answer = await TestSts.SendAsync(
            emulator, TestSts.AssumeRoleForm(durationSeconds: 900), Source);

        var expires = DateTimeOffset.Parse(
            answer.Value("AssumeRoleResult", "Credentials", "Expiration")!,
            CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddSeconds(898), before.AddSeconds(902));
    }

    [Theory]
    [InlineData("899", "Value '899' at 'durationSeconds' failed to satisfy constraint: " +
        "Member must have value greater than or equal to 900")]
    [InlineData("43201", "Value '43201' at 'durationSeconds' failed to satisfy constraint: " +
        "Member must have value less than or equal to 43200")]
    [InlineData("soon", "Value 'soon' at 'durationSeconds' failed to satisfy constraint")]
    public async Task A_DurationSeconds_out_of_range_is_a_ValidationError(
        string duration, string message)
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm() +
            "&DurationSeconds=" + duration, Source);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("ValidationError", answer.ErrorCode);
        Assert.Contains(message, answer.ErrorMessage);
    }

    [Fact]
    public async Task A_missing_RoleArn_is_a_ValidationError_in_the_STS_error_shape()
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(emulator, TestSts.Form(
            ("Action", "AssumeRole"), ("RoleSessionName", "s1"), ("Version", "2011-06-15")),
            Source);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("text/xml", answer.ContentType);
        Assert.Equal(StsResponse.Sts + "ErrorResponse", answer.Root.Name);
        Assert.Equal("Sender", answer.Value("Error", "Type"));
        Assert.Equal("ValidationError", answer.ErrorCode);
        Assert.Equal("1 validation error detected: Value null at 'roleArn' failed to satisfy " +
            "constraint: Member must not be null", answer.ErrorMessage);
        Assert.Equal(answer.RequestIdHeader, answer.Value("RequestId"));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/alice", "test-session")]
    [InlineData("arn:aws:iam::12345:role/too-short-account", "test-session")]
    [InlineData(RoleArn, "has space")]
    [InlineData(RoleArn, "x")]
    public async Task A_malformed_role_or_session_name_is_a_ValidationError(
        string roleArn, string sessionName)
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(
            emulator, TestSts.AssumeRoleForm(roleArn, sessionName), Source);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("ValidationError", answer.ErrorCode);
    }

    [Fact]
    public async Task An_unsigned_AssumeRole_is_refused_when_keys_are_configured()
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(), null);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("MissingAuthenticationToken", answer.ErrorCode);
        Assert.Empty(await IssuedKeysAsync(emulator));
    }

    [Fact]
    public async Task A_wrong_secret_is_SignatureDoesNotMatch()
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(
            emulator, TestSts.AssumeRoleForm(), Source with { SecretKey = "wrong" });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("SignatureDoesNotMatch", answer.ErrorCode);
        Assert.StartsWith("The request signature we calculated does not match",
            answer.ErrorMessage);
    }

    [Fact]
    public async Task An_unknown_key_is_InvalidClientTokenId()
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(),
            Source with { AccessKey = "AKIAUNKNOWNSOURCE001" });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidClientTokenId", answer.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.",
            answer.ErrorMessage);
    }

    [Fact]
    public async Task A_form_changed_after_signing_is_refused()
    {
        await using var emulator = await StartAsync();
        var signedForm = Encoding.UTF8.GetBytes(TestSts.AssumeRoleForm());
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(
            TestSts.AssumeRoleForm("arn:aws:iam::123456789012:role/admin")));
        content.Headers.TryAddWithoutValidation("Content-Type", TestSts.FormContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Server.BaseAddress)
        {
            Content = content,
        };
        TestSigV4Signer.Sign(request, signedForm, Source with { Service = "sts" });

        using var answer = await emulator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>",
            await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Expired_credentials_are_refused_with_ExpiredToken()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var emulator = await StartAsync(clock);
        var issued = await AssumeRoleAsync(emulator, Source, durationSeconds: 900);

        clock.Now = clock.Now.AddSeconds(901);
        var later = issued with { SignedAt = clock.Now };
        var api = await emulator.CallSignedAsync("ListModelVersions", ListBody, later);
        var sts = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(), later);
        using var keys = JsonDocument.Parse(
            await emulator.Http.GetStringAsync("/_emulator/credentials"));

        Assert.Equal(HttpStatusCode.Forbidden, api.Status);
        Assert.Equal("ExpiredTokenException", api.ErrorType);
        Assert.Equal("ExpiredToken", sts.ErrorCode);
        Assert.True(keys.RootElement[1].GetProperty("Expired").GetBoolean());
    }

    [Fact]
    public async Task Issued_credentials_can_assume_another_role_for_up_to_an_hour()
    {
        await using var emulator = await StartAsync();
        var first = await AssumeRoleAsync(emulator, Source);

        var chained = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(
            "arn:aws:iam::123456789012:role/second-hop", "hop-2"), first);
        var tooLong = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(
            "arn:aws:iam::123456789012:role/second-hop", "hop-2", 7200), first);
        var keys = await IssuedKeysAsync(emulator);

        Assert.Equal(HttpStatusCode.OK, chained.Status);
        Assert.Equal(first.AccessKey, keys[^1].GetProperty("SourceAccessKey").GetString());
        Assert.Equal("ValidationError", tooLong.ErrorCode);
        Assert.Contains("role chaining", tooLong.ErrorMessage);
    }

    [Fact]
    public async Task GetCallerIdentity_names_the_key_or_the_role_session()
    {
        await using var emulator = await StartAsync();
        var issued = await AssumeRoleAsync(emulator, Source);
        var form = TestSts.Form(("Action", "GetCallerIdentity"), ("Version", "2011-06-15"));

        var asUser = await TestSts.SendAsync(emulator, form, Source);
        var asRole = await TestSts.SendAsync(emulator, form, issued);

        Assert.Equal(StsResponse.Sts + "GetCallerIdentityResponse", asUser.Root.Name);
        Assert.Equal($"arn:aws:iam::123456789012:user/emulator/{Source.AccessKey}",
            asUser.Value("GetCallerIdentityResult", "Arn"));
        Assert.Matches("^AIDA[A-Z2-7]{17}$", asUser.Value("GetCallerIdentityResult", "UserId")!);
        Assert.Equal("123456789012", asUser.Value("GetCallerIdentityResult", "Account"));
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/lookout-reader/test-session",
            asRole.Value("GetCallerIdentityResult", "Arn"));
        Assert.EndsWith(":test-session", asRole.Value("GetCallerIdentityResult", "UserId"));
    }

    [Theory]
    [InlineData("Action=DecodeAuthorizationMessage&Version=2011-06-15", "InvalidAction")]
    [InlineData("Action=AssumeRole&Version=2010-01-01", "InvalidAction")]
    [InlineData("Version=2011-06-15", "MissingAction")]
    public async Task Unknown_or_missing_actions_are_refused(string form, string code)
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(emulator, form, Source);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(code, answer.ErrorCode);
    }

    [Fact]
    public async Task Fault_rules_leave_STS_requests_alone()
    {
        await using var emulator = await StartAsync();
        using var rules = new StringContent(
            "[{\"Kind\":\"http500\",\"Times\":0}]", Encoding.UTF8, "application/json");
        await emulator.Http.PostAsync("/_emulator/faults", rules);

        var assumed = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(), Source);
        var api = await emulator.CallSignedAsync("ListModels", "{}", Source);

        Assert.Equal(HttpStatusCode.OK, assumed.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, api.Status);
    }

    [Fact]
    public async Task Without_configured_keys_an_unsigned_AssumeRole_is_answered()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var answer = await TestSts.SendAsync(emulator, TestSts.AssumeRoleForm(), null);
        var keys = await IssuedKeysAsync(emulator);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(JsonValueKind.Null, keys.Single().GetProperty("SourceAccessKey").ValueKind);
    }

    private const string WebIdentityToken = "eyJhbGciOiJSUzI1NiJ9.made-up-web-identity.sig";

    private static string WebIdentityForm(string? token = WebIdentityToken) =>
        TestSts.Form([
            ("Action", "AssumeRoleWithWebIdentity"),
            ("RoleArn", RoleArn),
            ("RoleSessionName", "ci-job"),
            .. token is null ? Array.Empty<(string, string)>() : [("WebIdentityToken", token)],
            ("Version", "2011-06-15"),
        ]);

    [Fact]
    public async Task AssumeRoleWithWebIdentity_is_answered_unsigned_and_its_keys_sign_requests()
    {
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(emulator, WebIdentityForm(), signing: null);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(StsResponse.Sts + "AssumeRoleWithWebIdentityResponse", answer.Root.Name);
        const string Result = "AssumeRoleWithWebIdentityResult";
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/lookout-reader/ci-job",
            answer.Value(Result, "AssumedRoleUser", "Arn"));
        var issued = new TestSigV4Signer.Options(
            answer.Value(Result, "Credentials", "AccessKeyId")!,
            answer.Value(Result, "Credentials", "SecretAccessKey")!,
            Region: "us-east-1",
            SessionToken: answer.Value(Result, "Credentials", "SessionToken"));
        var listed = await emulator.CallSignedAsync("ListModelVersions", ListBody, issued);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_needs_a_token_and_the_log_never_keeps_it()
    {
        await using var emulator = await StartAsync();

        var missing = await TestSts.SendAsync(emulator, WebIdentityForm(token: null), null);
        var given = await TestSts.SendAsync(emulator, WebIdentityForm(), null);
        var log = await emulator.Http.GetStringAsync("/_emulator/requests");

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("webIdentityToken", missing.Body);
        Assert.Equal(HttpStatusCode.OK, given.Status);
        Assert.DoesNotContain("made-up-web-identity", log);
        Assert.Contains("WebIdentityToken=REDACTED", log);
    }

    [Theory]
    [InlineData("eyJ")]
    [InlineData(null)]
    public async Task AssumeRoleWithWebIdentity_never_echoes_a_token_it_refuses(string? shape)
    {
        // The token is sensitive in the STS model: AWS words a broken constraint on it without
        // quoting the value, whether the token is too short or too long.
        var token = shape ?? "eyJ" + new string('Q', 20000);
        await using var emulator = await StartAsync();

        var answer = await TestSts.SendAsync(emulator, WebIdentityForm(token), null);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("at 'webIdentityToken' failed to satisfy constraint", answer.Body);
        Assert.DoesNotContain(shape == null ? "QQQQ" : "'eyJ'", answer.Body);
    }

    private static Task<TestEmulator> StartAsync(TimeProvider? clock = null) =>
        TestEmulator.StartAsync(new EmulatorSettings
        {
            Credentials = [new SigningCredentials(Source.AccessKey, Source.SecretKey, null)],
            Clock = clock ?? TimeProvider.System,
        });

    /// <summary>Assumes the test role and returns signing options for what was issued.</summary>
    private static async Task<TestSigV4Signer.Options> AssumeRoleAsync(
        TestEmulator emulator, TestSigV4Signer.Options signer, int? durationSeconds = null)
    {
        var answer = await TestSts.SendAsync(
            emulator, TestSts.AssumeRoleForm(durationSeconds: durationSeconds), signer);
        Assert.Equal(HttpStatusCode.OK, answer.Status);

        return new TestSigV4Signer.Options(
            answer.Value("AssumeRoleResult", "Credentials", "AccessKeyId")!,
            answer.Value("AssumeRoleResult", "Credentials", "SecretAccessKey")!,
            Region: "us-east-1",
            SignedAt: signer.SignedAt,
            SessionToken: answer.Value("AssumeRoleResult", "Credentials", "SessionToken"));
    }

    private static async Task<JsonElement[]> IssuedKeysAsync(TestEmulator emulator)
    {
        var text = await emulator.Http.GetStringAsync("/_emulator/credentials");
        return JsonDocument.Parse(text).RootElement.EnumerateArray()
            .Where(entry => entry.GetProperty("Source").GetString() == "AssumeRole")
            .ToArray();
    }
}

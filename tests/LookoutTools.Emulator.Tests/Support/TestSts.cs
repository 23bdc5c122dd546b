using System.Text;

namespace LookoutTools.Emulator.Tests.Support;

/// <summary>
/// Sends STS requests in the AWS query protocol as AWSSDK.SecurityToken does: a form body
/// with Content-Type <c>application/x-www-form-urlencoded; charset=utf-8</c>, signed by the
/// tests' own signer for the sts service.
/// </summary>
internal static class TestSts
{
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Form-encodes the parameters in the order given, as the SDK does.</summary>
    public static string Form(params (string Name, string Value)[] parameters) =>
        string.Join("&", parameters.Select(parameter =>
            Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(parameter.Value)));

    public static string AssumeRoleForm(
        string roleArn = "arn:aws:iam::123456789012:role/lookout-reader",
        string sessionName = "test-session",
        int? durationSeconds = null)
    {
        var parameters = new List<(string, string)>
        {
            ("Action", "AssumeRole"),
            ("RoleArn", roleArn),
            ("RoleSessionName", sessionName),
            ("Version", "2011-06-15"),
        };
        if (durationSeconds is { } duration)
        {
            parameters.Add(("DurationSeconds", duration.ToString()));
        }

        return Form([.. parameters]);
    }

    /// <summary>Sends the form, signed for sts when <paramref name="signing"/> is set.</summary>
    public static async Task<StsResponse> SendAsync(
        TestEmulator emulator, string form, TestSigV4Signer.Options? signing)
    {
        var body = Encoding.UTF8.GetBytes(form);
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Server.BaseAddress)
        {
            Content = content,
        };

        if (signing is not null)
        {
            TestSigV4Signer.Sign(request, body, signing with { Service = "sts" });
        }

        using var response = await emulator.Http.SendAsync(request);
        return new StsResponse(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.Single() : "");
    }
}

using System.Text;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Control;
using LookoutTools.Emulator.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace LookoutTools.Emulator.Sts;

/// <summary>
/// Answers STS requests in the AWS query protocol: <c>POST /</c> with a form-encoded body
/// naming the Action. Checks run in AWS's order: signature, action, parameters. Requests are
/// logged beside the Lookout ones; fault rules do not touch them.
/// </summary>
internal sealed partial class StsRequestHandler(
    AssumeRoleOperation assumeRole,
    SigV4Verifier? verifier,
    CredentialStore credentials,
    RequestLog log,
    ILogger logger,
    CancellationToken serverStopping)
{
    public const string ApiVersion = "2011-06-15";

    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>
    /// An STS request carries a form body and no X-Amz-Target; the JSON API always names its
    /// operation in that header.
    /// </summary>
    public static bool Accepts(HttpRequest request) =>
        !request.Headers.ContainsKey("X-Amz-Target")
        && MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals(FormContentType, StringComparison.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext context)
    {
        var entry = log.Begin();
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, serverStopping);
        var cancellation = stopping.Token;

        try
        {
            var body = await RequestBody.ReadAsync(context.Request, cancellation);
            var parameters = body is null ? new Dictionary<string, string>() : ReadForm(body);
            var action = parameters.GetValueOrDefault("Action");
            var logged = action == AssumeRoleOperation.WebIdentityName
                ? WithoutWebIdentityToken(body)
                : body;
            entry.RecordRequest(RecordedRequest.Describe(
                context.Request, action, null, logged, requestId, credentials));

            var status = await AnswerAsync(context, body, parameters, requestId, cancellation);
            entry.RecordStatus(status);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            entry.RecordStatus(0);
            context.Abort();
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            logger.LogError(error, "STS request {RequestId} failed", requestId);
            var failure = new ServiceError(500, "InternalFailure",
                $"The emulator failed: {error.GetType().Name}: {error.Message}");
            await StsResponseWriter.SendErrorAsync(
                context, failure, requestId, CancellationToken.None);
            entry.RecordStatus(failure.HttpStatus);
        }
    }

    private async Task<int> AnswerAsync(
        HttpContext context,
        byte[]? body,
        IReadOnlyDictionary<string, string> parameters,
        string requestId,
        CancellationToken cancellation)
    {
        var request = context.Request;
        if (body is null)
        {
            return await SendErrorAsync(context, new ServiceError(413, "RequestEntityTooLarge",
                $"The request body is larger than {RequestBody.MaxBytes} bytes."),
                requestId, cancellation);
        }

        // STS takes AssumeRoleWithWebIdentity unsigned: the token is the caller's proof.
        var signed = parameters.GetValueOrDefault("Action") != AssumeRoleOperation.WebIdentityName;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "/";
        if (signed
            && verifier?.Verify(request.Method, rawTarget, request.Headers, body) is { } denied)
        {
            return await SendErrorAsync(
                context, StsResponseWriter.ToQueryError(denied), requestId, cancellation);
        }

        try
        {
            var answer = Execute(parameters, CallerOf(request));
            await StsResponseWriter.SendAnswerAsync(context, answer, requestId, cancellation);
            return 200;
        }
        catch (ServiceErrorException failure)
        {
            return await SendErrorAsync(
                context, StsResponseWriter.ToQueryError(failure.Error), requestId, cancellation);
        }
    }

    private StsAnswer Execute(IReadOnlyDictionary<string, string> parameters, StsCaller caller)
    {
        var action = parameters.GetValueOrDefault("Action");
        if (string.IsNullOrEmpty(action))
        {
            throw new ServiceErrorException(new ServiceError(400, "MissingAction",
                "The request has no Action parameter; send Action=AssumeRole, " +
                "AssumeRoleWithWebIdentity or GetCallerIdentity."));
        }

        var version = parameters.GetValueOrDefault("Version") ?? ApiVersion;
        return (action, version) switch
        {
            (AssumeRoleOperation.Name, ApiVersion) => assumeRole.Execute(parameters, caller),
            (AssumeRoleOperation.WebIdentityName, ApiVersion) =>
                assumeRole.ExecuteWithWebIdentity(parameters),
            (GetCallerIdentityOperation.Name, ApiVersion) =>
                GetCallerIdentityOperation.Execute(caller),
            _ => throw new ServiceErrorException(new ServiceError(400, "InvalidAction",
                $"Could not find operation {action} for version {version}; this emulator " +
                "serves AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity of " +
                $"{ApiVersion}.")),
        };
    }

    private StsCaller CallerOf(HttpRequest request)
    {
        var authorization = AuthorizationHeader.Parse(
            request.Headers.Authorization.ToString(), out _);
        var accessKey = authorization?.AccessKey;
        return new StsCaller(accessKey, credentials.Find(accessKey));
    }

    /// <summary>
    /// The body as the request log keeps it: a web identity token is a bearer secret, so its
    /// value is replaced.
    /// </summary>
    private static byte[]? WithoutWebIdentityToken(byte[]? body)
    {
        if (body is null) return null;

        var text = Encoding.UTF8.GetString(body);
        var masked = WebIdentityTokenValue().Replace(text, "$1REDACTED");
        return masked == text ? body : Encoding.UTF8.GetBytes(masked);
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        "((?:^|&)" + AssumeRoleOperation.WebIdentityTokenParameter + "=)[^&]*")]
    private static partial System.Text.RegularExpressions.Regex WebIdentityTokenValue();

    /// <summary>The form's parameters; a name given twice keeps its first value.</summary>
    private static Dictionary<string, string> ReadForm(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        return form.ToDictionary(
            pair => pair.Key, pair => pair.Value[0] ?? "", StringComparer.Ordinal);
    }

    private static async Task<int> SendErrorAsync(
        HttpContext context, ServiceError error, string requestId, CancellationToken cancellation)
    {
        await StsResponseWriter.SendErrorAsync(context, error, requestId, cancellation);
        return error.HttpStatus;
    }
}

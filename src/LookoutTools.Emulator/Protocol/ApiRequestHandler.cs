using System.Text.Json;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Control;
using LookoutTools.Emulator.Faults;
using LookoutTools.Emulator.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace LookoutTools.Emulator.Protocol;

/// <summary>
/// Answers <c>POST /</c> as the service's AWS JSON 1.0 front end does, in AWS's order:
/// authentication, operation, content type, body, validation. Every request is logged, and
/// fault rules may spoil the answer.
/// </summary>
internal sealed class ApiRequestHandler(
    ListModelVersionsOperation listModelVersions,
    ListModelsOperation listModels,
    SigV4Verifier? verifier,
    CredentialStore credentials,
    RequestLog log,
    FaultRuleSet faults,
    ILogger logger,
    CancellationToken serverStopping)
{
    public const string TargetPrefix = "AWSLookoutEquipmentFrontendService.";

    /// <summary>How long a hang fault holds a request whose client never gives up.</summary>
    public static readonly TimeSpan LongestHang = TimeSpan.FromSeconds(120);

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
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal)
                ? target[TargetPrefix.Length..]
                : null;
            entry.RecordRequest(RecordedRequest.Describe(
                context.Request, operation, target, body, requestId, credentials));

            var status = await AnswerAsync(context, operation, body, entry, cancellation);
            entry.RecordStatus(status);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            // The client went away or the server is stopping: there is no one to answer.
            entry.RecordStatus(0);
            context.Abort();
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            // A bug in the emulator: answer as the service would, and leave a trace on stderr.
            logger.LogError(error, "Request {RequestId} failed", requestId);
            var failure = new ServiceError(500, "InternalServerException",
                $"The emulator failed: {error.GetType().Name}: {error.Message}");
            await ResponseWriter.SendErrorAsync(context, failure, CancellationToken.None);
            entry.RecordStatus(failure.HttpStatus);
        }
    }

    private async Task<int> AnswerAsync(
        HttpContext context,
        string? operation,
        byte[]? body,
        RequestLogEntry entry,
        CancellationToken cancellation)
    {
        var request = context.Request;
        if (body is null)
        {
            return await SendErrorAsync(context, new ServiceError(413, "SerializationException",
                $"The request body is larger than {RequestBody.MaxBytes} bytes."), cancellation);
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "/";
        if (verifier?.Verify(request.Method, rawTarget, request.Headers, body) is { } denied)
        {
            return await SendErrorAsync(context, denied, cancellation);
        }

        if (operation is not (ListModelVersionsOperation.Name or ListModelsOperation.Name))
        {
            var target = request.Headers["X-Amz-Target"].ToString();
            return await SendErrorAsync(context, new ServiceError(400,
                "UnknownOperationException",
                $"The operation '{target}' is not one this emulator serves " +
                $"({TargetPrefix}{ListModelVersionsOperation.Name}, " +
                $"{TargetPrefix}{ListModelsOperation.Name})."), cancellation);
        }

        if (CheckContentType(request.ContentType) is { } wrongType)
        {
            return await SendErrorAsync(context, wrongType, cancellation);
        }

        using var document = ParseBody(body, out var unreadable);
        if (document is null)
        {
            return await SendErrorAsync(context, unreadable!, cancellation);
        }

        var fields = new RequestFields(document.RootElement);
        var rule = faults.Next(operation, ModelNameOf(document.RootElement));
        if (rule is not null)
        {
            entry.RecordFault(FaultKindNames.NameOf(rule.Kind));
        }

        return await AnswerWithFaultAsync(context, operation, fields, rule, cancellation);
    }

    private async Task<int> AnswerWithFaultAsync(
        HttpContext context,
        string operation,
        RequestFields fields,
        FaultRule? rule,
        CancellationToken cancellation)
    {
        switch (rule?.Kind)
        {
            case FaultKind.DropBeforeBody:
                context.Abort();
                return 0;

            case FaultKind.Hang:
                await WaitOutAsync(LongestHang, cancellation);
                context.Abort();
                return 0;

            case FaultKind.Delay:
                await Task.Delay(rule.Delay, cancellation);
                break;

            case FaultKind.Error or FaultKind.Http429 or FaultKind.Http500 or FaultKind.Http503:
                return await SendErrorAsync(context, rule.ErrorAnswer(), cancellation);

            case FaultKind.WrongContentType:
                await ResponseWriter.SendHtmlAsync(context, cancellation);
                return 200;
        }

        var (status, body) = Execute(context.Response, operation, fields, rule);
        using (body)
        {
            return await SendBodyAsync(context, status, body.WrittenMemory, rule, cancellation);
        }
    }

    /// <summary>Runs the operation and serialises its page or its error.</summary>
    private (int Status, PooledBufferWriter Body) Execute(
        HttpResponse response, string operation, RequestFields fields, FaultRule? rule)
    {
        try
        {
            var page = operation == ListModelsOperation.Name
                ? listModels.Execute(fields)
                : listModelVersions.Execute(fields);
            return (200, ResponseWriter.Serialize(page, rule?.PageShape ?? PageShape.Normal));
        }
        catch (ServiceErrorException failure)
        {
            ResponseWriter.PrepareError(response, failure.Error);
            return (failure.Error.HttpStatus, ResponseWriter.Serialize(failure.Error));
        }
    }

    private static async Task<int> SendBodyAsync(
        HttpContext context,
        int status,
        ReadOnlyMemory<byte> body,
        FaultRule? rule,
        CancellationToken cancellation)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ResponseWriter.JsonContentType;

        switch (rule?.Kind)
        {
            case FaultKind.MalformedJson:
                // Half a document, correctly framed: the HTTP layer is fine, the JSON is not.
                response.StatusCode = 200;
                await ResponseWriter.SendAsync(response, body[..(body.Length / 2)], cancellation);
                return 200;

            case FaultKind.DropMidBody:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body[..(body.Length / 2)], cancellation);
                await response.Body.FlushAsync(cancellation);
                context.Abort();
                return status;

            case FaultKind.StallMidBody:
                // A connection that goes quiet part way: only the client's own limit ends it.
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body[..(body.Length / 2)], cancellation);
                await response.Body.FlushAsync(cancellation);
                await WaitOutAsync(LongestHang, cancellation);
                context.Abort();
                return 0;

            case FaultKind.TruncatedBody:
                // The whole document arrives, but the promised length never does.
                response.ContentLength = body.Length + 64;
                await response.Body.WriteAsync(body, cancellation);
                await response.Body.FlushAsync(cancellation);
                context.Abort();
                return status;

            default:
                await ResponseWriter.SendAsync(response, body, cancellation);
                return status;
        }
    }

    private static async Task<int> SendErrorAsync(
        HttpContext context, ServiceError error, CancellationToken cancellation)
    {
        await ResponseWriter.SendErrorAsync(context, error, cancellation);
        return error.HttpStatus;
    }

    private static ServiceError? CheckContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return ServiceError.Serialization(
                $"The request has no Content-Type; send {ResponseWriter.JsonContentType}.");
        }

        var parsed = MediaTypeHeaderValue.TryParse(contentType, out var mediaType);
        if (parsed && mediaType!.MediaType.Equals(
                ResponseWriter.JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return ServiceError.Serialization(
            $"Content-Type '{contentType}' is not supported; " +
            $"send {ResponseWriter.JsonContentType}.");
    }

    /// <summary>The body as a JSON object; an empty body counts as {} as on AWS.</summary>
    private static JsonDocument? ParseBody(byte[] body, out ServiceError? unreadable)
    {
        unreadable = null;

        // JsonDocument checks UTF-8 only when a string is read, which would fail later as a
        // server error; a body that is not UTF-8 is the client's mistake and answered so.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            unreadable = ServiceError.Serialization("The request body is not valid UTF-8.");
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            unreadable = ServiceError.Serialization(
                "The request body must be a JSON object (AWS JSON 1.0).");
            return null;
        }
        catch (JsonException error)
        {
            unreadable = ServiceError.Serialization(
                $"The request body is not valid JSON (line {error.LineNumber + 1}, byte " +
                $"{error.BytePositionInLine + 1}).");
            return null;
        }
    }

    /// <summary>The ModelName fault rules match on, whatever else is wrong with the body.</summary>
    private static string? ModelNameOf(JsonElement root) =>
        root.TryGetProperty("ModelName", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;

    private static async Task WaitOutAsync(TimeSpan limit, CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(limit, cancellation);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping: either ends the hang.
        }
    }
}

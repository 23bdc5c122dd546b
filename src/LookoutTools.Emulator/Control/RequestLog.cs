using System.Text;
using System.Text.Json;
using LookoutTools.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace LookoutTools.Emulator.Control;

/// <summary>
/// The API requests seen, in arrival order, so tests can check what a client sent. Holds the
/// last <see cref="Capacity"/> entries; never a signature, secret key or session token.
/// </summary>
internal sealed class RequestLog
{
    public const int Capacity = 10_000;

    /// <summary>Bodies are kept up to this many characters so the log stays bounded.</summary>
    public const int LongestBody = 16 * 1024;

    private readonly Queue<RequestLogEntry> _entries = new();
    private readonly Lock _lock = new();
    private long _lastSequence;

    /// <summary>Records a request on arrival; its answer is filled in when it is sent.</summary>
    public RequestLogEntry Begin()
    {
        lock (_lock)
        {
            var entry = new RequestLogEntry(++_lastSequence, DateTimeOffset.UtcNow);
            _entries.Enqueue(entry);
            if (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }

            return entry;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        RequestLogEntry[] snapshot;
        lock (_lock)
        {
            snapshot = _entries.ToArray();
        }

        writer.WriteStartArray();
        foreach (var entry in snapshot)
        {
            entry.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}

/// <summary>One API request and how it was answered.</summary>
internal sealed class RequestLogEntry(long sequence, DateTimeOffset receivedAt)
{
    // Written by the request's own handler and read by the control endpoint: guard both.
    private readonly Lock _lock = new();
    private string? _operation;
    private string? _body;
    private bool _bodyTruncated;
    private string? _target;
    private string? _contentType;
    private string? _userAgent;
    private string? _sdkRequest;
    private string? _sdkInvocationId;
    private IReadOnlyList<string>? _signedHeaders;
    private string? _accessKey;
    private string? _assumedRoleArn;
    private bool _sessionTokenPresent;
    private string? _requestId;
    private string? _fault;
    private int? _status;

    public long Sequence { get; } = sequence;

    public void RecordRequest(RecordedRequest request)
    {
        lock (_lock)
        {
            _operation = request.Operation;
            _bodyTruncated = request.Body.Length > RequestLog.LongestBody;
            _body = _bodyTruncated ? request.Body[..RequestLog.LongestBody] : request.Body;
            _target = request.Target;
            _contentType = request.ContentType;
            _userAgent = request.UserAgent;
            _sdkRequest = request.SdkRequest;
            _sdkInvocationId = request.SdkInvocationId;
            _signedHeaders = request.SignedHeaders;
            _accessKey = request.AccessKey;
            _assumedRoleArn = request.AssumedRoleArn;
            _sessionTokenPresent = request.SessionTokenPresent;
            _requestId = request.RequestId;
        }
    }

    public void RecordFault(string kind)
    {
        lock (_lock)
        {
            _fault = kind;
        }
    }

    /// <summary>The status sent, or 0 when the connection was dropped before any answer.</summary>
    public void RecordStatus(int status)
    {
        lock (_lock)
        {
            _status = status;
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        lock (_lock)
        {
            writer.WriteStartObject();
            writer.WriteNumber("Sequence", Sequence);
            writer.WriteString("ReceivedAt", receivedAt);
            writer.WriteString("Operation", _operation);
            writer.WriteString("Body", _body);
            writer.WriteBoolean("BodyTruncated", _bodyTruncated);

            writer.WriteStartObject("Headers");
            writer.WriteString("X-Amz-Target", _target);
            writer.WriteString("Content-Type", _contentType);
            writer.WriteString("User-Agent", _userAgent);
            writer.WriteString("Amz-Sdk-Request", _sdkRequest);
            writer.WriteString("Amz-Sdk-Invocation-Id", _sdkInvocationId);
            writer.WriteBoolean("X-Amz-Security-Token-Present", _sessionTokenPresent);
            writer.WriteStartArray("SignedHeaders");
            foreach (var name in _signedHeaders ?? [])
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteString("AccessKey", _accessKey);
            writer.WriteBoolean("SessionTokenPresent", _sessionTokenPresent);
            writer.WriteString("AssumedRoleArn", _assumedRoleArn);
            writer.WriteString("RequestId", _requestId);
            writer.WriteString("Fault", _fault);
            if (_status is { } status)
            {
                writer.WriteNumber("Status", status);
            }
            else
            {
                writer.WriteNull("Status");
            }

            writer.WriteEndObject();
        }
    }
}

/// <summary>What the log keeps of a request: headers that help a test, and no secrets.</summary>
internal sealed record RecordedRequest(
    string? Operation,
    string Body,
    string? Target,
    string? ContentType,
    string? UserAgent,
    string? SdkRequest,
    string? SdkInvocationId,
    IReadOnlyList<string>? SignedHeaders,
    string? AccessKey,
    string? AssumedRoleArn,
    bool SessionTokenPresent,
    string RequestId)
{
    /// <summary>
    /// Describes a request of either front end. The access key is the one the Authorization
    /// header names, accepted or not; the role is that key's, when the emulator issued it.
    /// </summary>
    public static RecordedRequest Describe(
        HttpRequest request,
        string? operation,
        string? target,
        byte[]? body,
        string requestId,
        CredentialStore credentials)
    {
        var headers = request.Headers;
        var authorization = AuthorizationHeader.Parse(headers.Authorization.ToString(), out _);
        var accessKey = authorization?.AccessKey;

        return new RecordedRequest(
            Operation: operation,
            Body: body is null ? "" : Encoding.UTF8.GetString(body),
            Target: target,
            ContentType: request.ContentType,
            UserAgent: headers.UserAgent.ToString(),
            SdkRequest: NullIfEmpty(headers["amz-sdk-request"].ToString()),
            SdkInvocationId: NullIfEmpty(headers["amz-sdk-invocation-id"].ToString()),
            SignedHeaders: authorization?.SignedHeaders,
            AccessKey: accessKey,
            AssumedRoleArn: credentials.Find(accessKey)?.Role?.AssumedRoleArn,
            SessionTokenPresent: headers.ContainsKey("X-Amz-Security-Token"),
            RequestId: requestId);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

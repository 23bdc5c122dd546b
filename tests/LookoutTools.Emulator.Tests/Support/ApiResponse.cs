using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LookoutTools.Emulator.Tests.Support;

/// <summary>An answer from the emulator, read whole, with helpers for AWS's error shape.</summary>
internal sealed class ApiResponse(
    HttpStatusCode status, string body, HttpResponseHeaders headers, string? contentType)
{
    private JsonElement? _json;

    public HttpStatusCode Status { get; } = status;

    public string Body { get; } = body;

    public HttpResponseHeaders Headers { get; } = headers;

    public string? ContentType { get; } = contentType;

    public JsonElement Json => _json ??= JsonDocument.Parse(Body).RootElement;

    /// <summary>The error name without its namespace, from the body.</summary>
    public string ErrorType
    {
        get
        {
            var type = Json.GetProperty("__type").GetString()!;
            return type[(type.IndexOf('#') + 1)..];
        }
    }

    public string Message => Json.GetProperty("Message").GetString()!;

    public string? NextToken =>
        Json.TryGetProperty("NextToken", out var token) ? token.GetString() : null;

    public JsonElement[] Items(string member = "ModelVersionSummaries") =>
        Json.GetProperty(member).EnumerateArray().ToArray();

    public long[] Versions() =>
        Items().Select(item => item.GetProperty("ModelVersion").GetInt64()).ToArray();

    public string Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}

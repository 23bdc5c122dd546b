using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LookoutTools.Emulator.Operations;
using Microsoft.AspNetCore.Http;

namespace LookoutTools.Emulator.Protocol;

/// <summary>Serialises answers in the AWS JSON 1.0 form and sends them.</summary>
internal static class ResponseWriter
{
    public const string JsonContentType = "application/x-amz-json-1.0";

    /// <summary>
    /// JSON escapes only where JSON requires it, as AWS writes: quotes in messages stay
    /// readable instead of becoming \u0027.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Roughly what one item takes, to size the buffer in one go.</summary>
    private const int BytesPerItem = 400;

    public static PooledBufferWriter Serialize(ApiPage page, PageShape shape)
    {
        var buffer = new PooledBufferWriter(256 + (page.ItemCount * BytesPerItem));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            page.Write(writer, shape);
        }

        return buffer;
    }

    public static PooledBufferWriter Serialize(ServiceError error)
    {
        var buffer = new PooledBufferWriter(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", error.QualifiedType);
            writer.WriteString("Message", error.Message);
            writer.WriteEndObject();
        }

        return buffer;
    }

    public static async Task SendErrorAsync(
        HttpContext context, ServiceError error, CancellationToken cancellation)
    {
        using var body = Serialize(error);
        PrepareError(context.Response, error);
        await SendAsync(context.Response, body.WrittenMemory, cancellation);
    }

    public static void PrepareError(HttpResponse response, ServiceError error)
    {
        response.StatusCode = error.HttpStatus;
        response.Headers["x-amzn-ErrorType"] = error.ShortType;
    }

    /// <summary>Sends a whole body with its exact length, as AWS does (no chunking).</summary>
    public static async Task SendAsync(
        HttpResponse response, ReadOnlyMemory<byte> body, CancellationToken cancellation)
    {
        response.ContentType ??= JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellation);
    }

    /// <summary>A small JSON object for the control endpoints: {"Message": "..."}.</summary>
    public static async Task SendMessageAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        using var body = new PooledBufferWriter(256);
        using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("Message", message);
            writer.WriteEndObject();
        }

        await SendAsync(context.Response, body.WrittenMemory, context.RequestAborted);
    }

    public static async Task SendHtmlAsync(HttpContext context, CancellationToken cancellation)
    {
        // What a proxy or captive portal sends instead of the service's answer.
        const string page = "<html><head><title>502 Bad Gateway</title></head>" +
            "<body><h1>Bad Gateway</h1><p>The upstream service did not answer.</p></body></html>";
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html; charset=utf-8";
        await SendAsync(context.Response, Encoding.UTF8.GetBytes(page), cancellation);
    }
}

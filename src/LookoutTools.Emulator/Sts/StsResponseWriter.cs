using System.Globalization;
using System.Text;
using System.Xml;
using LookoutTools.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace LookoutTools.Emulator.Sts;

/// <summary>Writes STS answers and errors in the AWS query protocol's XML.</summary>
internal static class StsResponseWriter
{
    public const string XmlNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public const string ContentType = "text/xml";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
    };

    /// <summary>
    /// The names the query front end uses for the JSON front end's errors that the shared
    /// verifier and validation report raise.
    /// </summary>
    private static readonly Dictionary<string, string> QueryErrorCodes = new(StringComparer.Ordinal)
    {
        ["MissingAuthenticationTokenException"] = "MissingAuthenticationToken",
        ["IncompleteSignatureException"] = "IncompleteSignature",
        ["UnrecognizedClientException"] = "InvalidClientTokenId",
        ["InvalidSignatureException"] = "SignatureDoesNotMatch",
        ["ExpiredTokenException"] = "ExpiredToken",
        ["ValidationException"] = "ValidationError",
    };

    /// <summary>ISO 8601 in UTC to the second, as STS writes Expiration.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same error under the name STS gives it.</summary>
    public static ServiceError ToQueryError(ServiceError error)
    {
        var code = QueryErrorCodes.GetValueOrDefault(error.ShortType, error.ShortType);
        var message = code == "MissingAuthenticationToken"
            ? "Request is missing Authentication Token"
            : error.Message;
        return error with { ErrorType = code, Message = message };
    }

    public static Task SendAnswerAsync(
        HttpContext context, StsAnswer answer, string requestId, CancellationToken cancellation)
    {
        var body = Write(writer =>
        {
            writer.WriteStartElement(answer.Action + "Response", XmlNamespace);
            writer.WriteStartElement(answer.Action + "Result");
            answer.WriteResult(writer);
            writer.WriteEndElement();
            writer.WriteStartElement("ResponseMetadata");
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

        return SendAsync(context.Response, 200, body, cancellation);
    }

    /// <summary>Sends <paramref name="error"/>, whose ErrorType is already an STS code.</summary>
    public static Task SendErrorAsync(
        HttpContext context, ServiceError error, string requestId, CancellationToken cancellation)
    {
        var body = Write(writer =>
        {
            writer.WriteStartElement("ErrorResponse", XmlNamespace);
            writer.WriteStartElement("Error");
            writer.WriteElementString("Type", error.HttpStatus >= 500 ? "Receiver" : "Sender");
            writer.WriteElementString("Code", error.ErrorType);
            writer.WriteElementString("Message", error.Message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        });

        return SendAsync(context.Response, error.HttpStatus, body, cancellation);
    }

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static async Task SendAsync(
        HttpResponse response, int status, byte[] body, CancellationToken cancellation)
    {
        response.StatusCode = status;
        response.ContentType = ContentType;
        await ResponseWriter.SendAsync(response, body, cancellation);
    }
}

using System;
using System.IO;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace LookoutTools.Client
{
    /// <summary>The parts of AWS JSON 1.0 that every Lookout for Equipment call shares.</summary>
    public static class JsonProtocol
    {
        public const string ContentType = "application/x-amz-json-1.0";

        private const string ServiceName = "Amazon.LookoutEquipment";

        public static IRequest NewRequest(AmazonWebServiceRequest input, string target, byte[] body)
        {
            var request = new DefaultRequest(input, ServiceName)
            {
                HttpMethod = "POST",
                ResourcePath = "/",
                Content = body,
            };
            request.Headers["X-Amz-Target"] = target;
            request.Headers["Content-Type"] = ContentType;
            request.Headers["X-Amz-Api-Version"] = LookoutEquipmentConfig.ApiVersion;
            return request;
        }

        /// <summary>
        /// The whole answer body, read once into one buffer: straight into an array of the
        /// announced length when there is one, so a 200 KB page is not copied again.
        /// </summary>
        public static ArraySegment<byte> ReadBody(UnmarshallerContext context)
        {
            var cached = context.GetResponseBodyBytes();
            if (cached != null && cached.Length > 0) return new ArraySegment<byte>(cached);

            var stream = ((JsonUnmarshallerContext)context).Stream;
            var announced = context.ResponseData?.ContentLength ?? -1;
            if (announced > 0 && announced <= int.MaxValue)
            {
                var body = new byte[announced];
                var filled = 0;
                while (filled < body.Length)
                {
                    var read = stream.Read(body, filled, body.Length - filled);
                    if (read == 0)
                    {
                        throw new IOException($"The answer ended after {filled} of the "
                            + $"{announced} bytes it announced.");
                    }
                    filled += read;
                }
                return new ArraySegment<byte>(body);
            }

            var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new ArraySegment<byte>(copy.GetBuffer(), 0, (int)copy.Length);
        }

        /// <summary>
        /// Maps an error answer to a typed exception. The error name comes from the body's
        /// __type (after any "namespace#"), else from the x-amzn-ErrorType header; the message
        /// from "message" or "Message".
        /// </summary>
        public static AmazonServiceException ReadError(
            UnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            ArraySegment<byte> body;
            try
            {
                body = ReadBody(context);
            }
            catch (Exception exception) when (exception is IOException
                || exception is InvalidOperationException)
            {
                body = new ArraySegment<byte>(Array.Empty<byte>());
            }

            ParseErrorBody(body, out var code, out var message);
            if (code == null)
            {
                code = HeaderErrorType(context.ResponseData?.GetHeaderValue("x-amzn-ErrorType"));
            }

            var requestId = context.ResponseData?.GetHeaderValue("x-amzn-RequestId");
            return LookoutEquipmentServiceException.Create(
                code, message, innerException, requestId, statusCode);
        }

        public static void ParseErrorBody(byte[] body, out string code, out string message)
        {
            ParseErrorBody(new ArraySegment<byte>(body ?? Array.Empty<byte>()), out code,
                out message);
        }

        public static void ParseErrorBody(ArraySegment<byte> body, out string code,
            out string message)
        {
            code = null;
            message = null;
            if (body.Count == 0) return;

            try
            {
                using (var document = JsonDocument.Parse(body.AsMemory()))
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object) return;

                    code = NormaliseErrorCode(StringMember(root, "__type")
                        ?? StringMember(root, "code"));
                    message = StringMember(root, "message") ?? StringMember(root, "Message");
                }
            }
            catch (Exception exception) when (exception is JsonException
                || exception is InvalidOperationException)
            {
                // A body that is not JSON (a proxy's HTML page, say) leaves the header and the
                // HTTP status to tell what happened.
                code = null;
                message = null;
            }
        }

        public static string NormaliseErrorCode(string errorType)
        {
            if (string.IsNullOrEmpty(errorType)) return null;

            // "ns#Name:http://..." : the part after ':' may itself hold a '#', so cut it first.
            var name = errorType;
            var colon = name.IndexOf(':');
            if (colon >= 0) name = name.Substring(0, colon);
            var hash = name.LastIndexOf('#');
            if (hash >= 0) name = name.Substring(hash + 1);
            return name.Length == 0 ? null : name;
        }

        private static string HeaderErrorType(string header)
        {
            return NormaliseErrorCode(header);
        }

        private static string StringMember(JsonElement element, string name)
        {
            return element.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
    }
}

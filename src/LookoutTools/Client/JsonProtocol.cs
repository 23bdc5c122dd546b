using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Threading;
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
        /// Reads the whole answer body into one buffer rented from the shared pool and hands
        /// it to <paramref name="read"/>, then returns the buffer. A page of 500 versions is
        /// over 85 KB: a new array per page would land on the large object heap, and its
        /// churn made every garbage collection a full one.
        /// </summary>
        public static T ReadPooledBody<T>(UnmarshallerContext context,
            Func<ArraySegment<byte>, T> read)
        {
            var cached = context.GetResponseBodyBytes();
            if (cached != null && cached.Length > 0) return read(new ArraySegment<byte>(cached));

            var stream = ((JsonUnmarshallerContext)context).Stream;
            var announced = context.ResponseData?.ContentLength ?? -1;
            var buffer = ArrayPool<byte>.Shared.Rent(
                announced > 0 && announced <= MaxPooledBody ? (int)announced : 16 * 1024);

            // The SDK hands the unmarshaller no token, and a plain Read of a body that stalls
            // half way ignores Ctrl+C and -TimeoutSec; a read given the call's token does not.
            var cancellation = RequestCancellation.Token;
            try
            {
                var filled = announced > 0 && announced <= MaxPooledBody
                    ? FillAnnounced(stream, buffer, (int)announced, cancellation)
                    : FillToEnd(stream, ref buffer, cancellation);
                return read(new ArraySegment<byte>(buffer, 0, filled));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static int ReadSome(Stream stream, byte[] buffer, int offset, int count,
            CancellationToken cancellation)
        {
            if (!cancellation.CanBeCanceled) return stream.Read(buffer, offset, count);

            return stream.ReadAsync(buffer, offset, count, cancellation).GetAwaiter().GetResult();
        }

        /// <summary>The whole answer body in an array of its own, for error answers.</summary>
        public static ArraySegment<byte> ReadBody(UnmarshallerContext context)
        {
            return ReadPooledBody(context, body => new ArraySegment<byte>(body.AsSpan().ToArray()));
        }

        // Larger bodies than any page the service sends are still read, just not pooled.
        private const int MaxPooledBody = 64 * 1024 * 1024;

        private static int FillAnnounced(Stream stream, byte[] buffer, int announced,
            CancellationToken cancellation)
        {
            var filled = 0;
            while (filled < announced)
            {
                var read = ReadSome(stream, buffer, filled, announced - filled, cancellation);
                if (read == 0)
                {
                    throw new IOException($"The answer ended after {filled} of the "
                        + $"{announced} bytes it announced.");
                }
                filled += read;
            }
            return filled;
        }

        private static int FillToEnd(Stream stream, ref byte[] buffer,
            CancellationToken cancellation)
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = ReadSome(stream, buffer, filled, buffer.Length - filled, cancellation);
                if (read == 0) return filled;
                filled += read;
            }
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

using System;
using Amazon.Runtime;

namespace LookoutTools.Protocol
{
    /// <summary>
    /// An answer from the endpoint that is not in the shape the API documents. The SDK wraps
    /// it in its own unmarshalling exception; the client unwraps it again for the caller.
    /// </summary>
    public sealed class ResponseParseException : AmazonClientException
    {
        public ResponseParseException(string message)
            : base(message)
        {
        }

        public ResponseParseException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}

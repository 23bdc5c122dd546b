using System;
using Amazon.Runtime;

namespace LookoutTools.Protocol
{
    /// <summary>
    /// An answer from the endpoint that is not in the shape the API documents. Derives from the
    /// SDK's client exception so that the SDK's pipeline lets it through unchanged.
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

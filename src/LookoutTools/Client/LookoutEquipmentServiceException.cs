using System;
using System.Net;
using Amazon.Runtime;

namespace LookoutTools.Client
{
    /// <summary>An error answer from Lookout for Equipment.</summary>
    public class LookoutEquipmentServiceException : AmazonServiceException
    {
        public LookoutEquipmentServiceException(string message, Exception innerException,
            ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }

        /// <summary>
        /// Builds the exception the SDK's retry policy expects: it decides from ErrorCode and
        /// StatusCode whether to try again (throttling and 5xx are retried, the rest are not).
        /// </summary>
        public static LookoutEquipmentServiceException Create(string code, string message,
            Exception innerException, string requestId, HttpStatusCode statusCode)
        {
            var errorCode = code ?? "HttpStatus" + (int)statusCode;
            var text = string.IsNullOrEmpty(message)
                ? $"The service answered HTTP {(int)statusCode} ({errorCode}) with no message."
                : message;
            var errorType = (int)statusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
            return new LookoutEquipmentServiceException(
                text, innerException, errorType, errorCode, requestId, statusCode);
        }
    }
}

using System;

namespace LookoutTools.Listing
{
    /// <summary>
    /// A listing of models that stopped part way, with what a runbook needs to carry on: the
    /// page that failed and the NextToken that continues exactly there.
    /// </summary>
    public sealed class ModelListingException : Exception
    {
        public ModelListingException(string message, Exception innerException, int pageNumber,
            string resumeToken, string errorCode, string requestId)
            : base(message, innerException)
        {
            PageNumber = pageNumber;
            ResumeToken = resumeToken;
            ErrorCode = errorCode;
            RequestId = requestId;
        }

        /// <summary>The page that failed, counting from 1.</summary>
        public int PageNumber { get; }

        /// <summary>Give this to -NextToken to continue; null when the first page failed.</summary>
        public string ResumeToken { get; }

        /// <summary>The service's error name, such as ThrottlingException, if any.</summary>
        public string ErrorCode { get; }

        public string RequestId { get; }
    }
}

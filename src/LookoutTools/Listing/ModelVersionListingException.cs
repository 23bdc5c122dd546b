using System;

namespace LookoutTools.Listing
{
    /// <summary>
    /// A listing that stopped part way. Carries what a runbook needs to carry on: the model,
    /// the page that failed, and the NextToken that continues exactly there.
    /// </summary>
    public sealed class ModelVersionListingException : Exception
    {
        public ModelVersionListingException(string message, Exception innerException,
            string modelName, int pageNumber, string resumeToken, string errorCode,
            string requestId)
            : base(message, innerException)
        {
            ModelName = modelName;
            PageNumber = pageNumber;
            ResumeToken = resumeToken;
            ErrorCode = errorCode;
            RequestId = requestId;
        }

        public string ModelName { get; }

        /// <summary>The page that failed, counting from 1.</summary>
        public int PageNumber { get; }

        /// <summary>Give this to -NextToken to continue; null when the first page failed.</summary>
        public string ResumeToken { get; }

        /// <summary>The service's error name, such as ThrottlingException, when it gave one.</summary>
        public string ErrorCode { get; }

        public string RequestId { get; }
    }
}

using System;

namespace LookoutTools.Listing
{
    /// <summary>
    /// A listing that stopped part way. Carries what a runbook needs to carry on: the page
    /// that failed and the NextToken that continues exactly there.
    /// </summary>
    public abstract class ListingException : Exception
    {
        protected ListingException(string message, Exception innerException, int pageNumber,
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

        /// <summary>Give this to -NextToken to continue; null when there is none.</summary>
        public string ResumeToken { get; }

        /// <summary>The service's error name, such as ThrottlingException, if any.</summary>
        public string ErrorCode { get; }

        public string RequestId { get; }
    }

    /// <summary>A listing of one model's versions that stopped part way.</summary>
    public sealed class ModelVersionListingException : ListingException
    {
        public ModelVersionListingException(string message, Exception innerException,
            string modelName, int pageNumber, string resumeToken, string errorCode,
            string requestId)
            : base(message, innerException, pageNumber, resumeToken, errorCode, requestId)
        {
            ModelName = modelName;
        }

        public string ModelName { get; }
    }

    /// <summary>A listing of models that stopped part way.</summary>
    public sealed class ModelListingException : ListingException
    {
        public ModelListingException(string message, Exception innerException, int pageNumber,
            string resumeToken, string errorCode, string requestId)
            : base(message, innerException, pageNumber, resumeToken, errorCode, requestId)
        {
        }
    }
}

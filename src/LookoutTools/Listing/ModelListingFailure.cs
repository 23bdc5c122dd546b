using System;
using System.Management.Automation;

namespace LookoutTools.Listing
{
    /// <summary>
    /// Turns whatever stopped a page of ListModels into one ErrorRecord. The error id, category,
    /// cause, advice and resume token come from <see cref="ListingFailure"/>, so both cmdlets
    /// classify failures alike; only the words that name what was being listed differ, because
    /// ListingFailure words its messages for one model's versions.
    /// </summary>
    public static class ModelListingFailure
    {
        private const string Placeholder = "_";

        private static readonly string VersionsSubject =
            $"Listing the versions of model '{Placeholder}'";

        public static ErrorRecord ToErrorRecord(Exception exception, int pageNumber,
            string resumeToken, TimeSpan? timeout)
        {
            var versionRecord = ListingFailure.ToErrorRecord(
                exception, Placeholder, pageNumber, resumeToken, timeout);
            var versionFailure = (ModelVersionListingException)versionRecord.Exception;

            var message = Reword(versionFailure.Message);
            var modelFailure = new ModelListingException(message, exception,
                versionFailure.PageNumber, versionFailure.ResumeToken, versionFailure.ErrorCode,
                versionFailure.RequestId);
            var record = new ErrorRecord(modelFailure, versionRecord.FullyQualifiedErrorId,
                versionRecord.CategoryInfo.Category, null);
            if (versionRecord.ErrorDetails != null)
            {
                record.ErrorDetails = new ErrorDetails(Reword(versionRecord.ErrorDetails.Message))
                {
                    RecommendedAction = versionRecord.ErrorDetails.RecommendedAction,
                };
            }
            return record;
        }

        private static string Reword(string message)
        {
            return message
                .Replace(VersionsSubject, "Listing models")
                .Replace("lookoutequipment:ListModelVersions on this model",
                    "lookoutequipment:ListModels")
                .Replace("for the same model and filters", "for the same filters")
                .Replace("Every version received so far", "Every model received so far");
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using LookoutTools.Client;
using LookoutTools.Connection;
using LookoutTools.Protocol;

namespace LookoutTools.Listing
{
    /// <summary>
    /// Turns whatever stopped a page into one ErrorRecord: a stable error id, a category that
    /// fits, and a message that ends with what to do next.
    /// </summary>
    public static class ListingFailure
    {
        public static ErrorRecord ToErrorRecord(Exception exception, ListingSubject subject,
            int pageNumber, string resumeToken, TimeSpan? timeout)
        {
            Classify(exception, subject, timeout, out var errorId, out var category,
                out var cause, out var advice);

            // When the time limit cut the retries short, the service's last answer is still
            // the news: its code and request id go with the error.
            var serviceError = exception as AmazonServiceException
                ?? (exception as RetriesCutShortException)?.LastAttemptFailure
                    as AmazonServiceException;
            if (exception is UnfollowableListingException unfollowable)
            {
                // The failure is in the answers so far, not in a request: the numbering follows
                // the last page received, and resuming is offered only where it repeats nothing.
                pageNumber = unfollowable.LastPageNumber;
                resumeToken = unfollowable.ResumeToken;
            }
            var firstPage = pageNumber <= 1;
            var where = exception is UnfollowableListingException
                ? $"Listing {subject.Description} stopped after page {pageNumber}"
                : firstPage
                    ? $"Listing {subject.Description} failed"
                    : $"Listing {subject.Description} failed on page {pageNumber}";
            var requestId = string.IsNullOrEmpty(serviceError?.RequestId)
                ? ""
                : $" (request id {serviceError.RequestId})";

            // On the first page a token can only have come from the caller; when the service
            // refuses the request then, the token is the likely culprit and the message says so.
            var resume = "";
            if (firstPage && resumeToken != null && errorId == "ValidationFailed")
            {
                advice = $"The -NextToken '{Shorten(resumeToken)}' was not accepted: copy it "
                    + $"again from the warning or error that offered it, for {subject.Scope}, "
                    + "or leave it out to start from the first page.";
            }
            else if (resumeToken != null)
            {
                var written = firstPage || exception is UnfollowableListingException
                    ? ""
                    : " Everything before this page was written.";
                resume = $"{written} To continue where it stopped, run again with -NextToken "
                    + $"'{resumeToken}'.";
            }

            var message = $"{where}: {cause}{requestId}. {advice}{resume}";
            var listingException = subject.NewException(message, exception, pageNumber,
                resumeToken, serviceError?.ErrorCode, serviceError?.RequestId);

            var record = new ErrorRecord(listingException, errorId, category, subject.ModelName);
            if (resume.Length > 0)
            {
                record.ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = $"Run again with -NextToken '{resumeToken}'.",
                };
            }
            return record;
        }

        /// <summary>
        /// Classifies what failed and says how often it was tried: when a time limit cut the
        /// SDK's retries short, what the endpoint kept answering is named, not the time limit.
        /// </summary>
        private static void Classify(Exception exception, ListingSubject subject,
            TimeSpan? timeout, out string errorId, out ErrorCategory category, out string cause,
            out string advice)
        {
            var cutShort = exception as RetriesCutShortException;
            var failure = cutShort?.LastAttemptFailure ?? exception;
            ClassifyFailure(failure, subject, timeout, out errorId, out category, out cause,
                out advice);

            var attempts = AttemptCount.Of(failure);
            var notes = new List<string>();
            if (attempts > 1) notes.Add($"{attempts} attempts");
            if (cutShort != null)
            {
                var limit = timeout.HasValue
                    ? $"the {timeout.Value.TotalSeconds:0.#} s time limit"
                    : "the time limit";
                notes.Add($"the last answer before {limit} ended the SDK's retries");

                // The time limit, not the SDK, ended the retries: advice about its retry
                // quota or attempts would mislead here.
                advice = errorId == "Throttled"
                    ? "Wait a little and run again, or allow longer with -TimeoutSec."
                    : "Try again later, or allow longer with -TimeoutSec for more retries.";
            }
            else if (attempts == 1 && (errorId == "Throttled" || errorId == "InternalServerError"))
            {
                // Retryable, yet not retried: the SDK's retry quota, spent by failures earlier
                // in the session, or a setting allowed no second attempt.
                advice = "AWSSDK.Core made no retry: after repeated failures it stops retrying "
                    + "an endpoint for a while, or AWS_MAX_ATTEMPTS is 1. Wait a little and run "
                    + "again.";
            }
            if (notes.Count > 0) cause += " (" + string.Join("; ", notes) + ")";
        }

        private static void ClassifyFailure(Exception exception, ListingSubject subject,
            TimeSpan? timeout, out string errorId, out ErrorCategory category, out string cause,
            out string advice)
        {
            if (exception is AmazonUnmarshallingException)
            {
                // An answer the SDK itself could not read: not an error the service sent.
                errorId = "InvalidResponse";
                category = ErrorCategory.InvalidData;
                cause = "the endpoint's answer could not be read: " + Trimmed(exception.Message);
                advice = "Check that the endpoint is Lookout for Equipment and try again.";
                return;
            }

            if (exception is AmazonServiceException service)
            {
                ClassifyServiceError(service, subject, out errorId, out category, out advice);
                cause = $"{service.ErrorCode}: {Trimmed(service.Message)}";
                return;
            }

            if (exception is UnfollowableListingException)
            {
                errorId = exception is StalledListingException
                    ? "StalledListing"
                    : "RepeatedNextToken";
                category = ErrorCategory.InvalidResult;
                cause = exception.Message;
                advice = $"Every {subject.Items} received so far was written; the listing was "
                    + "stopped instead of looping. ";
                advice += ((UnfollowableListingException)exception).ResumeToken == null
                    ? "Report this to the endpoint's owner."
                    : "Nothing was skipped, so a later run may get further.";
                return;
            }

            if (exception is ResponseParseException)
            {
                errorId = "InvalidResponse";
                category = ErrorCategory.InvalidData;
                cause = "the endpoint's answer could not be read: " + Trimmed(exception.Message);
                advice = "Check that the endpoint is Lookout for Equipment and try again.";
                return;
            }

            if (IsTimeout(exception))
            {
                errorId = "RequestTimedOut";
                category = ErrorCategory.OperationTimeout;
                var limit = timeout.HasValue ? $" after {timeout.Value.TotalSeconds:0.#} s" : "";
                cause = "the endpoint did not answer in time" + limit;
                advice = "Check the endpoint, or allow longer with -TimeoutSec.";
                return;
            }

            if (IsTransportFailure(exception))
            {
                errorId = "ConnectionFailed";
                category = ErrorCategory.ConnectionError;
                cause = "the connection to the endpoint failed: " + Innermost(exception).Message;
                advice = "Check the endpoint URL and the network, then try again.";
                return;
            }

            errorId = "RequestFailed";
            category = ErrorCategory.NotSpecified;
            cause = Trimmed(SecretScrubber.Scrub(exception.Message));
            advice = "Try again; run with -Debug for details if it keeps failing.";
        }

        private static void ClassifyServiceError(AmazonServiceException service,
            ListingSubject subject, out string errorId, out ErrorCategory category,
            out string advice)
        {
            switch (service.ErrorCode)
            {
                case "ResourceNotFoundException":
                    errorId = "ResourceNotFound";
                    category = ErrorCategory.ObjectNotFound;
                    advice = "Check the model name and the region.";
                    return;
                case "ValidationException":
                    errorId = "ValidationFailed";
                    category = ErrorCategory.InvalidArgument;
                    advice = "Correct the parameter the message names and run again.";
                    return;
                case "AccessDeniedException":
                    errorId = "AccessDenied";
                    category = ErrorCategory.PermissionDenied;
                    advice = $"Ask for {subject.Permission}, or use other credentials.";
                    return;
                case "UnrecognizedClientException":
                case "InvalidSignatureException":
                case "SignatureDoesNotMatch":
                case "IncompleteSignatureException":
                case "InvalidClientTokenId":
                case "MissingAuthenticationTokenException":
                case "ExpiredTokenException":
                    errorId = "AuthenticationFailed";
                    category = ErrorCategory.AuthenticationError;
                    advice = "Check the access key, secret key and session token in use, and "
                        + "refresh them if they have expired.";
                    return;
                case "ThrottlingException":
                case "Throttling":
                case "TooManyRequestsException":
                case "RequestLimitExceeded":
                    errorId = "Throttled";
                    category = ErrorCategory.LimitsExceeded;
                    advice = "The SDK's retries did not get through; wait a little and run "
                        + "again, or allow more attempts with AWS_MAX_ATTEMPTS.";
                    return;
            }

            var status = (int)service.StatusCode;
            if (status == 429)
            {
                errorId = "Throttled";
                category = ErrorCategory.LimitsExceeded;
                advice = "The SDK's retries did not get through; wait a little and run again.";
            }
            else if (status >= 500 || service.ErrorCode == "InternalServerException")
            {
                errorId = "InternalServerError";
                category = ErrorCategory.ResourceUnavailable;
                advice = "The service failed and the SDK's retries did not get through; try "
                    + "again later.";
            }
            else
            {
                errorId = "ServiceError";
                category = ErrorCategory.InvalidOperation;
                advice = "The service's message says what went wrong.";
            }
        }

        private static bool IsTimeout(Exception exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
                if (current is TimeoutException || current is OperationCanceledException)
                {
                    return true;
                }
                if (current is WebException web && web.Status == WebExceptionStatus.Timeout)
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsTransportFailure(Exception exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
                if (current is HttpRequestException || current is SocketException
                    || current is IOException || current is WebException)
                {
                    return true;
                }
            }
            return false;
        }

        private static Exception Innermost(Exception exception)
        {
            var current = exception;
            while (current.InnerException != null) current = current.InnerException;
            return current;
        }

        private static string Shorten(string token)
        {
            return token.Length <= 80 ? token : token.Substring(0, 77) + "...";
        }

        // Messages come from the endpoint: control characters in them could act on the
        // console, so they are shown as '?'.
        private static string Trimmed(string message)
        {
            return SecretScrubber.WithoutControlCharacters((message ?? "").Trim().TrimEnd('.'));
        }
    }
}

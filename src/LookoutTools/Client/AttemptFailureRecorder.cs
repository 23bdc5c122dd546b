using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace LookoutTools.Client
{
    /// <summary>
    /// Sits inside the SDK's retry loop and notes on the request how many attempts were made
    /// and why each failed, so that an error can say how often it was tried, and a time limit
    /// that ends the retries can still say what the endpoint kept answering (throttling, say)
    /// instead of only that time ran out.
    /// </summary>
    public sealed class AttemptFailureRecorder : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            CountAttempt(executionContext);
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception exception) when (Noted(executionContext, exception))
            {
                throw;
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            CountAttempt(executionContext);
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception exception) when (Noted(executionContext, exception))
            {
                throw;
            }
        }

        private static void CountAttempt(IExecutionContext executionContext)
        {
            if (executionContext.RequestContext.OriginalRequest is IAttemptLog log)
            {
                log.Attempts++;
            }
        }

        // A filter that notes and declines, so the exception goes on untouched. An attempt
        // that was cancelled did not finish: the answer before it is still the news.
        private static bool Noted(IExecutionContext executionContext, Exception exception)
        {
            if (exception is OperationCanceledException) return false;

            if (executionContext.RequestContext.OriginalRequest is IAttemptLog log)
            {
                log.LastAttemptFailure = exception;
                AttemptCount.Attach(exception, log.Attempts);
            }
            return false;
        }
    }

    /// <summary>A request that remembers why its last attempt failed.</summary>
    public interface IAttemptLog
    {
        int Attempts { get; set; }

        Exception LastAttemptFailure { get; set; }
    }

    /// <summary>Where the number of attempts travels with a service error.</summary>
    public static class AttemptCount
    {
        private const string Key = "LookoutTools.Attempts";

        public static void Attach(Exception exception, int attempts)
        {
            if (attempts > 0) exception.Data[Key] = attempts;
        }

        /// <summary>The attempts made for the request that failed, or null if unknown.</summary>
        public static int? Of(Exception exception)
        {
            return exception.Data[Key] is int attempts ? attempts : (int?)null;
        }
    }

    /// <summary>
    /// The time limit ran out while the SDK was retrying a request that had failed, waiting
    /// to retry or waiting for a retry's answer: the inner exception is the cancellation,
    /// <see cref="LastAttemptFailure"/> the failure of the last attempt that finished.
    /// </summary>
    public sealed class RetriesCutShortException : TimeoutException
    {
        public RetriesCutShortException(Exception lastAttemptFailure, Exception cancellation)
            : base("The time limit ran out while failed attempts were being retried.",
                cancellation)
        {
            LastAttemptFailure = lastAttemptFailure;
        }

        public Exception LastAttemptFailure { get; }
    }
}

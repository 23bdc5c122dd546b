using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace LookoutTools.Client
{
    /// <summary>
    /// Sits inside the SDK's retry loop and notes why each attempt failed on the request, so
    /// that a time limit that ends the retries can still say what the endpoint kept answering
    /// (throttling, say) instead of only that time ran out.
    /// </summary>
    public sealed class AttemptFailureRecorder : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
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
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception exception) when (Noted(executionContext, exception))
            {
                throw;
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
            }
            return false;
        }
    }

    /// <summary>A request that remembers why its last attempt failed.</summary>
    public interface IAttemptLog
    {
        Exception LastAttemptFailure { get; set; }
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

using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using LookoutTools.Connection;
using LookoutTools.Listing;

namespace LookoutTools.Cmdlets
{
    /// <summary>
    /// What every cmdlet that calls the service shares: the connection parameters, the client
    /// they resolve to, and a cancellation token that Ctrl+C trips.
    /// </summary>
    public abstract class LookoutServiceCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        /// <summary>The AWS region to call, such as us-east-1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Region { get; set; }

        /// <summary>The name of a profile in the shared AWS credentials or config file.</summary>
        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ValidateNotNullOrEmpty]
        public string ProfileName { get; set; }

        /// <summary>A shared credentials file to read -ProfileName from.</summary>
        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        [ValidateNotNullOrEmpty]
        public string ProfileLocation { get; set; }

        /// <summary>Credentials built with AWSSDK.Core, such as AssumeRoleAWSCredentials.</summary>
        [Parameter]
        [ValidateNotNull]
        public AWSCredentials Credential { get; set; }

        /// <summary>
        /// How long one request may take, retries included, before it fails with
        /// RequestTimedOut. Without it the SDK's own limits apply.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>The URL to call instead of the region's, such as a local emulator.</summary>
        [Parameter]
        [Alias("EndpointUri", "ServiceUrl")]
        [ValidateNotNullOrEmpty]
        public string EndpointUrl { get; set; }

        /// <summary>An AWS access key id; goes with -SecretKey.</summary>
        [Parameter]
        [Alias("AK")]
        [ValidateNotNullOrEmpty]
        public string AccessKey { get; set; }

        /// <summary>The secret access key that belongs to -AccessKey.</summary>
        [Parameter]
        [Alias("SK")]
        [ValidateNotNullOrEmpty]
        public string SecretKey { get; set; }

        /// <summary>The session token of temporary credentials.</summary>
        [Parameter]
        [Alias("ST")]
        [ValidateNotNullOrEmpty]
        public string SessionToken { get; set; }

        protected ServiceConnection Connection { get; private set; }

        protected CancellationToken StopToken => stopping.Token;

        protected override void BeginProcessing()
        {
            var settings = new ConnectionSettings
            {
                Region = Region,
                ProfileName = ProfileName,
                EndpointUrl = EndpointUrl,
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                ProfileLocation = ProfileLocation,
                Credential = Credential,
                StoredCredentials = SessionState.PSVariable.GetValue("StoredAWSCredentials"),
                StoredRegion = SessionState.PSVariable.GetValue("StoredAWSRegion"),
                TimeoutSeconds = HasTimeout ? TimeoutSec : (int?)null,
            };

            try
            {
                Connection = ConnectionResolver.Acquire(settings);
                using (var requestToken = NewRequestToken())
                {
                    Connection.EnsureCredentials(requestToken.Token);
                }
            }
            catch (ConnectionException exception)
            {
                ThrowTerminatingError(
                    new ErrorRecord(exception, exception.ErrorId, exception.Category, null));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (OperationCanceledException exception)
            {
                var timedOut = new ConnectionException("CredentialsTimedOut",
                    ErrorCategory.OperationTimeout,
                    $"The credentials from {Connection.CredentialSource} were not obtained "
                    + $"within {TimeoutSec} s. Check the credential_process, STS or SSO "
                    + "endpoint they come from, or allow longer with -TimeoutSec.", exception);
                ThrowTerminatingError(new ErrorRecord(
                    timedOut, timedOut.ErrorId, timedOut.Category, null));
            }

            WriteVerbose(Connection.Describe());
            if (Connection.SendsInPlainText)
            {
                WriteWarning($"Requests to {Connection.Endpoint} are signed but not encrypted: "
                    + "the access key id, any session token and the data cross the network in "
                    + "plain text. Use an https:// endpoint for anything but this machine.");
            }
        }

        private bool HasTimeout => MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec));

        /// <summary>
        /// The token for one request: tripped by Ctrl+C, and by -TimeoutSec when given, so that
        /// a hung endpoint ends in an error rather than never.
        /// </summary>
        protected CancellationTokenSource NewRequestToken()
        {
            var source = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            if (HasTimeout) source.CancelAfter(TimeSpan.FromSeconds(TimeoutSec));
            return source;
        }

        /// <summary>The request time limit the caller set, for error messages.</summary>
        protected TimeSpan? RequestTimeout =>
            HasTimeout ? TimeSpan.FromSeconds(TimeoutSec) : Connection?.Timeout;

        protected override void StopProcessing()
        {
            stopping.Cancel();
        }

        // PowerShell disposes a cmdlet after its last step, including when it was stopped;
        // EndProcessing would be too early for a token that StopProcessing may still trip.
        public void Dispose()
        {
            stopping.Dispose();
            Connection?.Release();
            Connection = null;
        }

        /// <summary>
        /// With -All, pages from this one on are asked for while the page before is still being
        /// written. A consumer that has taken two whole pages is reading the listing through;
        /// one that stops earlier, such as Select-Object -First, never causes a request it
        /// does not use.
        /// </summary>
        public const int FirstPageReadAhead = 4;

        /// <summary>
        /// Writes a listing page by page: each page's items as soon as the page arrives, one
        /// warning with the next token when more pages exist and -All was not given, and one
        /// error record, naming the token to resume from, when a page fails.
        /// </summary>
        protected void WritePages<TPage>(PageWalker<TPage> walker, ListingSubject subject,
            bool all, Func<TPage, IReadOnlyCollection<object>> itemsOf)
        {
            PageRequest<TPage> readAhead = null;
            try
            {
                while (true)
                {
                    TPage page;
                    var askedAhead = readAhead;
                    readAhead = null;
                    try
                    {
                        page = askedAhead == null ? FetchNow(walker) : askedAhead.Take(walker);
                    }
                    catch (PagingException) when (StopToken.IsCancellationRequested)
                    {
                        throw new PipelineStoppedException();
                    }
                    catch (PagingException exception)
                    {
                        WriteError(ListingFailure.ToErrorRecord(exception.InnerException,
                            subject, walker.PageNumber, walker.CurrentToken, RequestTimeout));
                        return;
                    }

                    var items = itemsOf(page);
                    WriteVerbose($"Received page {walker.PageNumber}: "
                        + $"{subject.PageContents(items.Count)}.");

                    // Asked for before this page is written, so that the endpoint and the
                    // parsing of the answer work while the pipeline takes these items.
                    if (all && walker.CanContinue && walker.PageNumber + 1 >= FirstPageReadAhead)
                    {
                        readAhead = new PageRequest<TPage>(walker, NewRequestToken());
                    }
                    WriteObject(items, enumerateCollection: true);

                    if (walker.IsFinished) return;
                    if (!all)
                    {
                        WriteWarning($"{subject.MoreAvailable} Add -All to list them all, or "
                            + $"run again with -NextToken '{walker.CurrentToken}' for the next "
                            + "page.");
                        return;
                    }
                }
            }
            finally
            {
                // The pipeline stopped (Select-Object -First, Ctrl+C) or failed while a page was
                // on its way: cancel it rather than leave a request running for nobody.
                readAhead?.Abandon();
            }
        }

        private TPage FetchNow<TPage>(PageWalker<TPage> walker)
        {
            using (var requestToken = NewRequestToken())
            {
                return walker.NextPage(requestToken.Token);
            }
        }

        /// <summary>A page asked for ahead of need, and the token that bounds its request.
        /// </summary>
        private sealed class PageRequest<TPage>
        {
            private readonly CancellationTokenSource requestToken;
            private readonly Task<TPage> answer;

            public PageRequest(PageWalker<TPage> walker, CancellationTokenSource requestToken)
            {
                this.requestToken = requestToken;
                answer = walker.StartNextPage(requestToken.Token);
            }

            public TPage Take(PageWalker<TPage> walker)
            {
                try
                {
                    return walker.NextPage(answer);
                }
                finally
                {
                    requestToken.Dispose();
                }
            }

            public void Abandon()
            {
                requestToken.Cancel();

                // Nobody waits for the answer; observe its failure (a cancellation, most often)
                // so that it is not reported as unobserved, and free the token once it is done.
                answer.ContinueWith(done =>
                {
                    _ = done.Exception;
                    requestToken.Dispose();
                }, TaskScheduler.Default);
            }
        }

        /// <summary>Stops the command for bad input, before any request is sent.</summary>
        protected void ThrowInvalidArgument(string errorId, string message, object target)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));
        }
    }
}

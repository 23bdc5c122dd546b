using System;
using System.Management.Automation;
using System.Threading;
using Amazon.Runtime;
using LookoutTools.Connection;

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

        /// <summary>Credentials built with AWSSDK.Core, such as an AssumeRoleAWSCredentials.</summary>
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

        /// <summary>The service URL to call instead of the region's, such as a local emulator.</summary>
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
                Connection = ConnectionResolver.Resolve(settings);
                Connection.EnsureCredentials();
            }
            catch (ConnectionException exception)
            {
                ThrowTerminatingError(
                    new ErrorRecord(exception, exception.ErrorId, exception.Category, null));
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
        }

        /// <summary>Stops the command for bad input, before any request is sent.</summary>
        protected void ThrowInvalidArgument(string errorId, string message, object target)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));
        }
    }
}

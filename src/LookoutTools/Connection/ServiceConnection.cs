using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using LookoutTools.Client;

namespace LookoutTools.Connection
{
    /// <summary>A ready client and the facts -Verbose reports about it.</summary>
    public sealed class ServiceConnection
    {
        public ServiceConnection(LookoutEquipmentClient client, AWSCredentials credentials,
            string endpoint, string endpointSource, string region, string regionSource,
            string credentialSource)
        {
            Client = client;
            Credentials = credentials;
            Endpoint = endpoint;
            EndpointSource = endpointSource;
            Region = region;
            RegionSource = regionSource;
            CredentialSource = credentialSource;
        }

        public LookoutEquipmentClient Client { get; }

        // Commands in any runspace that hold this connection, and whether it has been let go.
        private readonly object useGate = new object();
        private int users;
        private bool retired;
        private bool disposed;

        /// <summary>
        /// Counts one more command using the client; false once it has been disposed, and the
        /// caller should resolve a connection again.
        /// </summary>
        public bool TryAcquire()
        {
            lock (useGate)
            {
                if (disposed) return false;
                users++;
                return true;
            }
        }

        /// <summary>The command is done with the client.</summary>
        public void Release()
        {
            lock (useGate)
            {
                users--;
                DisposeIfUnused();
            }
        }

        /// <summary>
        /// No new command will get this connection: the client is disposed now if nobody uses
        /// it, else when the last command using it (in another runspace, say) is done.
        /// </summary>
        public void Retire()
        {
            lock (useGate)
            {
                retired = true;
                DisposeIfUnused();
            }
        }

        private void DisposeIfUnused()
        {
            if (!retired || users > 0 || disposed) return;

            disposed = true;
            Client.Dispose();
        }

        public AWSCredentials Credentials { get; }

        /// <summary>The per-attempt time limit the client was given, if any.</summary>
        public System.TimeSpan? Timeout => Client.Config.Timeout;

        public string Endpoint { get; }

        public string EndpointSource { get; }

        public string Region { get; }

        public string RegionSource { get; }

        public string CredentialSource { get; }

        /// <summary>
        /// True for an http:// endpoint off this machine: signed requests then cross a network
        /// without encryption.
        /// </summary>
        public bool SendsInPlainText
        {
            get
            {
                var uri = new System.Uri(Endpoint);
                return uri.Scheme == System.Uri.UriSchemeHttp && !uri.IsLoopback;
            }
        }

        /// <summary>
        /// Obtains the credentials now, so that a profile that cannot give any (an SSO login
        /// that expired, a failing credential_process, a role that cannot be assumed) stops
        /// the command with one clear error before the first request. Providers cache what
        /// they obtain, so this costs nothing later.
        /// </summary>
        public void EnsureCredentials(CancellationToken cancellationToken)
        {
            // The providers' own waits (STS, a credential_process, SSO) take no token, so the
            // wait for them does: Ctrl+C and -TimeoutSec end it even if the provider hangs.
            var obtaining = Task.Run(() => Credentials.GetCredentials());
            try
            {
                obtaining.Wait(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                obtaining.ContinueWith(task => task.Exception, TaskScheduler.Default);
                throw;
            }
            catch (AggregateException aggregate) when (aggregate.InnerException != null)
            {
                var exception = aggregate.InnerException;
                var reason = SecretScrubber.Scrub(exception.Message?.Trim());
                throw new ConnectionException("CredentialsUnavailable",
                    System.Management.Automation.ErrorCategory.AuthenticationError,
                    $"The credentials from {CredentialSource} could not be obtained "
                    + $"({exception.GetType().Name}: {reason}). {CredentialAdvice}");
            }
        }

        /// <summary>What to try when the credentials cannot be obtained.</summary>
        public string CredentialAdvice { get; set; } =
            "Check the credentials settings, or give other credentials.";

        public string Describe()
        {
            return $"Using endpoint {Endpoint} ({EndpointSource}), region {Region} "
                + $"({RegionSource}), credentials from {CredentialSource}.";
        }
    }
}

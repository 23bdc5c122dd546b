using LookoutTools.Client;

namespace LookoutTools.Connection
{
    /// <summary>A ready client and the facts -Verbose reports about it.</summary>
    public sealed class ServiceConnection
    {
        public ServiceConnection(LookoutEquipmentClient client, string endpoint,
            string endpointSource, string region, string regionSource, string credentialSource)
        {
            Client = client;
            Endpoint = endpoint;
            EndpointSource = endpointSource;
            Region = region;
            RegionSource = regionSource;
            CredentialSource = credentialSource;
        }

        public LookoutEquipmentClient Client { get; }

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

        public string Describe()
        {
            return $"Using endpoint {Endpoint} ({EndpointSource}), region {Region} "
                + $"({RegionSource}), credentials from {CredentialSource}.";
        }
    }
}

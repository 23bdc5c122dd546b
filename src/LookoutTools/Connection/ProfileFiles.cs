using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace LookoutTools.Connection
{
    /// <summary>The shared credentials and config files, read by the SDK's profile chain.</summary>
    public sealed class ProfileFiles
    {
        private readonly CredentialProfileStoreChain chain;

        public ProfileFiles(string location)
        {
            Location = location;
            chain = new CredentialProfileStoreChain(location);
        }

        /// <summary>The credentials file in use, or null for the SDK's default.</summary>
        public string Location { get; }

        public CredentialProfile Find(string name)
        {
            return name != null && chain.TryGetProfile(name, out var profile) ? profile : null;
        }

        public bool TryGetCredentials(string name, out AWSCredentials credentials)
        {
            return chain.TryGetAWSCredentials(name, out credentials);
        }

        public string Describe()
        {
            return Location == null
                ? "the shared AWS credentials and config files"
                : $"'{Location}' and the AWS config file";
        }
    }
}

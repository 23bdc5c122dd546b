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
            FollowConfigFileVariable();
            Location = location;
            chain = new CredentialProfileStoreChain(location);
        }

        /// <summary>
        /// Makes the SDK read the config file AWS_CONFIG_FILE names now. The SDK takes that
        /// variable once per process, and only if the file existed then, falling back to
        /// ~/.aws/config; the AWS CLI and AWS Tools read it on every call, and a runbook that
        /// sets it expects the same here. A file that does not exist reads as empty.
        /// </summary>
        private static void FollowConfigFileVariable()
        {
            var configFile = ConnectionResolver.EnvironmentValue(
                SharedCredentialsFile.SharedConfigFileEnvVar);
            if (configFile == null || configFile == SharedCredentialsFile.DefaultConfigFilePath)
            {
                return;
            }

            // The setter is private; if a later SDK drops it, the SDK's own behaviour stays.
            var property = typeof(SharedCredentialsFile).GetProperty(
                nameof(SharedCredentialsFile.DefaultConfigFilePath));
            property?.GetSetMethod(nonPublic: true)?.Invoke(null, new object[] { configFile });
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

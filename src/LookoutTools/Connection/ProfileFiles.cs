using System.Management.Automation;
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

        /// <summary>
        /// The config file the SDK reads beside a credentials file: AWS_CONFIG_FILE when set,
        /// else the file named config in the credentials file's folder.
        /// </summary>
        public static string ConfigFile(string credentialsLocation)
        {
            var fromEnvironment = ConnectionResolver.EnvironmentValue(
                SharedCredentialsFile.SharedConfigFileEnvVar);
            if (fromEnvironment != null) return fromEnvironment;

            var credentialsFile = credentialsLocation ?? SharedCredentialsFile.DefaultFilePath;
            var folder = System.IO.Path.GetDirectoryName(credentialsFile);
            return folder == null ? null : System.IO.Path.Combine(folder, "config");
        }

        /// <summary>The credentials file in use, or null for the SDK's default.</summary>
        public string Location { get; }

        public CredentialProfile Find(string name)
        {
            return name != null && chain.TryGetProfile(name, out var profile) ? profile : null;
        }

        /// <summary>A profile the caller named: missing is an error, never skipped.</summary>
        public CredentialProfile FindRequired(string name, string origin)
        {
            var profile = Find(name);
            if (profile != null) return profile;

            throw new ConnectionException("ProfileNotFound", ErrorCategory.ObjectNotFound,
                $"There is no AWS profile named '{name}' (from {origin}) in {Describe()}. Check "
                + "the name, or set AWS_SHARED_CREDENTIALS_FILE or AWS_CONFIG_FILE if your "
                + "profiles live elsewhere.");
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

using System;
using System.IO;
using System.Management.Automation;
using System.Text.RegularExpressions;
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

        /// <summary>When the credentials and config files were last written.</summary>
        public string Version
        {
            get
            {
                var credentials = Location ?? SharedCredentialsFile.DefaultFilePath;
                return WriteTime(credentials) + "|" + WriteTime(ConfigFile(Location));
            }
        }

        private static long WriteTime(string path)
        {
            return path != null && File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks : 0;
        }

        /// <summary>The credentials file in use, or null for the SDK's default.</summary>
        public string Location { get; }

        public CredentialProfile Find(string name)
        {
            if (name == null) return null;
            return Read(() => chain.TryGetProfile(name, out var profile) ? profile : null);
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
            AWSCredentials found = null;
            var ok = Read(() => chain.TryGetAWSCredentials(name, out found));
            credentials = found;
            return ok;
        }

        /// <summary>
        /// Runs a read of the profile files, turning a file the SDK cannot parse into one
        /// error that names the file and line but never repeats the line: it may hold a key.
        /// </summary>
        private T Read<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (Exception exception) when (exception is InvalidDataException
                || exception is IOException || exception is UnauthorizedAccessException
                || exception is FormatException || exception is ArgumentException
                || exception is AmazonClientException)
            {
                // A line the SDK could not parse is named by number only; other reasons, such
                // as a region that is not one, are shown with anything secret-like masked.
                var line = Regex.Match(exception.Message ?? "", @"Line\s*(\d+)");
                var why = line.Success
                    ? $"line {line.Groups[1].Value} is not a [section] or a name = value setting"
                    : SecretScrubber.Scrub(exception.Message?.Trim().TrimEnd('.'));
                throw new ConnectionException("ProfileFileInvalid", ErrorCategory.InvalidData,
                    $"An AWS credentials or config file ({Describe()}) could not be read: "
                    + $"{why}. Fix the file, or point AWS_SHARED_CREDENTIALS_FILE, "
                    + "AWS_CONFIG_FILE or -ProfileLocation at another.");
            }
        }

        public string Describe()
        {
            return Location == null
                ? "the shared AWS credentials and config files"
                : $"'{Location}' and the AWS config file";
        }
    }
}

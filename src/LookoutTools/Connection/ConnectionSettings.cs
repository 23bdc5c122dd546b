using Amazon.Runtime;

namespace LookoutTools.Connection
{
    /// <summary>What the caller said about where and as whom to call the service.</summary>
    public sealed class ConnectionSettings
    {
        public string Region { get; set; }

        public string ProfileName { get; set; }

        /// <summary>A credentials file to read profiles from instead of the default.</summary>
        public string ProfileLocation { get; set; }

        public string EndpointUrl { get; set; }

        public string AccessKey { get; set; }

        public string SecretKey { get; set; }

        public string SessionToken { get; set; }

        /// <summary>Credentials built with AWSSDK.Core, given with -Credential.</summary>
        public AWSCredentials Credential { get; set; }

        /// <summary>
        /// What AWS Tools' Set-AWSCredential left in $StoredAWSCredentials: a profile name or an
        /// AWSCredentials object.
        /// </summary>
        public object StoredCredentials { get; set; }

        /// <summary>What Set-DefaultAWSRegion left in $StoredAWSRegion.</summary>
        public object StoredRegion { get; set; }

        /// <summary>The time limit for each attempt of a request, in seconds.</summary>
        public int? TimeoutSeconds { get; set; }
    }
}

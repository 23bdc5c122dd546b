using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using LookoutTools.Client;

namespace LookoutTools.Connection
{
    /// <summary>
    /// Turns connection settings into a client: the endpoint, the region and the credentials,
    /// each from the first place that names it. Clients are kept per (credentials, region,
    /// endpoint) so that a session reuses connections and the SDK's warmed-up pipeline.
    /// </summary>
    public static class ConnectionResolver
    {
        public const string SigningRegionForCustomEndpoint = "us-east-1";

        private static readonly Regex RegionPattern =
            new Regex("^[a-z]{2,}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant);

        private static readonly ConcurrentDictionary<string, ServiceConnection> Connections =
            new ConcurrentDictionary<string, ServiceConnection>(StringComparer.Ordinal);

        public static ServiceConnection Resolve(ConnectionSettings settings)
        {
            var endpoint = ResolveEndpoint(settings, out var endpointSource);
            CheckCredentialSettings(settings);

            CredentialProfile profile = null;
            if (!string.IsNullOrEmpty(settings.ProfileName))
            {
                profile = FindProfile(settings);
            }

            var region = ResolveRegion(settings, profile, out var regionSource);
            if (region == null && endpoint == null)
            {
                throw new ConnectionException("NoRegion", ErrorCategory.InvalidArgument,
                    "No AWS region is set. Give one with -Region, set AWS_REGION or "
                    + "AWS_DEFAULT_REGION, add 'region' to your AWS profile, or name an "
                    + "endpoint with -EndpointUrl.");
            }

            var key = string.Join("\n", CredentialKey(settings), region ?? "",
                endpoint?.AbsoluteUri ?? "");
            if (Connections.TryGetValue(key, out var cached)) return cached;

            var connection = Create(settings, profile, endpoint, endpointSource, region,
                regionSource);
            return Connections.GetOrAdd(key, connection);
        }

        /// <summary>Disposes every kept client; the module calls this when it is removed.</summary>
        public static void DisposeAll()
        {
            foreach (var key in Connections.Keys)
            {
                if (Connections.TryRemove(key, out var connection))
                {
                    connection.Client.Dispose();
                }
            }
        }

        private static ServiceConnection Create(ConnectionSettings settings,
            CredentialProfile profile, Uri endpoint, string endpointSource, string region,
            string regionSource)
        {
            var config = new LookoutEquipmentConfig();

            // The region goes in before the service URL: the SDK clears one when the other is
            // set, and a URL cleared here would send the request to real AWS.
            if (region != null)
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            }
            if (endpoint != null)
            {
                config.ServiceURL = endpoint.AbsoluteUri;
                config.AuthenticationRegion = region ?? SigningRegionForCustomEndpoint;
                config.RequiredEndpoint = endpoint;
            }

            var credentials = ResolveCredentials(settings, profile, config, out var source);
            var client = new LookoutEquipmentClient(credentials, config);

            var endpointText = endpoint?.AbsoluteUri
                ?? config.DetermineServiceOperationEndpoint(
                    new Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters(
                        new ListModelVersionsRequest(new Protocol.ListModelVersionsQuery())))
                    .URL;
            var regionText = region ?? SigningRegionForCustomEndpoint;
            return new ServiceConnection(client, endpointText, endpointSource, regionText,
                regionSource, source);
        }

        private static Uri ResolveEndpoint(ConnectionSettings settings, out string source)
        {
            if (!string.IsNullOrEmpty(settings.EndpointUrl))
            {
                source = "from -EndpointUrl";
                return ParseEndpoint(settings.EndpointUrl, "-EndpointUrl");
            }

            source = "the regional default";
            if (IsTrue(Environment.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))
            {
                return null;
            }

            foreach (var name in new[] { "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT", "AWS_ENDPOINT_URL" })
            {
                var value = Environment.GetEnvironmentVariable(name);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    source = "from " + name;
                    return ParseEndpoint(value.Trim(), name);
                }
            }
            return null;
        }

        private static Uri ParseEndpoint(string text, string origin)
        {
            var valid = Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
            if (!valid)
            {
                throw new ConnectionException("InvalidEndpointUrl", ErrorCategory.InvalidArgument,
                    $"The endpoint '{text}' from {origin} is not an http:// or https:// URL. "
                    + "Give one like http://127.0.0.1:8080 or https://lookoutequipment."
                    + "us-east-1.amazonaws.com.");
            }
            return uri;
        }

        private static string ResolveRegion(ConnectionSettings settings,
            CredentialProfile profile, out string source)
        {
            if (!string.IsNullOrEmpty(settings.Region))
            {
                source = "from -Region";
                return CheckRegion(settings.Region, "-Region");
            }

            if (profile?.Region != null)
            {
                source = $"from profile '{profile.Name}'";
                return profile.Region.SystemName;
            }

            // The SDK's own chain: AWS_REGION, AWS_DEFAULT_REGION, the shared config file, then
            // instance metadata. It caches its answer, so ask afresh each time.
            FallbackRegionFactory.Reset();
            var fallback = FallbackRegionFactory.GetRegionEndpoint();
            if (fallback != null)
            {
                source = "from the environment or shared AWS config";
                return CheckRegion(fallback.SystemName, "the environment or AWS config");
            }

            source = "signing default for a custom endpoint";
            return null;
        }

        private static string CheckRegion(string region, string origin)
        {
            if (RegionPattern.IsMatch(region)) return region;

            throw new ConnectionException("InvalidRegion", ErrorCategory.InvalidArgument,
                $"'{region}' from {origin} is not an AWS region name. Give one like us-east-1, "
                + "eu-west-1 or ap-northeast-2.");
        }

        private static void CheckCredentialSettings(ConnectionSettings settings)
        {
            var anyKey = !string.IsNullOrEmpty(settings.AccessKey)
                || !string.IsNullOrEmpty(settings.SecretKey)
                || !string.IsNullOrEmpty(settings.SessionToken);
            if (!anyKey) return;

            if (string.IsNullOrEmpty(settings.AccessKey) || string.IsNullOrEmpty(settings.SecretKey))
            {
                throw new ConnectionException("IncompleteCredentials",
                    ErrorCategory.InvalidArgument,
                    "-AccessKey and -SecretKey go together: give both (and -SessionToken for "
                    + "temporary credentials), or use -ProfileName instead.");
            }
            if (!string.IsNullOrEmpty(settings.ProfileName))
            {
                throw new ConnectionException("ConflictingCredentials",
                    ErrorCategory.InvalidArgument,
                    "Give either -AccessKey and -SecretKey or -ProfileName, not both.");
            }
        }

        // The SDK's profile chain reads AWS_CONFIG_FILE itself but not
        // AWS_SHARED_CREDENTIALS_FILE, which AWS's other tools honour; pass it on.
        private static string ProfileLocation(ConnectionSettings settings)
        {
            if (!string.IsNullOrEmpty(settings.ProfileLocation)) return settings.ProfileLocation;

            var fromEnvironment = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");
            return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
        }

        private static CredentialProfile FindProfile(ConnectionSettings settings)
        {
            var chain = new CredentialProfileStoreChain(ProfileLocation(settings));
            if (chain.TryGetProfile(settings.ProfileName, out var profile)) return profile;

            var where = string.IsNullOrEmpty(settings.ProfileLocation)
                ? "the shared AWS credentials and config files"
                : $"'{settings.ProfileLocation}'";
            throw new ConnectionException("ProfileNotFound", ErrorCategory.ObjectNotFound,
                $"There is no AWS profile named '{settings.ProfileName}' in {where}. Check the "
                + "name, or set AWS_SHARED_CREDENTIALS_FILE or AWS_CONFIG_FILE if your profiles "
                + "live elsewhere.");
        }

        private static AWSCredentials ResolveCredentials(ConnectionSettings settings,
            CredentialProfile profile, LookoutEquipmentConfig config, out string source)
        {
            if (!string.IsNullOrEmpty(settings.AccessKey))
            {
                source = "-AccessKey and -SecretKey";
                return string.IsNullOrEmpty(settings.SessionToken)
                    ? (AWSCredentials)new BasicAWSCredentials(settings.AccessKey, settings.SecretKey)
                    : new SessionAWSCredentials(
                        settings.AccessKey, settings.SecretKey, settings.SessionToken);
            }

            if (profile != null)
            {
                source = $"profile '{profile.Name}'";
                var chain = new CredentialProfileStoreChain(ProfileLocation(settings));
                if (chain.TryGetAWSCredentials(profile.Name, out var profileCredentials))
                {
                    return profileCredentials;
                }
                throw new ConnectionException("ProfileNotUsable", ErrorCategory.InvalidData,
                    $"The AWS profile '{profile.Name}' has no usable credentials. Check its "
                    + "keys, role or credential_process settings.");
            }

            try
            {
                source = "the SDK's default chain (environment, shared profile, instance role)";
                return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(config);
            }
            catch (AmazonClientException exception)
            {
                throw new ConnectionException("NoCredentials", ErrorCategory.AuthenticationError,
                    "No AWS credentials were found. Give -AccessKey and -SecretKey or "
                    + "-ProfileName, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or "
                    + "AWS_PROFILE, or add a default profile to your AWS credentials file.",
                    exception);
            }
        }

        // Identifies the credentials without holding the secret itself in the key.
        private static string CredentialKey(ConnectionSettings settings)
        {
            if (!string.IsNullOrEmpty(settings.AccessKey))
            {
                return "keys|" + settings.AccessKey + "|"
                    + Fingerprint(settings.SecretKey + "\n" + settings.SessionToken);
            }
            if (!string.IsNullOrEmpty(settings.ProfileName))
            {
                return "profile|" + ProfileLocation(settings) + "|" + settings.ProfileName;
            }

            var environment = new StringBuilder();
            foreach (var name in new[]
            {
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
            })
            {
                environment.Append(Environment.GetEnvironmentVariable(name)).Append('\n');
            }
            return "default|" + Fingerprint(environment.ToString());
        }

        private static string Fingerprint(string text)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                return Convert.ToBase64String(hash);
            }
        }

        private static bool IsTrue(string value)
        {
            return string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }
    }
}

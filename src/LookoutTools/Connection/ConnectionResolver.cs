using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using LookoutTools.Client;

namespace LookoutTools.Connection
{
    /// <summary>
    /// Turns connection settings into a client: the credentials, the region and the endpoint,
    /// each from the first place that names it, in the order AWS's own tools use. Clients are
    /// kept per (credentials, region, endpoint, timeout) so that a session reuses connections
    /// and the SDK's warmed-up pipeline; they are safe to share between runspaces.
    /// </summary>
    public static class ConnectionResolver
    {
        public const string SigningRegionForCustomEndpoint = "us-east-1";

        /// <summary>How many clients are kept at most: plenty for one session.</summary>
        public const int MaxKeptClients = 64;

        private static readonly Regex RegionPattern =
            new Regex(@"\A[a-z]{2,}(-[a-z]+)+-[0-9]{1,2}\z", RegexOptions.CultureInvariant);

        private static readonly ConcurrentDictionary<string, ServiceConnection> Connections =
            new ConcurrentDictionary<string, ServiceConnection>(StringComparer.Ordinal);

        public static ServiceConnection Resolve(ConnectionSettings settings)
        {
            CheckCredentialSettings(settings);

            var profiles = new ProfileFiles(ProfileLocation(settings));
            var credentials = CredentialChain.Choose(settings, profiles);
            // The profile whose region and endpoint apply: the one named on the command line
            // even when keys given beside it win for credentials, else the credentials' own.
            var profile = !string.IsNullOrEmpty(settings.ProfileName)
                ? profiles.FindRequired(settings.ProfileName, "-ProfileName")
                : profiles.Find(credentials.ProfileName
                    ?? EnvironmentValue("AWS_PROFILE") ?? "default");

            // Only now that the profile files have been read without error: AWSSDK.Core reads
            // them in a type initializer, and a file it cannot parse there breaks the SDK for
            // the rest of the process.
            FollowSdkSettings();

            var region = ResolveRegion(settings, profile, out var regionSource);
            var explicitEndpoint = string.IsNullOrEmpty(settings.EndpointUrl)
                ? null
                : ParseEndpoint(settings.EndpointUrl, "-EndpointUrl");

            var key = string.Join("\n", credentials.IdentityKey, region, explicitEndpoint,
                profile?.Name, profiles.Location, settings.TimeoutSeconds,
                ConfiguredEndpointFingerprint());
            if (Connections.TryGetValue(key, out var cached)) return cached;

            var connection = Create(settings, credentials, profile, profiles, explicitEndpoint,
                region, regionSource);

            // A runbook that rotates temporary credentials makes a new identity each time;
            // past a bound the kept clients are let go, each disposed once no command in any
            // runspace still uses it, rather than kept for the whole session.
            if (Connections.Count >= MaxKeptClients) DisposeAll();
            var kept = Connections.GetOrAdd(key, connection);
            if (!ReferenceEquals(kept, connection)) connection.Client.Dispose();
            return kept;
        }

        /// <summary>
        /// Resolves a connection and counts the caller as using it until
        /// <see cref="ServiceConnection.Release"/>, so that removing the module elsewhere cannot
        /// dispose the client under a listing that is still running.
        /// </summary>
        public static ServiceConnection Acquire(ConnectionSettings settings)
        {
            while (true)
            {
                var connection = Resolve(settings);
                if (connection.TryAcquire()) return connection;

                // Retired and disposed between the lookup and now: that key is gone from the
                // cache, so the next lookup makes a new client.
            }
        }

        /// <summary>
        /// Lets go of every kept client; the module calls this when it is removed. Clients in
        /// use by a command (in another runspace, say) are disposed when it is done with them.
        /// </summary>
        public static void DisposeAll()
        {
            foreach (var key in Connections.Keys)
            {
                if (Connections.TryRemove(key, out var connection))
                {
                    connection.Retire();
                }
            }
        }

        /// <summary>How many clients are kept now; tests use it to see reuse.</summary>
        public static int KeptClientCount => Connections.Count;

        private static ServiceConnection Create(ConnectionSettings settings,
            CredentialChoice credentials, CredentialProfile profile, ProfileFiles profiles,
            Uri explicitEndpoint, string region, string regionSource)
        {
            var config = new LookoutEquipmentConfig();
            if (profile != null) config.Profile = new Profile(profile.Name, profiles.Location);
            if (settings.TimeoutSeconds.HasValue)
            {
                config.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds.Value);
            }

            var endpoint = explicitEndpoint;
            var endpointSource = "from -EndpointUrl";
            if (endpoint == null && !IgnoresConfiguredEndpoints(profile))
            {
                endpoint = ConfiguredEndpoint(profile, profiles.Location, out endpointSource);
            }

            // The SDK would look for configured endpoints too, but it reads AWS_CONFIG_FILE
            // once per process and keeps what it found; the lookup above reads afresh, so the
            // SDK's own is switched off rather than allowed to disagree.
            config.IgnoreConfiguredEndpointUrls = true;

            if (region == null && endpoint == null)
            {
                throw new ConnectionException("NoRegion", ErrorCategory.InvalidArgument,
                    "No AWS region is set. Give one with -Region or Set-DefaultAWSRegion, set "
                    + "AWS_REGION or AWS_DEFAULT_REGION, add 'region' to your AWS profile, or "
                    + "name an endpoint with -EndpointUrl.");
            }

            // The region goes in before the service URL: the SDK clears one when the other is
            // set, and a URL cleared here would send the request to real AWS.
            if (region != null) config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            if (endpoint != null)
            {
                config.ServiceURL = endpoint.AbsoluteUri;
                config.AuthenticationRegion = region ?? SigningRegionForCustomEndpoint;
                config.RequiredEndpoint = endpoint;
            }

            var awsCredentials = credentials.Create();
            var client = new LookoutEquipmentClient(awsCredentials, config);
            var endpointText = endpoint?.AbsoluteUri ?? DefaultEndpoint(config);
            if (endpoint == null) endpointSource = "the regional default";
            return new ServiceConnection(client, awsCredentials, endpointText, endpointSource,
                region ?? SigningRegionForCustomEndpoint,
                region == null ? "signing default for a custom endpoint" : regionSource,
                credentials.Source)
            {
                CredentialAdvice = AdviceFor(profile, credentials),
            };
        }

        private static string AdviceFor(CredentialProfile profile, CredentialChoice credentials)
        {
            var options = profile?.Options;
            if (credentials.ProfileName == null || options == null)
            {
                return "Check the credentials settings, or give other credentials.";
            }
            var usesSso = !string.IsNullOrEmpty(options.SsoStartUrl)
                || !string.IsNullOrEmpty(options.SsoSession);
            if (usesSso)
            {
                return $"Sign in first with: aws sso login --profile {profile.Name}";
            }
            if (!string.IsNullOrEmpty(options.CredentialProcess))
            {
                return $"Run the credential_process of profile '{profile.Name}' by hand to see why "
                    + "it fails; it must print the credentials as JSON.";
            }
            if (!string.IsNullOrEmpty(options.RoleArn))
            {
                return $"Check role_arn and source_profile of profile '{profile.Name}', and that "
                    + "the source credentials may assume the role.";
            }
            return $"Check the keys of profile '{profile.Name}'.";
        }

        private static string DefaultEndpoint(LookoutEquipmentConfig config)
        {
            var parameters = new Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters(
                new ListModelVersionsRequest(new Protocol.ListModelVersionsQuery()));
            return config.DetermineServiceOperationEndpoint(parameters).URL;
        }

        /// <summary>
        /// The endpoint AWS's tools take from configuration: the service's own environment
        /// variable, the general one, the profile's services section, then its endpoint_url.
        /// </summary>
        private static Uri ConfiguredEndpoint(CredentialProfile profile, string location,
            out string source)
        {
            foreach (var name in new[] { "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT", "AWS_ENDPOINT_URL" })
            {
                var value = EnvironmentValue(name);
                if (value != null)
                {
                    source = "from " + name;
                    return ParseEndpoint(value, name);
                }
            }

            if (!string.IsNullOrWhiteSpace(profile?.Services))
            {
                var fromServices = ServicesSection.FindEndpoint(
                    ProfileFiles.ConfigFile(location), profile.Services.Trim());
                if (fromServices != null)
                {
                    source = $"from the services section of profile '{profile.Name}'";
                    return ParseEndpoint(fromServices, source.Substring(5));
                }
            }

            if (!string.IsNullOrWhiteSpace(profile?.EndpointUrl))
            {
                source = $"from the endpoint_url of profile '{profile.Name}'";
                return ParseEndpoint(profile.EndpointUrl.Trim(), $"profile '{profile.Name}'");
            }

            source = null;
            return null;
        }

        private static bool IgnoresConfiguredEndpoints(CredentialProfile profile)
        {
            var fromEnvironment = EnvironmentValue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
            if (fromEnvironment != null)
            {
                return string.Equals(fromEnvironment, "true", StringComparison.OrdinalIgnoreCase);
            }
            return profile?.IgnoreConfiguredEndpointUrls == true;
        }

        private static Uri ParseEndpoint(string text, string origin)
        {
            var valid = Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
                && string.IsNullOrEmpty(uri.UserInfo);
            if (!valid)
            {
                throw new ConnectionException("InvalidEndpointUrl", ErrorCategory.InvalidArgument,
                    $"The endpoint '{WithoutUserInfo(text)}' from {origin} is not an http:// or "
                    + "https:// URL without a query or a user name. Give one like "
                    + "http://127.0.0.1:8080 or https://lookoutequipment.us-east-1.amazonaws.com.");
            }
            return uri;
        }

        // A password in a URL must not be repeated in an error.
        private static string WithoutUserInfo(string text)
        {
            return Regex.Replace(text, "//[^/@]*@", "//****@");
        }

        private static string ResolveRegion(ConnectionSettings settings,
            CredentialProfile profile, out string source)
        {
            if (!string.IsNullOrEmpty(settings.Region))
            {
                source = "from -Region";
                return CheckRegion(settings.Region, "-Region");
            }

            var stored = StoredRegionName(settings.StoredRegion);
            if (stored != null)
            {
                source = "from $StoredAWSRegion";
                return CheckRegion(stored, "$StoredAWSRegion");
            }

            foreach (var name in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
            {
                var value = EnvironmentValue(name);
                if (value != null)
                {
                    source = "from " + name;
                    return CheckRegion(value, name);
                }
            }

            if (profile?.Region != null)
            {
                source = $"from profile '{profile.Name}'";
                return CheckRegion(profile.Region.SystemName, $"profile '{profile.Name}'");
            }

            source = null;
            return null;
        }

        private static string StoredRegionName(object stored)
        {
            var value = stored is PSObject wrapped ? wrapped.BaseObject : stored;
            switch (value)
            {
                case null: return null;
                case RegionEndpoint endpoint: return endpoint.SystemName;
                case string text when !string.IsNullOrWhiteSpace(text): return text.Trim();
                default: return value.ToString();
            }
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

            var keysComplete = !string.IsNullOrEmpty(settings.AccessKey)
                && !string.IsNullOrEmpty(settings.SecretKey);
            if (!keysComplete)
            {
                throw new ConnectionException("IncompleteCredentials",
                    ErrorCategory.InvalidArgument,
                    "-AccessKey and -SecretKey go together: give both (and -SessionToken for "
                    + "temporary credentials), or use -ProfileName instead.");
            }
        }

        // The SDK's profile chain reads AWS_CONFIG_FILE itself but not
        // AWS_SHARED_CREDENTIALS_FILE, which AWS's other tools honour; pass it on.
        private static string ProfileLocation(ConnectionSettings settings)
        {
            if (!string.IsNullOrEmpty(settings.ProfileLocation)) return settings.ProfileLocation;
            return EnvironmentValue("AWS_SHARED_CREDENTIALS_FILE");
        }

        // Configured endpoints come from the environment and the profile; a client made under
        // one set of them must not be reused under another.
        private static string ConfiguredEndpointFingerprint()
        {
            return string.Join("|", EnvironmentValue("AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT"),
                EnvironmentValue("AWS_ENDPOINT_URL"),
                EnvironmentValue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
                EnvironmentValue("AWS_CONFIG_FILE"), SdkSettingsFingerprint());
        }

        private static void FollowSdkSettings()
        {
            Client.SdkSettings.ReadAgainWhenChanged(SdkSettingsFingerprint());
        }

        private static string SdkSettingsFingerprint()
        {
            return string.Join("|", EnvironmentValue("AWS_MAX_ATTEMPTS"),
                EnvironmentValue("AWS_RETRY_MODE"), EnvironmentValue("AWS_PROFILE"),
                EnvironmentValue("AWS_CONFIG_FILE"), EnvironmentValue("AWS_DEFAULTS_MODE"));
        }

        internal static string EnvironmentValue(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        internal static string Fingerprint(string text)
        {
            using (var sha = SHA256.Create())
            {
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
            }
        }

        /// <summary>
        /// A name for an object that stays the same for its life and is never shared with
        /// another object, unlike a hash code.
        /// </summary>
        internal static string ObjectIdentity(object value)
        {
            return ObjectNames.GetValue(value, _ => Guid.NewGuid().ToString("N"));
        }

        private static readonly ConditionalWeakTable<object, string> ObjectNames =
            new ConditionalWeakTable<object, string>();
    }
}

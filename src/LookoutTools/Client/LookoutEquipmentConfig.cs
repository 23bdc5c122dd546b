using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace LookoutTools.Client
{
    /// <summary>
    /// Client settings for Lookout for Equipment. The service id is what makes the SDK honour
    /// AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT and the shared config file's services section.
    /// </summary>
    public sealed class LookoutEquipmentConfig : ClientConfig
    {
        public const string ServiceIdentifier = "LookoutEquipment";
        public const string SigningName = "lookoutequipment";
        public const string ApiVersion = "2020-12-15";

        private static readonly string ModuleUserAgent = BuildUserAgent();

        public LookoutEquipmentConfig()
            : base(new DefaultConfigurationProvider(StandardDefaults()))
        {
            ServiceId = ServiceIdentifier;
            AuthenticationServiceName = SigningName;
            EndpointProvider = new LookoutEquipmentEndpointProvider();

            // The SDK's own retries decide how often a request is tried; the extra attempts it
            // makes when a pooled connection was closed would multiply them. Only AWSSDK.Core
            // 4.1 has the setting, and an older 4.x loaded first by another module keeps its
            // default, hence the reflection.
            typeof(ClientConfig).GetProperty("MaxStaleConnectionRetries")?.SetValue(this, 0);
        }

        /// <summary>
        /// The endpoint every request must go to, kept apart from ServiceURL because the SDK
        /// clears ServiceURL when a region is set after it.
        /// </summary>
        public Uri RequiredEndpoint { get; set; }

        public override string RegionEndpointServiceName => SigningName;

        public override string ServiceVersion => ApiVersion;

        public override string UserAgent => ModuleUserAgent;

        public override Endpoint DetermineServiceOperationEndpoint(
            ServiceOperationEndpointParameters parameters)
        {
            var endpointParameters = LookoutEquipmentEndpointResolver.MapParameters(
                this, parameters.AlternateEndpoint?.SystemName);
            return EndpointProvider.ResolveEndpoint(endpointParameters);
        }

        // Keep the SDK's own prefix (SDK version, runtime, OS) and add the module after it, as
        // AWS's generated clients do; replacing it would hide the SDK version from the service.
        private static string BuildUserAgent()
        {
            var moduleVersion = typeof(LookoutEquipmentConfig).Assembly.GetName().Version;
            return InternalSDKUtils.BuildUserAgentString(ServiceIdentifier, "4.0.0.0")
                + " lib/LookoutTools#" + moduleVersion.ToString(3);
        }

        // The SDK's standard defaults mode: standard retries, 3.1 s connect timeout. Every mode
        // name is listed so that AWS_DEFAULTS_MODE keeps working.
        private static IEnumerable<IDefaultConfiguration> StandardDefaults()
        {
            var names = new[]
            {
                DefaultConfigurationMode.Standard,
                DefaultConfigurationMode.InRegion,
                DefaultConfigurationMode.CrossRegion,
                DefaultConfigurationMode.Mobile,
                DefaultConfigurationMode.Auto,
            };
            foreach (var name in names)
            {
                var connectTimeout = name == DefaultConfigurationMode.Mobile
                    ? TimeSpan.FromSeconds(30)
                    : TimeSpan.FromMilliseconds(
                        name == DefaultConfigurationMode.Standard
                        || name == DefaultConfigurationMode.CrossRegion ? 3100 : 1100);
                yield return new DefaultConfiguration
                {
                    Name = name,
                    RetryMode = RequestRetryMode.Standard,
                    S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
                    ConnectTimeout = connectTimeout,
                    TlsNegotiationTimeout = connectTimeout,
                };
            }
        }
    }
}
